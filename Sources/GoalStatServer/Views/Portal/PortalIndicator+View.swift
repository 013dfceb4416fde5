import GoalStatCore
import Plot

/// A published indicator's public page: its status in words, what it measures and how (definition, source,
/// methodology, the data-quality statement), a chart with the table of its values beside it, and its targets.
struct PortalIndicatorPage {
    var snapshot: PortalSnapshot
    var indicator: Indicator
    var chart: ChartModel
    /// Period, value and its status in words, newest first.
    var rows: [(period: String, value: String, status: String, target: String?)]
    var targets: [(period: String, value: String, rationale: String?)]

    func render(_ context: PageContext) -> String {
        let quality = indicator.dataQuality
        let goals = indicator.goals.compactMap { code in snapshot.document.goals.first { $0.code == code } }
        return PortalLayout.render(title: indicator.name, agency: snapshot.agencyName, section: .none, context: context, body: .group(
            .div(
                .class("page-heading"),
                .if(!goals.isEmpty, .p(.class("breadcrumb"), .text("Measures progress on "), .forEach(Array(goals.enumerated())) { item in
                    .group(.if(item.offset > 0, .text(", ")), .a(.href(.portalGoal(item.element.code)), .plain(item.element.name)))
                })),
                .h1(.plain(indicator.name)),
                PortalParts.status(snapshot.status(indicator), sentence: snapshot.headline(indicator)),
                .definitions([
                    ("Latest result", snapshot.latest(indicator).map { .plain($0) }),
                    ("Target", snapshot.target(indicator).map { .plain($0) }),
                ])
            ),
            .section(
                .attr("aria-labelledby", "about-heading"),
                .h2(.id("about-heading"), .text("What it measures")),
                .definitions([
                    ("Definition", indicator.definition.map { .plain($0) }),
                    ("How it is measured", indicator.methodology.map { .plain($0) }),
                    ("Source of the data", indicator.source.map { .plain($0) }),
                    ("Unit", .plain(indicator.unit.text)),
                    ("Reported", .plain(indicator.frequency.title)),
                    ("Better when", .plain(indicator.direction.publicWords)),
                ])
            ),
            .section(
                .attr("aria-labelledby", "quality-heading"),
                .h2(.id("quality-heading"), .text("How good the data is")),
                .if(quality?.isEmpty ?? true, .p(.text("No data-quality statement has been published for this indicator.")), else: .definitions([
                    ("How values are verified", quality?.verification.map { .plain($0) }),
                    ("How values are validated", quality?.validation.map { .plain($0) }),
                    ("Source", quality?.source.map { .plain($0) }),
                    ("Accuracy needed", quality?.accuracy.map { .plain($0) }),
                    ("Known limitations", quality?.limitations.map { .plain($0) }),
                    ("How the limitations are compensated", quality?.compensation.map { .plain($0) }),
                ]))
            ),
            .section(
                .class("chart-with-table"),
                .attr("aria-labelledby", "results-heading"),
                .h2(.id("results-heading"), .text("Results")),
                .if(!indicator.isQualitative, .element(named: "figure", nodes: [.raw(LineChartSVG.render(chart))])),
                .if(rows.isEmpty, .p(.text("No results reported yet.")), else: .scrollingTable(
                    label: "Results of \(indicator.name)",
                    .caption(.text("Every result of \(indicator.name), newest first")),
                    .thead(.tr(.th(.text("Period")), .th(.text("Result")), .th(.text("Target")), .th(.text("Status of the value")))),
                    .tbody(.forEach(rows) { row in
                        .tr(.th(.attr("scope", "row"), .plain(row.period)), .td(.class("number"), .plain(row.value)),
                            .td(.class("number"), .plain(row.target ?? "—")), .td(.plain(row.status)))
                    })
                )),
                .p(.a(.href(.openDataFile("values.csv"), query: [("indicator", indicator.code)]), .text("Download these results (CSV)")))
            ),
            .section(
                .attr("aria-labelledby", "targets-heading"),
                .h2(.id("targets-heading"), .text("Targets")),
                .if(targets.isEmpty, .p(.text("No target has been set.")), else: .table(
                    .caption(.text("Targets of \(indicator.name)")),
                    .thead(.tr(.th(.text("Period")), .th(.text("Target")), .th(.text("Why this target")))),
                    .tbody(.forEach(targets) { target in
                        .tr(.td(.plain(target.period)), .td(.class("number"), .plain(target.value)), .td(.plain(target.rationale ?? "—")))
                    })
                ))
            )
        ))
    }
}

extension ImprovementDirection {
    /// "higher", "lower": which way is better, for the public.
    var publicWords: String {
        switch self {
        case .increase: "higher"
        case .decrease: "lower"
        case .neutral: "neither higher nor lower (watched, not targeted)"
        }
    }
}
