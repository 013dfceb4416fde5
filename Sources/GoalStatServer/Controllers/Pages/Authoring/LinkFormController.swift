import GoalStatCore
import GoalStatStore
import Vapor

/// Links between indicators (driver → result, with the expected sign and lag): the mental model made explicit and
/// tested by the analysis (SPEC §2, practice 4). Listed, added and removed in the browser.
struct LinkFormController {
    func list(_ request: Request) async throws -> Response {
        let document = try await request.visibleFramework()
        return LinksPage(links: document.links, names: Dictionary(document.indicators.map { ($0.code, $0.name) }) { first, _ in first })
            .render(request.pageContext).htmlResponse()
    }

    func form(_ request: Request) async throws -> Response {
        var values = FormValues()
        values["expectedSign"] = LinkSign.positive.rawValue
        values["lagPeriods"] = "0"
        values["driver"] = try request.queryText("driver") ?? ""
        return try await page(values: values, request: request).render(request.pageContext).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        var form = FormReader(values)
        let driver = form.required("driver", "driving indicator"), result = form.required("result", "result indicator")
        let sign = form.choice("expectedSign", "expected direction", as: LinkSign.self)
        let lag = form.integer("lagPeriods", in: 0...60) ?? 0
        if !driver.isEmpty, driver == result { form.errors.add("result", "an indicator cannot drive itself") }
        guard form.errors.isEmpty, let sign else { return try await refused(values, form.errors, request) }
        do {
            try await PlanAPIController.store(IndicatorLink(driver: driver, result: result, expectedSign: sign, lagPeriods: lag), request: request, source: .form)
        } catch let error as FrameworkImportError {
            var errors = FormErrors()
            errors.add(error)
            return try await refused(values, errors, request)
        } catch AccessDenied.forbidden(let message) {
            var errors = FormErrors()
            errors.add("driver", message)
            return try await refused(values, errors, request)
        }
        return request.redirect(to: SiteURL.links.path, redirectType: .normal)
    }

    func confirmRemoval(_ request: Request) async throws -> Response {
        let driver = try request.queryText("driver") ?? "", result = try request.queryText("result") ?? ""
        guard try await request.visibleFramework().links.contains(where: { $0.driver == driver && $0.result == result }) else {
            throw Abort(.notFound, reason: "There is no link from \(driver) to \(result).")
        }
        return LinkRemovalPage(driver: driver, result: result).render(request.pageContext).htmlResponse()
    }

    func remove(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        let driver = values["driver"], result = values["result"]
        do {
            try await PlanAPIController.removeLink(driver: driver, result: result, request: request, source: .form)
        } catch let error as APIError where error.status == .notFound {
            throw Abort(.notFound, reason: error.message)
        }
        return request.redirect(to: SiteURL.links.path, redirectType: .normal)
    }

    private func refused(_ values: FormValues, _ errors: FormErrors, _ request: Request) async throws -> Response {
        var page = try await page(values: values, request: request)
        page.errors = errors
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    private func page(values: FormValues, request: Request) async throws -> RecordFormPage {
        let choices = FormChoices(try await request.visibleFramework())
        return RecordFormPage(
            title: "Add a link between indicators",
            lead: "Say which indicator you expect to drive another, which way, and how many periods later. The review tests every link against the data.",
            breadcrumb: [(label: "Plan and framework", url: .framework), (label: "Links", url: .links)],
            action: .links,
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "driver", label: "Driving indicator", kind: .choice([FormChoices.none("Choose…")] + choices.indicators), required: true),
                FormField(name: "result", label: "Result it drives", kind: .choice([FormChoices.none("Choose…")] + choices.indicators), required: true),
                FormField(name: "expectedSign", label: "Expected direction", kind: .choice(LinkSign.choices(\.title)), required: true),
                FormField(name: "lagPeriods", label: "Periods before the result moves", hint: "0 when both move in the same period.", kind: .text(numeric: true)),
            ])],
            values: values,
            submitLabel: "Add link",
            cancel: .links
        )
    }
}
