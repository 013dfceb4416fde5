import GoalStatCore
import GoalStatStore
import Vapor

/// The browser's forms for one kind of framework record: add, edit, remove. Every save goes through the same
/// writes as the API (`FrameworkResourceController`), so the rules, the checks of where a record may belong and
/// what it may name, the versions and the audit are one piece of code; this controller only translates the form
/// and the refusals into a page with each error beside its field and what was typed kept.
struct RecordFormController<Form: RecordForm>: Sendable where Form.Record: Content & Equatable & ReferencingRecord {
    var resource: FrameworkResourceController<Form.Record>
    /// The field holding the key (`code`, or `email` for a person).
    var keyField = "code"
    var keyIndicatorLimit: @Sendable (Request) -> Int = { $0.application.serverSettings.keyIndicatorsPerGoal }

    func newForm(_ request: Request) async throws -> Response {
        let query = FormValues((try? request.query.decode([String: String].self))?.mapValues { [$0] } ?? [:])
        let choices = FormChoices(try await request.visibleFramework())
        let page = try await makePage(key: nil, values: Form.defaults(choices, query: query), request: request)
        return page.render(request.pageContext).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        return try await save(values, key: nil, request: request) { record in
            try await resource.add(record, request: request, source: .form)
        }
    }

    func editForm(_ request: Request) async throws -> Response {
        let key = try request.parameters.require("code")
        let record = try await stored(key, request: request)
        let page = try await makePage(key: key, values: Form.values(of: record), version: try await version(key, request), request: request)
        return page.render(request.pageContext).htmlResponse()
    }

    func update(_ request: Request) async throws -> Response {
        let key = try request.parameters.require("code")
        _ = try await stored(key, request: request)
        var values = try request.formValues()
        values[keyField] = key
        let expected = values.text("version").flatMap(Int.init)
        return try await save(values, key: key, request: request) { record in
            _ = try await resource.replace(key, with: record, expectedVersion: expected, request: request, source: .form)
        }
    }

    func removeForm(_ request: Request) async throws -> Response {
        let key = try request.parameters.require("code")
        let record = try await stored(key, request: request)
        let blockers = try await FrameworkStore.blockers(of: resource.removableKind, key: key, on: request.db)
        return removalPage(record, key: key, blockers: blockers).render(request.pageContext).htmlResponse()
    }

    func remove(_ request: Request) async throws -> Response {
        let key = try request.parameters.require("code")
        let record = try await stored(key, request: request)
        // The confirmation page sends this; a bare POST (a stray link, a crawler) removes nothing.
        guard (try? request.formValues())?.text("confirm") == "remove" else {
            throw Abort(.badRequest, reason: "Confirm the removal on its page first.")
        }
        do {
            try await resource.remove(key, request: request, source: .form)
        } catch let error as APIError where error.status == .conflict {
            let blockers = try await FrameworkStore.blockers(of: resource.removableKind, key: key, on: request.db)
            return removalPage(record, key: key, blockers: blockers).render(request.pageContext).htmlResponse(status: .conflict)
        }
        let next: SiteURL = if case .goal(let goal) = Form.page(of: record), resource.kind == .milestone { .goal(goal) } else { .framework }
        return request.redirect(to: next.path, redirectType: .normal)
    }

    // MARK: -

    /// Saves, or shows the form again with every refusal beside its field (422), or with the current version when
    /// someone else changed the record meanwhile (409).
    private func save(_ values: FormValues, key: String?, request: Request, write: (Form.Record) async throws -> Void) async throws -> Response {
        let record: Form.Record
        switch Form.record(from: values) {
        case .success(let made): record = made
        case .failure(let errors):
            return try await refused(values, key: key, errors: errors, request: request)
        }
        do {
            try await write(record)
        } catch let error as FrameworkImportError {
            var errors = FormErrors()
            errors.add(error)
            return try await refused(values, key: key, errors: errors, request: request)
        } catch let error as APIError where [.conflict, .unprocessableEntity, .badRequest].contains(error.status) && error.code != "staleVersion" {
            var errors = FormErrors()
            errors.add(error.field.map { FormErrors.field($0) } ?? FormErrors.general, error.message)
            return try await refused(values, key: key, errors: errors, request: request)
        } catch AccessDenied.forbidden(let message) {
            var errors = FormErrors()
            errors.add(resource.kind == .orgUnit ? "parent" : resource.kind == .milestone ? "goal" : "orgUnit", message)
            return try await refused(values, key: key, errors: errors, request: request)
        } catch let stale as StaleVersion {
            var page = try await makePage(key: key, values: values, version: try await version(key ?? "", request), request: request)
            _ = stale
            page.staleNotice = "Someone else changed this \(Form.noun) after you opened the form. Your changes are kept below and the form now starts from the current version: check them against the \(Form.noun) as it is now (open its page in another tab), then save again."
            return page.render(request.pageContext).htmlResponse(status: .conflict)
        }
        return request.redirect(to: Form.page(of: record).path, redirectType: .normal)
    }

    private func refused(_ values: FormValues, key: String?, errors: FormErrors, request: Request) async throws -> Response {
        var page = try await makePage(key: key, values: values, version: values.text("version").flatMap(Int.init), request: request)
        page.errors = errors
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    private func stored(_ key: String, request: Request) async throws -> Form.Record {
        guard let record = resource.records(try await request.visibleFramework()).first(where: { resource.key($0) == key }) else {
            throw Abort(.notFound, reason: "There is no \(Form.noun) \(key).")
        }
        return record
    }

    private func version(_ key: String, _ request: Request) async throws -> Int? {
        guard let kind = resource.versionedKind else { return nil }
        return try await FrameworkStore.version(of: kind, key: key, on: request.db)
    }

    private func makePage(key: String?, values: FormValues, version: Int? = nil, request: Request) async throws -> RecordFormPage {
        let document = try await request.visibleFramework()
        let choices = FormChoices(document)
        let noun = Form.noun
        return RecordFormPage(
            title: key.map { _ in "Edit the \(noun) \(values["name"].isEmpty ? key ?? "" : values["name"])" } ?? "Add \(Self.article(noun)) \(noun)",
            lead: key == nil ? nil : "Every change is recorded in the history of changes, with who made it and when.",
            breadcrumb: [(label: "Plan and framework", url: .framework)],
            action: key.map { .editRecord(resource.kind, $0) } ?? .createRecord(resource.kind),
            sections: Form.sections(choices, editing: key != nil),
            values: values,
            hidden: version.map { [(name: "version", value: String($0))] } ?? [],
            notices: KeyIndicatorAdvice.notices(kind: resource.kind, values: values, key: key, document: document, limit: keyIndicatorLimit(request)),
            submitLabel: key == nil ? "Add \(noun)" : "Save changes",
            cancel: key.map { _ in (try? Form.record(from: values).get()).map(Form.page(of:)) ?? .framework } ?? .framework,
            removal: key.map { .removeRecord(resource.kind, $0) }
        )
    }

    /// "an indicator", "a goal".
    static func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    private func removalPage(_ record: Form.Record, key: String, blockers: [String]) -> RemovalPage {
        RemovalPage(
            noun: Form.noun, name: Form.title(of: record), key: key, blockers: blockers,
            action: .removeRecord(resource.kind, key), cancel: Form.page(of: record)
        )
    }
}
