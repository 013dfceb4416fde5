import GoalStatCore
import Plot

// How an indicator appears in lists: a table row on the dashboard, an item along the value chain on a goal's page.

extension IndicatorSummary {
    /// The sparkline with its trend in words as the accessible name.
    var sparklineNode: Node<HTML.BodyContext> {
        .raw(SparklineSVG.render(sparkline, label: "Trend of \(name): \(SparklineSVG.describe(sparkline))"))
    }

    /// "14.2 minutes (2026-10)", or "No data yet".
    var latestText: String {
        guard let latestValue else { return "No data yet" }
        return latestPeriod.map { "\(latestValue) (\($0))" } ?? latestValue
    }

    /// Key indicators first, keeping the given order within each rank.
    static func keyFirst(_ indicators: [IndicatorSummary]) -> [IndicatorSummary] {
        indicators.filter { $0.rank == .key } + indicators.filter { $0.rank != .key }
    }

    /// A table of indicators: name, latest value, target, status with its reason, and trend.
    static func table(_ indicators: [IndicatorSummary], caption: String) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: caption,
            .caption(.plain(caption)),
            .thead(.tr(.column("Indicator"), .column("Latest"), .column("Target"), .column("Status"), .column("Trend"))),
            .tbody(.forEach(indicators) { indicator in
                .tr(
                    .class(indicator.rank == .key ? "indicator-key" : "indicator-supporting"),
                    .rowHeader(
                        .a(.href(.indicator(indicator.code)), .plain(indicator.name)),
                        .if(indicator.guardrail, .group(.text(" "), .tag("Guardrail", class: "tag-guardrail")))
                    ),
                    .td(.plain(indicator.latestText)),
                    .td(.plain(indicator.target ?? "No target")),
                    .td(StatusBadge.compact(indicator.status)),
                    .td(.class("trend"), indicator.sparklineNode)
                )
            })
        )
    }

    /// One indicator on a goal's value chain; key indicators are drawn larger than supporting ones.
    var chainItem: Node<HTML.BodyContext> {
        .div(
            .class(rank == .key ? "chain-indicator indicator-key" : "chain-indicator indicator-supporting"),
            .p(
                .class("chain-indicator-name"),
                .a(.href(.indicator(code)), .plain(name)),
                .text(" "),
                .span(.class("code"), .plain(code)),
                .text(" "),
                .tag(rank == .key ? "Key" : "Supporting", class: rank == .key ? "tag-key" : "tag-supporting"),
                .if(guardrail, .group(.text(" "), .tag("Guardrail", class: "tag-guardrail")))
            ),
            .definitions([
                ("Latest", .plain(latestText)),
                ("Target", .plain(target ?? "No target")),
                ("Direction", .text(direction.title)),
            ], class: "facts facts-inline"),
            StatusBadge.withReason(status),
            .div(.class("trend"), sparklineNode)
        )
    }
}
