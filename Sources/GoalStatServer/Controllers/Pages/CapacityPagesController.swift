import GoalStatCore
import GoalStatStore
import Vapor

/// Capacity requests in the browser: the list, asking, and a request with its decision and follow-up.
struct CapacityPagesController {
    func list(_ request: Request) async throws -> Response {
        let document = try await request.framework()
        return CapacityListPage(
            requests: try await CapacityService.visible(openOnly: false, request: request), document: document,
            canAsk: request.principal.maySomewhere(.enterData) || request.principal.maySomewhere(.editFramework)
        ).render(request.pageContext).htmlResponse()
    }

    func newForm(_ request: Request) async throws -> Response {
        try CapacityService.requireTeamMember(request)
        var values = FormValues()
        values["kind"] = CapacityKind.staff.rawValue
        return try await askForm(values, errors: FormErrors(), request: request).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        try CapacityService.requireTeamMember(request)
        let values = try request.formValues()
        var reader = FormReader(values)
        let unit = reader.required("orgUnit", "team"), title = reader.required("title", "what is needed")
        let justification = reader.required("justification", "reason")
        let kind = reader.choice("kind", "kind", as: CapacityKind.self)
        guard reader.errors.isEmpty, let kind else {
            return try await askForm(values, errors: reader.errors, request: request).htmlResponse(status: .unprocessableEntity)
        }
        let capacity = CapacityRequest(
            orgUnit: unit, goal: reader.optional("goal"), kind: kind, title: title, justification: justification, requestedOn: request.clock.today.description
        )
        do {
            let asked = try await CapacityService.ask(capacity, request: request, source: .form)
            return request.redirect(to: SiteURL.capacityRequest(asked.id).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await askForm(values, errors: FormErrors(fields: refused.fields), request: request).htmlResponse(status: .unprocessableEntity)
        }
    }

    private func askForm(_ values: FormValues, errors: FormErrors, request: Request) async throws -> String {
        let choices = FormChoices(try await request.visibleFramework())
        var page = RecordFormPage(
            title: "Ask for capacity",
            lead: "What your team needs to perform — people, skills, tools, data or money — for which goal, and what it would let the team achieve. Those who run reviews decide; the request stays on the review agenda until what was granted has arrived.",
            breadcrumb: [(label: "Reviews", url: .reviews), (label: "Capacity requests", url: .capacityRequests)],
            action: .capacityRequests,
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "orgUnit", label: "Team", kind: .choice([FormChoices.none("Choose the team")] + choices.orgUnits), required: true),
                FormField(name: "goal", label: "For the goal", kind: .choice([FormChoices.none("No one goal")] + choices.goals)),
                FormField(name: "kind", label: "What kind of capacity", kind: .choice(CapacityKind.choices(\.title)), required: true),
                FormField(name: "title", label: "What is needed", hint: "In a line: for example, One more examiner from April", kind: .text(), required: true),
                FormField(name: "justification", label: "What it would let the team achieve", hint: "And what happens without it.", kind: .longText(rows: 4), required: true),
            ])],
            values: values,
            submitLabel: "Send the request",
            cancel: .capacityRequests
        )
        page.errors = errors
        return page.render(request.pageContext)
    }

    func show(_ request: Request) async throws -> Response {
        let capacity = try await CapacityService.stored(try request.parameters.require("id"), request: request)
        return try await page(capacity, values: FormValues(), errors: FormErrors(), request: request).htmlResponse()
    }

    func decide(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let capacity = try await CapacityService.stored(id, request: request)
        let values = try request.formValues()
        var reader = FormReader(values)
        guard let status = reader.choice("status", "decision", as: CapacityStatus.self) else {
            return try await page(capacity, values: values, errors: reader.errors, request: request).htmlResponse(status: .unprocessableEntity)
        }
        do {
            _ = try await CapacityService.decide(id, status: status, decision: reader["decision"], review: nil, request: request, source: .form)
            return request.redirect(to: SiteURL.capacityRequest(capacity.id).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await page(capacity, values: values, errors: FormErrors(fields: refused.fields), request: request).htmlResponse(status: .unprocessableEntity)
        }
    }

    func followUp(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let capacity = try await CapacityService.stored(id, request: request)
        let values = try request.formValues()
        var reader = FormReader(values)
        guard let status = reader.choice("status", "status", as: CapacityStatus.self) else {
            return try await page(capacity, values: values, errors: reader.errors, request: request).htmlResponse(status: .unprocessableEntity)
        }
        do {
            _ = try await CapacityService.followUp(id, text: reader["text"], status: status, request: request, source: .form)
            return request.redirect(to: SiteURL.capacityRequest(capacity.id).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await page(capacity, values: values, errors: FormErrors(fields: refused.fields), request: request).htmlResponse(status: .unprocessableEntity)
        }
    }

    /// The request with what has happened to it, and the next step's form for whoever may take it: the decision
    /// while it waits for one, then follow-up notes until it is delivered or declined.
    private func page(_ capacity: CapacityRequest, values: FormValues, errors: FormErrors, request: Request) async throws -> String {
        let document = try await request.framework()
        let tree = try await request.orgTree()
        let principal = request.principal
        let mayDecide = principal.may(.runReviews, in: capacity.orgUnit, tree: tree)
        let mayFollow = mayDecide || principal.may(.enterData, in: capacity.orgUnit, tree: tree) || principal.may(.editFramework, in: capacity.orgUnit, tree: tree)
        let unit = document.orgUnits.first { $0.code == capacity.orgUnit }?.name ?? capacity.orgUnit
        var sections: [FormSection] = []
        var action = SiteURL.capacityDecision(capacity.id), submit = "Record the decision"
        var shown = values
        if capacity.status == .open, mayDecide {
            if shown.values.isEmpty { shown["status"] = CapacityStatus.granted.rawValue }
            sections = [FormSection(title: "Decide", hint: nil, fields: [
                FormField(name: "status", label: "Decision", kind: .choice([CapacityStatus.granted, .partlyGranted, .declined].map { FormChoice(label: $0.title, value: $0.rawValue) }), required: true),
                FormField(name: "decision", label: "What was decided and why", kind: .longText(rows: 3), required: true),
            ])]
        } else if capacity.status != .open, capacity.status != .delivered, capacity.status != .declined, mayFollow {
            action = .capacityUpdates(capacity.id)
            submit = "Save the update"
            if shown.values.isEmpty { shown["status"] = capacity.status.rawValue }
            sections = [FormSection(title: "Follow up", hint: nil, fields: [
                FormField(name: "text", label: "What has happened", kind: .longText(rows: 3), required: true),
                FormField(name: "status", label: "The request is now", kind: .choice([CapacityStatus.granted, .partlyGranted, .delivered, .declined].map { FormChoice(label: $0.title, value: $0.rawValue) }), required: true),
            ])]
        }
        var page = RecordFormPage(
            title: capacity.title,
            lead: "\(unit) asked on \(capacity.requestedOn) for \(capacity.kind.title.lowercased()). \(capacity.status.title).",
            breadcrumb: [(label: "Reviews", url: .reviews), (label: "Capacity requests", url: .capacityRequests)],
            action: action, sections: sections, values: shown, submitLabel: submit, cancel: .capacityRequests
        )
        page.errors = errors
        page.details = CapacityListPage.details(capacity, document: document)
        return page.render(request.pageContext)
    }
}
