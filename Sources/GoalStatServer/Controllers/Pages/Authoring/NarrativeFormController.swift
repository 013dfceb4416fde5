import GoalStatCore
import GoalStatStore
import Vapor

/// A goal's quarterly narrative (accomplishments, challenges, next steps), like the quarterly progress updates on
/// Performance.gov. One per goal and quarter: writing it again replaces it, and the history of changes keeps both.
struct NarrativeFormController {
    func form(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let document = try await request.visibleFramework()
        let goal = try Self.goal(code, in: document)
        let reporting = Reporting(plan: document.plan)
        let period = (try request.queryText("period")) ?? Self.lastQuarter(today: request.clock.today, reporting: reporting)
        var values = FormValues()
        values["period"] = period
        if let stored = document.narratives.last(where: { $0.goal == code && $0.period == period }) {
            values["accomplishments"] = stored.accomplishments ?? ""
            values["challenges"] = stored.challenges ?? ""
            values["nextSteps"] = stored.nextSteps ?? ""
        }
        return page(goal: goal, values: values).render(request.pageContext).htmlResponse()
    }

    func submit(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let goal = try Self.goal(code, in: try await request.visibleFramework())
        let values = try request.formValues()
        var form = FormReader(values)
        let period = form.required("period", "quarter")
        let narrative = Narrative(
            goal: code, period: period, accomplishments: form.optional("accomplishments"), challenges: form.optional("challenges"),
            nextSteps: form.optional("nextSteps"), author: request.principal.actor
        )
        if narrative.accomplishments == nil, narrative.challenges == nil, narrative.nextSteps == nil {
            form.errors.add("accomplishments", "write at least one of accomplishments, challenges and next steps")
        }
        if form.errors.isEmpty {
            do {
                try await PlanAPIController.store(narrative, request: request, source: .form)
                return request.redirect(to: SiteURL.goal(code).path, redirectType: .normal)
            } catch let error as FrameworkImportError {
                form.errors.add(error)
            }
        }
        var refused = page(goal: goal, values: values)
        refused.errors = form.errors
        return refused.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    /// The quarter that ended last: the one a quarterly update reports on.
    static func lastQuarter(today: CalendarDate, reporting: Reporting) -> String {
        reporting.label(Period.containing(today, frequency: .quarterly, calendar: reporting.calendar, fiscal: reporting.fiscal).previous())
    }

    private static func goal(_ code: String, in document: FrameworkDocument) throws -> Goal {
        guard let goal = document.goals.first(where: { $0.code == code }) else { throw Abort(.notFound, reason: "There is no goal \(code).") }
        return goal
    }

    private func page(goal: Goal, values: FormValues) -> RecordFormPage {
        RecordFormPage(
            title: "Quarterly narrative for \(goal.name)",
            lead: "What was achieved, what stands in the way, and what comes next. Writing the narrative of a quarter again replaces it; the history of changes keeps the earlier text.",
            breadcrumb: [(label: goal.name, url: .goal(goal.code))],
            action: .narrative(goal: goal.code, period: nil),
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "period", label: "Quarter", hint: "For example 2026-Q3 or FY2027-Q1.", kind: .text(), required: true),
                FormField(name: "accomplishments", label: "Accomplishments", kind: .longText(rows: 5)),
                FormField(name: "challenges", label: "Challenges", kind: .longText(rows: 5)),
                FormField(name: "nextSteps", label: "Next steps", kind: .longText(rows: 5)),
            ])],
            values: values,
            submitLabel: "Save narrative",
            cancel: .goal(goal.code)
        )
    }
}

extension NarrativeFormController {
    /// One workflow step from the goal's page (submit, approve, publish, send back), then back to the goal.
    func step(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        try await PortalService.authorizeSteps(goal: code, request: request)
        let values = try request.formValues()
        do {
            _ = try await PortalService.step(
                goal: code, period: values.text("period"), step: values.text("step").flatMap(NarrativeStep.init(rawValue:)),
                note: values.text("note"), request: request, source: .form
            )
            return request.redirect(to: SiteURL.goal(code).path + "#narratives-heading", redirectType: .normal)
        } catch let refused as PortalService.Refused {
            let refusal = GoalPageModel.StepRefusal(period: values["period"], step: values["step"], message: refused.message, note: values["note"])
            return try await GoalPageController().refusedStep(code, for: request, refusal: refusal)
        }
    }
}
