import GoalStatCore
import Plot

/// The risk register (SPEC §2, Risks): every open risk of the goals the reader may see, highest score first, a heat
/// map of likelihood × impact with its data table, and a filter by goal.
struct RiskRegisterPage: Sendable {
    var risks: [Risk]
    var goals: [Goal]
    var people: [Person]
    var goal: String?
    var includeClosed: Bool
    var today: CalendarDate
    var canEdit: Bool

    func render(_ context: PageContext) -> String {
        let map = RiskHeatMap(risks)
        let goalName = goal.flatMap { code in goals.first { $0.code == code }?.name }
        return PageLayout.render(title: "Risk register", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.reviews), .text("Reviews"))),
                .h1(.text(goalName.map { "Risks to \($0)" } ?? "Risk register")),
                .p(.class("lead"), .text("What could stop a goal from reaching its planned level: how likely (1 rare to 5 almost certain), how bad (1 minimal to 5 severe), who owns it and how it is mitigated. The score is likelihood × impact; every change of score is kept, and reviews show the risks whose score rose."))
            ),
            .if(canEdit, .p(.a(.class("button-link"), .href(.newRisk(goal: goal)), .text("Open a risk")))),
            filter,
            .section(
                .attr("aria-labelledby", "heat-heading"),
                .h2(.id("heat-heading"), .text("Heat map")),
                .if(map.total == 0, .p(.class("muted"), .text("No open risks.")), else: .div(
                    .class("chart-with-table"),
                    .element(named: "figure", nodes: [
                        .class("chart"),
                        .raw(RiskHeatMapSVG.render(map, titleID: "heat-title")),
                        .element(named: "figcaption", nodes: [.attr("id", "heat-title"), .text("Open risks by likelihood and impact: \(map.total) in all")]),
                    ]),
                    heatTable(map)
                ))
            ),
            .section(
                .attr("aria-labelledby", "risks-heading"),
                .h2(.id("risks-heading"), .text("Risks")),
                .if(risks.isEmpty, .p(.class("muted"), .text("None.")), else: .scrollingTable(
                    label: "Risks",
                    .caption(.text("Risks, highest score first")),
                    .thead(.tr(.column("Risk"), .column("Goal"), .column("Likelihood"), .column("Impact"), .column("Score"), .column("Owner"), .column("Status"), .column("Next review"))),
                    .tbody(.forEach(risks) { risk in
                        .tr(
                            .rowHeader(.a(.href(.risk(risk.id)), .plain(risk.title))),
                            .td(.a(.href(.goal(risk.goal)), .plain(goals.first { $0.code == risk.goal }?.name ?? risk.goal))),
                            .td(.class("number"), .text(String(risk.likelihood))),
                            .td(.class("number"), .text(String(risk.impact))),
                            .td(.span(.class("risk-badge \(risk.level.cssClass)"), .text("\(risk.score) \(risk.level.title.lowercased())"))),
                            .td(.plain(risk.owner.map { owner in people.first { $0.email == owner }?.name ?? owner } ?? "Not named")),
                            .td(.text(risk.status.title)),
                            .td(.class("date"), .plain(risk.reviewOn ?? "—"), .if(risk.isReviewOverdue(on: today), .span(.class("overdue"), .text(" overdue"))))
                        )
                    })
                ))
            )
        ))
    }

    private var filter: Node<HTML.BodyContext> {
        .form(
            .class("filter-form"),
            .action(SiteURL.risks().path),
            .method(.get),
            .field(id: "risk-goal", label: "Goal", .select(id: "risk-goal", name: "goal",
                [.choice("Every goal", value: "", selected: goal == nil)] + goals.map {
                    .choice("\($0.code) \($0.name)", value: $0.code, selected: $0.code == goal)
                })),
            .field(id: "risk-closed", label: "Closed risks too", .input([
                .type(.checkbox), .attr("name", "closed"), .attr("value", "true"), .attr("id", "risk-closed"), .flag("checked", includeClosed),
            ])),
            .button(.type(.submit), .text("Show"))
        )
    }

    private func heatTable(_ map: RiskHeatMap) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: "Heat map as a table",
            .caption(.text("Open risks by likelihood (rows) and impact (columns)")),
            .thead(.tr(.column("Likelihood"), .forEach(1...5) { .column("Impact \($0)") })),
            .tbody(.forEach(Array((1...5).reversed())) { likelihood in
                .tr(
                    .rowHeader(.text("\(likelihood) \(RiskScale.likelihood[likelihood - 1])")),
                    .forEach(1...5) { impact in .td(.class("number"), .text(String(map.count(likelihood: likelihood, impact: impact)))) }
                )
            })
        )
    }
}
