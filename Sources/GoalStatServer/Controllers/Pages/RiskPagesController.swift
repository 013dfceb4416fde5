import GoalStatCore
import GoalStatStore
import Vapor

/// The risk register's pages: the register with its heat map, opening a risk, and a risk with its score history.
struct RiskPagesController {
    func register(_ request: Request) async throws -> Response {
        let goal = try request.queryText("goal")
        let closed = try request.queryBool("closed") ?? false
        let document = try await request.visibleFramework()
        return RiskRegisterPage(
            risks: try await RiskService.visible(goal: goal, includeClosed: closed, request: request), goals: document.goals, people: document.people,
            goal: goal, includeClosed: closed, today: request.clock.today,
            canEdit: request.principal.maySomewhere(.editFramework) || request.principal.maySomewhere(.runReviews)
        ).render(request.pageContext).htmlResponse()
    }

    func newForm(_ request: Request) async throws -> Response {
        let goal = try request.queryText("goal")
        try RiskService.requireEditor(request)
        var values = FormValues()
        values["goal"] = goal ?? ""
        values["owner"] = request.principal.actor ?? ""
        values["status"] = RiskStatus.open.rawValue
        values["reviewOn"] = request.clock.today.adding(days: 90).description
        return try await form(values, errors: FormErrors(), risk: nil, request: request).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        try RiskService.requireEditor(request)
        let values = try request.formValues()
        var reader = FormReader(values)
        guard let risk = read(&reader, goal: reader.required("goal", "goal"), today: request.clock.today), reader.errors.isEmpty else {
            return try await form(values, errors: reader.errors, risk: nil, request: request).htmlResponse(status: .unprocessableEntity)
        }
        do {
            let opened = try await RiskService.open(risk, request: request, source: .form)
            return request.redirect(to: SiteURL.risk(opened.id).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await form(values, errors: FormErrors(fields: refused.fields), risk: nil, request: request).htmlResponse(status: .unprocessableEntity)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let risk = try await RiskService.stored(try request.parameters.require("id"), request: request)
        return try await form(Self.values(of: risk), errors: FormErrors(), risk: risk, request: request).htmlResponse()
    }

    func update(_ request: Request) async throws -> Response {
        try RiskService.requireEditor(request)
        let id = try request.parameters.require("id")
        let stored = try await RiskService.stored(id, request: request)
        let values = try request.formValues()
        var reader = FormReader(values)
        guard let risk = read(&reader, goal: reader.required("goal", "goal"), today: request.clock.today), reader.errors.isEmpty else {
            return try await form(values, errors: reader.errors, risk: stored, request: request).htmlResponse(status: .unprocessableEntity)
        }
        do {
            _ = try await RiskService.revise(id, to: risk, note: reader.optional("note"), request: request, source: .form)
            return request.redirect(to: SiteURL.risk(stored.id).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await form(values, errors: FormErrors(fields: refused.fields), risk: stored, request: request).htmlResponse(status: .unprocessableEntity)
        }
    }

    private func read(_ reader: inout FormReader, goal: String, today: CalendarDate) -> Risk? {
        let title = reader.required("title", "risk")
        let likelihood = reader.integer("likelihood", in: RiskRules.scale), impact = reader.integer("impact", in: RiskRules.scale)
        if reader.optional("likelihood") == nil { reader.errors.add("likelihood", "choose how likely it is") }
        if reader.optional("impact") == nil { reader.errors.add("impact", "choose how bad it would be") }
        let status = reader.choice("status", "status", as: RiskStatus.self)
        guard let likelihood, let impact, let status else { return nil }
        return Risk(
            goal: goal, title: title, description: reader.optional("description"), likelihood: likelihood, impact: impact,
            owner: reader.optional("owner"), mitigation: reader.optional("mitigation"), status: status, reviewOn: reader.optional("reviewOn"),
            openedOn: today.description
        )
    }

    static func values(of risk: Risk) -> FormValues {
        var values = FormValues()
        values["goal"] = risk.goal
        values["title"] = risk.title
        values["description"] = risk.description ?? ""
        values["likelihood"] = String(risk.likelihood)
        values["impact"] = String(risk.impact)
        values["owner"] = risk.owner ?? ""
        values["mitigation"] = risk.mitigation ?? ""
        values["status"] = risk.status.rawValue
        values["reviewOn"] = risk.reviewOn ?? ""
        return values
    }

    private func form(_ values: FormValues, errors: FormErrors, risk: Risk?, request: Request) async throws -> String {
        let document = try await request.visibleFramework()
        let choices = FormChoices(document)
        let canEdit = request.principal.maySomewhere(.editFramework) || request.principal.maySomewhere(.runReviews)
        let likelihood = (1...5).map { FormChoice(label: "\($0) \(RiskScale.likelihood[$0 - 1])", value: String($0)) }
        let impact = (1...5).map { FormChoice(label: "\($0) \(RiskScale.impact[$0 - 1])", value: String($0)) }
        var fields = [
            FormField(name: "goal", label: "Goal at risk", kind: .choice([FormChoices.none("Choose a goal")] + choices.goals), required: true),
            FormField(name: "title", label: "Risk", hint: "What could happen, in a line: for example, Two examiners retire in March", kind: .text(), required: true),
            FormField(name: "description", label: "Cause and consequence", kind: .longText(rows: 3)),
            FormField(name: "likelihood", label: "Likelihood", kind: .choice([FormChoices.none("Choose")] + likelihood), required: true),
            FormField(name: "impact", label: "Impact", kind: .choice([FormChoices.none("Choose")] + impact), required: true),
            FormField(name: "owner", label: "Owner", kind: .choice([FormChoices.none("Not named yet")] + choices.people)),
            FormField(name: "mitigation", label: "Mitigation", hint: "What is done to make it less likely or less bad.", kind: .longText(rows: 3)),
            FormField(name: "status", label: "Status", kind: .choice(RiskStatus.choices(\.title)), required: true),
            FormField(name: "reviewOn", label: "Next review", kind: .text(date: true)),
        ]
        if risk != nil { fields.append(FormField(name: "note", label: "Why the score changed", hint: "Kept with the score history.", kind: .longText(rows: 2))) }
        var page = RecordFormPage(
            title: risk.map { "Risk: \($0.title)" } ?? "Open a risk",
            lead: risk.map { risk in
                let goal = document.goals.first { $0.code == risk.goal }?.name ?? risk.goal
                return "A risk to \(goal), opened on \(risk.openedOn). Score \(risk.score) (\(risk.level.title.lowercased())): likelihood \(risk.likelihood) × impact \(risk.impact)."
            } ?? "A risk to a goal: what could happen, how likely and how bad, who owns it and how it is mitigated.",
            breadcrumb: [(label: "Reviews", url: .reviews), (label: "Risk register", url: .risks())],
            action: risk.map { .editRisk($0.id) } ?? .risks(),
            sections: canEdit ? [FormSection(title: risk == nil ? nil : "Change the risk", hint: nil, fields: fields)] : [],
            values: values,
            submitLabel: risk == nil ? "Open the risk" : "Save the risk",
            cancel: .risks()
        )
        page.errors = errors
        page.details = risk.map(Self.history)
        if !canEdit { page.details = (page.details ?? "") + "<p class=\"muted\">Goal leaders, performance staff and those who run reviews keep the register.</p>" }
        return page.render(request.pageContext)
    }

    /// The score history as a chart and a table.
    static func history(_ risk: Risk) -> String {
        let rows = risk.history.reversed().map { entry in
            "<tr><td class=\"date\">\(Escaping.xml(entry.on))</td><td class=\"number\">\(entry.likelihood)</td><td class=\"number\">\(entry.impact)</td>"
                + "<td class=\"number\">\(entry.score)</td><td>\(Escaping.xml(entry.by ?? "—"))</td><td>\(Escaping.xml(entry.note ?? ""))</td></tr>"
        }.joined()
        let source = risk.review.map { "<p>Opened at <a href=\"\(SiteURL.reviewBriefing($0).path)\">a review</a>.</p>" } ?? ""
        return """
        <section aria-labelledby="history-heading"><h2 id="history-heading">Score history</h2>\(source)
        <div class="chart-with-table"><figure class="chart">\(RiskScoreHistorySVG.render(risk.history, titleID: "history-title"))<figcaption id="history-title">Score (likelihood × impact, 1–25) at each assessment</figcaption></figure>
        <div class="table-scroll" role="region" aria-label="Score history"><table><caption>Every assessment, newest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Likelihood</th><th scope="col">Impact</th><th scope="col">Score</th><th scope="col">By</th><th scope="col">Why</th></tr></thead>
        <tbody>\(rows)</tbody></table></div></div></section>
        """
    }
}
