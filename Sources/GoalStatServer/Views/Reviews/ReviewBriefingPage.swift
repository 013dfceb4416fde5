import GoalStatCore
import GoalStatStore
import Plot

/// A review's page and printable briefing book: the briefing generated from the data as of a date, what earlier
/// reviews left to follow up, and the forms that record this review's assessments, decisions and actions.
struct ReviewBriefingPage: Sendable {
    var briefing: ReviewBriefing
    var canRecord: Bool
    /// The refused form's fields and errors ("assessment", "decision", "action"), its values kept.
    var refusedForm: String?
    var values = FormValues()
    var errors = FormErrors()

    private var review: Review { briefing.review }
    private var document: FrameworkDocument { briefing.document }

    private func indicatorName(_ code: String) -> String { document.indicators.first { $0.code == code }?.name ?? code }
    private func goalName(_ code: String) -> String { document.goals.first { $0.code == code }?.name ?? code }
    private func personName(_ email: String) -> String { document.people.first { $0.email == email }?.name ?? email }
    private func unitName(_ code: String) -> String { document.orgUnits.first { $0.code == code }?.name ?? code }

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: review.title, current: .reviews, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.reviews), .text("Reviews"))),
                .p(.class("goal-kind"), .text(review.kind.title), .text(" · "), .plain(review.date)),
                .h1(.plain(review.title)),
                .definitions([
                    (term: "Chair", detail: review.chair.map { .plain(personName($0)) }),
                    (term: "Attendees", detail: review.attendees.isEmpty ? nil : .plain(review.attendees.map(personName).joined(separator: ", "))),
                    (term: "Goals", detail: review.goals.isEmpty ? nil : .plain(review.goals.map(goalName).joined(separator: ", "))),
                    (term: "Org units", detail: review.orgUnits.isEmpty ? nil : .plain(review.orgUnits.map(unitName).joined(separator: ", "))),
                ])
            ),
            .form(
                .class("inline-form no-print"),
                .action(.reviewBriefing(review.id)),
                .method(.get),
                .div(.class("field"), .label(.for("briefing-as-of"), .text("Briefing as of")),
                     .input(.type(.date), .id("briefing-as-of"), .name("asOf"), .attr("value", briefing.asOf.description))),
                .button(.type(.submit), .text("Show the briefing"))
            ),
            .p(.class("lede"), .text("The briefing as of \(briefing.asOf). Print this page for the briefing book.")),
            followUpSection,
            offTargetSection,
            signalsSection,
            focusSection,
            integritySection,
            milestonesSection,
            risksSection,
            capacitySection,
            assessmentsSection(context),
            decisionsSection(context),
            actionsSection(context)
        ), width: .full)
    }

    // MARK: Follow-up

    var followUpSection: Node<HTML.BodyContext> {
        let followUp = briefing.followUp
        return .section(
            .attr("aria-labelledby", "follow-up-heading"),
            .h2(.id("follow-up-heading"), .text("Follow-up from earlier reviews")),
            .unwrap(followUp.previous, { previous in
                .p(.text("Since the last review, "), .a(.href(.reviewBriefing(previous.id)), .plain(previous.title)), .text(" on "), .plain(previous.date), .text("."))
            }, else: .p(.class("muted"), .text("This is the first review of this scope."))),
            .if(!briefing.previousDecisions.isEmpty, .group(
                .h3(.text("What the last review decided")),
                .ul(.forEach(briefing.previousDecisions) { decision in .li(.strong(.text(decision.kind.title + ": ")), .plain(decision.text)) })
            )),
            actionTable("Actions still open", followUp.openActions, id: "open-actions"),
            actionTable("Actions closed since the last review", followUp.closedSinceLastReview, id: "closed-actions"),
            askTable("Asks for help still open", followUp.openAsks),
            askTable("Asks answered since the last review", followUp.answeredSinceLastReview)
        )
    }

    private func actionTable(_ title: String, _ actions: [ActionItem], id: String) -> Node<HTML.BodyContext> {
        .if(!actions.isEmpty, .group(
            .h3(.id(id), .text(title)),
            .scrollingTable(
                label: title,
                .caption(.text(title)),
                .thead(.tr(.column("Action"), .column("Owner"), .column("Due"), .column("Status"), .column("Latest update"))),
                .tbody(.forEach(actions) { action in
                    .tr(
                        .rowHeader(.a(.href(.action(action.id)), .plain(action.title))),
                        .td(.plain(personName(action.owner))),
                        .td(.class("date"), .plain(action.due), .if(action.isOverdue(on: briefing.asOf), .group(.text(" "), .tag("overdue", class: "warning")))),
                        .td(.text(action.status.title)),
                        .td(.plain(action.updates.last.map { "\($0.on): \($0.text)" } ?? "—"))
                    )
                })
            )
        ))
    }

    private func askTable(_ title: String, _ asks: [GoalAssessment]) -> Node<HTML.BodyContext> {
        .if(!asks.isEmpty, .group(
            .h3(.text(title)),
            .scrollingTable(
                label: title,
                .caption(.text(title)),
                .thead(.tr(.column("Goal"), .column("Asked of"), .column("Help asked for"), .column("Answer"))),
                .tbody(.forEach(asks) { assessment in
                    .tr(
                        .rowHeader(.a(.href(.goal(assessment.goal)), .plain(goalName(assessment.goal)))),
                        .td(.plain(assessment.ask.map { unitName($0.orgUnit) } ?? "")),
                        .td(.a(.href(.ask(assessment.id)), .plain(assessment.ask?.request ?? ""))),
                        .td(.plain(assessment.ask?.answer.map { "\($0) (\(assessment.ask?.answeredOn ?? ""))" } ?? "Not answered yet"))
                    )
                })
            )
        ))
    }

    // MARK: The data

    /// `charts`: each row with the trend of its latest values (the full chart and its data table are on the
    /// indicator's page).
    private func indicatorTable(_ title: String, _ lines: [ReviewBriefing.IndicatorLine], empty: String, charts: Bool = false) -> Node<HTML.BodyContext> {
        .if(lines.isEmpty, .p(.class("muted"), .plain(empty)), else: .scrollingTable(
            label: title,
            .caption(.plain(title)),
            .thead(.tr(.column("Indicator"), .column("Status"), .column("Latest"), .if(charts, .column("Trend")), .column("Why"))),
            .tbody(.forEach(lines) { line in
                .tr(
                    .rowHeader(.a(.href(.indicator(line.indicator.code)), .plain(line.indicator.name))),
                    .td(StatusBadge.badge(line.verdict.status)),
                    .td(.plain([line.verdict.latestPeriod, line.verdict.latestValue.map { ValueFormatting.grouped($0, decimals: line.indicator.decimals) } ?? line.verdict.latestLevel].compactMap { $0 }.joined(separator: ": "))),
                    .if(charts, .td(.raw(SparklineSVG.render(line.verdict.sparkline, label: "Trend of \(line.indicator.name): \(SparklineSVG.describe(line.verdict.sparkline))")))),
                    .td(.plain(line.verdict.reasons.joined(separator: " ")))
                )
            })
        ))
    }

    var offTargetSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "off-target-heading"),
            .h2(.id("off-target-heading"), .text("Off target")),
            indicatorTable("Indicators off track or at risk", briefing.offTarget, empty: "Every indicator in scope with a target is on track.", charts: true)
        )
    }

    var signalsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "signals-heading"),
            .h2(.id("signals-heading"), .text("Signals and assurance")),
            .h3(.text("Special causes in the latest value")),
            indicatorTable("Indicators whose latest value is a signal, not noise", briefing.signals, empty: "No latest value is a special cause."),
            .h3(.text("Targets the process cannot meet as it runs")),
            indicatorTable("Indicators whose process consistently fails the target", briefing.failingAssurance, empty: "No process consistently fails its target.")
        )
    }

    var focusSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "briefing-focus-heading"),
            .h2(.id("briefing-focus-heading"), .text("The focus")),
            .unwrap(briefing.focusReconciliation) { .p(.class("notice"), .plain($0)) },
            .if(briefing.focus.isEmpty, .p(.class("muted"), .text("No indicator in scope is short of its target.")), else: .scrollingTable(
                label: "Deficits in scope",
                .caption(.text("Deficits in scope, most consequential first")),
                .thead(.tr(.column("#"), .column("Indicator"), .column("Goal"), .column("How the score is made"))),
                .tbody(.forEach(briefing.focus.prefix(10)) { row in
                    .tr(
                        .td(.text(String(row.position))),
                        .rowHeader(.a(.href(.indicator(row.indicator)), .plain(indicatorName(row.indicator)))),
                        .td(.plain(goalName(row.goal))),
                        .td(.plain(row.formula))
                    )
                })
            ))
        )
    }

    var integritySection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "briefing-integrity-heading"),
            .h2(.id("briefing-integrity-heading"), .text("Questions for the data")),
            .if(briefing.integrity.isEmpty, .p(.class("muted"), .text("No integrity check raised a question in scope.")), else: .scrollingTable(
                label: "Integrity questions in scope",
                .caption(.text(briefing.integrityCount > briefing.integrity.count
                    ? "Integrity questions in scope: the first \(briefing.integrity.count) of \(briefing.integrityCount)"
                    : "Integrity questions in scope")),
                .thead(.tr(.column("Indicator"), .column("Check"), .column("Question"))),
                .tbody(.forEach(briefing.integrity) { finding in
                    .tr(
                        .rowHeader(.a(.href(.indicator(finding.indicator)), .plain(indicatorName(finding.indicator)))),
                        .td(.text(finding.check.title)),
                        .td(.plain(finding.question))
                    )
                })
            ))
        )
    }

    var milestonesSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "briefing-milestones-heading"),
            .h2(.id("briefing-milestones-heading"), .text("Milestones overdue or due within \(ReviewBriefing.milestoneHorizonDays) days")),
            .if(briefing.milestonesDue.isEmpty, .p(.class("muted"), .text("None.")), else: .ul(.forEach(briefing.milestonesDue) { milestone in
                .li(.plain("\(milestone.due): \(milestone.name) (\(goalName(milestone.goal)), \(milestone.status.title.lowercased()))"))
            }))
        )
    }

    private var risksSection: Node<HTML.BodyContext> {
        let since = briefing.followUp.previous.map { "the previous review (\($0.date))" } ?? "the last 90 days"
        let map = RiskHeatMap(briefing.risks.map(\.risk))
        return .section(
            .attr("aria-labelledby", "briefing-risks-heading"),
            .h2(.id("briefing-risks-heading"), .text("Risks")),
            .p(.text("Open risks of the goals in scope, highest score first; those opened or whose score rose since \(since) are marked. "),
               .a(.href(.risks()), .text("The risk register"))),
            .if(briefing.risks.isEmpty, .p(.class("muted"), .text("No open risk in scope.")), else: .div(
                .class("chart-with-table"),
                .element(named: "figure", nodes: [
                    .class("chart"),
                    .raw(RiskHeatMapSVG.render(map, titleID: "briefing-heat-title")),
                    .element(named: "figcaption", nodes: [.attr("id", "briefing-heat-title"), .text("Open risks in scope by likelihood and impact")]),
                ]),
                .scrollingTable(
                    label: "Risks in scope",
                    .caption(.text("Risks in scope")),
                    .thead(.tr(.column("Risk"), .column("Goal"), .column("Score"), .column("Since \(briefing.followUp.previous == nil ? "90 days ago" : "the previous review")"), .column("Owner"), .column("Mitigation"))),
                    .tbody(.forEach(briefing.risks) { line in
                        .tr(
                            .rowHeader(.a(.href(.risk(line.risk.id)), .plain(line.risk.title))),
                            .td(.plain(goalName(line.risk.goal))),
                            .td(.span(.class("risk-badge \(line.risk.level.cssClass)"), .text("\(line.risk.score) \(line.risk.level.title.lowercased())"))),
                            .td(.text(line.change.map { $0 > 0 ? "Rose by \($0)" : $0 < 0 ? "Fell by \(-$0)" : "Unchanged" } ?? "New")),
                            .td(.plain(line.risk.owner.map(personName) ?? "Not named")),
                            .td(.plain(line.risk.mitigation ?? "—"))
                        )
                    })
                )
            ))
        )
    }

    private var capacitySection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "briefing-capacity-heading"),
            .h2(.id("briefing-capacity-heading"), .text("Capacity requests")),
            .if(briefing.capacity.isEmpty, .p(.class("muted"), .text("None in scope.")), else: .scrollingTable(
                label: "Capacity requests in scope",
                .caption(.text("Waiting for a decision or for delivery, and those ended since the previous review")),
                .thead(.tr(.column("What is needed"), .column("Team"), .column("Asked on"), .column("Status"), .column("Decision"))),
                .tbody(.forEach(briefing.capacity) { request in
                    .tr(
                        .rowHeader(.a(.href(.capacityRequest(request.id)), .plain(request.title))),
                        .td(.plain(unitName(request.orgUnit))),
                        .td(.class("date"), .plain(request.requestedOn)),
                        .td(.text(request.status.title)),
                        .td(.plain(request.decision ?? "—"))
                    )
                })
            ))
        )
    }

    // MARK: What this review records

    private func fieldError(_ form: String, _ name: String) -> String? {
        refusedForm == form ? errors.fields[name] : nil
    }

    private func value(_ form: String, _ name: String) -> String {
        refusedForm == form ? values[name] : ""
    }

    private func select(_ form: String, _ name: String, _ label: String, _ choices: [FormChoice]) -> Node<HTML.FormContext> {
        let id = "\(form)-\(name)"
        let error = fieldError(form, name)
        return .field(id: id, label: label, error: error, .select(
            id: id, name: name, error: error, choices.map { .choice($0.label, value: $0.value, selected: $0.value == value(form, name)) }
        ))
    }

    private func text(_ form: String, _ name: String, _ label: String, hint: String? = nil, long: Bool = false, date: Bool = false) -> Node<HTML.FormContext> {
        let id = "\(form)-\(name)"
        let error = fieldError(form, name)
        if long {
            return .field(id: id, label: label, hint: hint, error: error, .textarea(id: id, name: name, text: value(form, name), rows: 3, hint: hint, error: error))
        }
        return .field(id: id, label: label, hint: hint, error: error, .input(
            [.type(date ? .date : .text), .attr("name", name), .attr("value", value(form, name))] + Attribute.describing(id: id, hint: hint, error: error)
        ))
    }

    private func summary(_ form: String) -> Node<HTML.BodyContext> {
        .if(refusedForm == form, .errorSummary(errors.fields.sorted { $0.key < $1.key }.map { (fieldID: "\(form)-\($0.key)", message: $0.value) }))
    }

    private var scopeGoals: [FormChoice] {
        document.goals.filter { briefing.scope.goals.contains($0.code) }.map { FormChoice(label: $0.name, value: $0.code) }
    }

    func assessmentsSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "assessments-heading"),
            .h2(.id("assessments-heading"), .text("Goals: risk of missing, blockers and asks for help")),
            .if(briefing.assessments.isEmpty, .p(.class("muted"), .text("No goal categorised yet.")), else: .scrollingTable(
                label: "Goals categorised at this review",
                .caption(.text("Goals categorised at this review")),
                .thead(.tr(.column("Goal"), .column("Category"), .column("What blocks it"), .column("Help asked of"), .column("Answer"))),
                .tbody(.forEach(briefing.assessments) { assessment in
                    .tr(
                        .rowHeader(.a(.href(.goal(assessment.goal)), .plain(goalName(assessment.goal)))),
                        .td(.text(assessment.category.title)),
                        .td(.plain(assessment.blockers ?? "—")),
                        .td(.unwrap(assessment.ask, { ask in .a(.href(.ask(assessment.id)), .plain("\(unitName(ask.orgUnit)): \(ask.request)")) }, else: .text("—"))),
                        .td(.plain(assessment.ask?.answer ?? (assessment.ask == nil ? "—" : "Not answered yet")))
                    )
                })
            )),
            .if(canRecord, .group(
                summary("assessment"),
                .form(
                    .class("stacked-form no-print"),
                    .id("assessment-form"),
                    .action(.reviewAssessments(review.id)),
                    .method(.post),
                    .csrfField(context),
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", nodes: [.text("Categorise a goal")]),
                        select("assessment", "goal", "Goal", scopeGoals),
                        select("assessment", "category", "Category", GoalCategory.choices(\.title)),
                        text("assessment", "blockers", "What blocks it", long: true),
                        select("assessment", "askOrgUnit", "Ask for help from", [FormChoices.none("No one")] + document.orgUnits.map { FormChoice(label: $0.name, value: $0.code) }),
                        text("assessment", "askRequest", "The help asked for", hint: "Routed to that unit's leaders and followed up until answered.", long: true),
                    ]),
                    .button(.type(.submit), .text("Save the category"))
                )
            ))
        )
    }

    func decisionsSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "decisions-heading"),
            .h2(.id("decisions-heading"), .text("Decisions and course corrections")),
            .if(briefing.decisions.isEmpty, .p(.class("muted"), .text("No decision recorded yet.")), else: .ol(.forEach(briefing.decisions) { decision in
                .li(.strong(.text(decision.kind.title + ": ")), .plain(decision.text),
                    .unwrap(decision.indicator) { code in .group(.text(" ("), .a(.href(.indicator(code)), .plain(indicatorName(code))), .text(")")) })
            })),
            .if(canRecord, .group(
                summary("decision"),
                .form(
                    .class("stacked-form no-print"),
                    .id("decision-form"),
                    .action(.reviewDecisions(review.id)),
                    .method(.post),
                    .csrfField(context),
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", nodes: [.text("Record a decision")]),
                        select("decision", "kind", "Kind", DecisionKind.choices(\.title)),
                        text("decision", "text", "What was decided, and why", hint: "For a revised target this is its rationale.", long: true),
                        select("decision", "goal", "Goal it concerns", [FormChoices.none("None")] + scopeGoals),
                        select("decision", "indicator", "Indicator it concerns", [FormChoices.none("None")] + document.indicators.filter { briefing.scope.indicators.contains($0.code) }.map { FormChoice(label: $0.name, value: $0.code) }),
                        text("decision", "period", "Target period (to revise a target)", hint: "For example FY2027"),
                        text("decision", "value", "New target value (to revise a target)"),
                        select("decision", "leader", "New goal leader (to reassign a leader)", [FormChoices.none("None")] + document.people.map { FormChoice(label: $0.name, value: $0.email) }),
                        text("decision", "riskTitle", "The risk (to open a risk of the goal above)"),
                        select("decision", "likelihood", "Its likelihood", [FormChoices.none("Choose")] + (1...5).map { FormChoice(label: "\($0) \(RiskScale.likelihood[$0 - 1])", value: String($0)) }),
                        select("decision", "impact", "Its impact", [FormChoices.none("Choose")] + (1...5).map { FormChoice(label: "\($0) \(RiskScale.impact[$0 - 1])", value: String($0)) }),
                        select("decision", "riskOwner", "Its owner", [FormChoices.none("Not named yet")] + document.people.map { FormChoice(label: $0.name, value: $0.email) }),
                        text("decision", "mitigation", "Its mitigation", long: true),
                    ]),
                    .button(.type(.submit), .text("Record the decision"))
                )
            ))
        )
    }

    func actionsSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "actions-heading"),
            .h2(.id("actions-heading"), .text("Actions from this review")),
            actionTable("Actions from this review", briefing.actions, id: "this-review-actions"),
            .if(briefing.actions.isEmpty, .p(.class("muted"), .text("No action yet."))),
            .if(canRecord, .group(
                summary("action"),
                .form(
                    .class("stacked-form no-print"),
                    .id("action-form"),
                    .action(.reviewActions(review.id)),
                    .method(.post),
                    .csrfField(context),
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", nodes: [.text("Add an action")]),
                        text("action", "title", "What is to be done"),
                        select("action", "owner", "Owner", [FormChoices.none("Choose…")] + document.people.map { FormChoice(label: $0.name, value: $0.email) }),
                        text("action", "due", "Due on", date: true),
                        select("action", "decision", "From the decision", [FormChoices.none("None")] + briefing.decisions.map { FormChoice(label: String($0.text.prefix(80)), value: $0.id.uuidString) }),
                    ]),
                    .button(.type(.submit), .text("Add the action"))
                )
            ))
        )
    }
}
