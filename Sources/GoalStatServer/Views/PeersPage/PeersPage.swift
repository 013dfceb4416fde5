import GoalStatCore
import GoalStatStore
import Plot

/// An org unit beside its peers on the indicators they share (practice 5: everyone knows how everyone is doing).
struct PeersPageModel: Sendable {
    var report: PeerReport
    /// The framework as the reader may see it: names of units and indicators.
    var document: FrameworkDocument

    private var unitNames: [String: String] {
        Dictionary(document.orgUnits.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private var indicators: [String: Indicator] {
        Dictionary(document.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func name(_ unit: String) -> String { unitNames[unit] ?? unit }

    func render(_ context: PageContext) -> String {
        let unit = name(report.orgUnit)
        let pages = max(1, (report.total + report.per - 1) / report.per)
        return PageLayout.render(title: "\(unit) and its peers", current: nil, context: context, body: .group(
            .h1(.plain("\(unit) and its peers")),
            .p(.text("Everyone knows how they are doing, how others are doing, and that everyone knows it (seed 002, practice 5). "),
               .plain(peersSentence())),
            .p(.text("Each shared indicator — one with a value of this unit's own and of at least one peer — has a league table of the latest period any of them reported, ranked by the indicator's direction, with each unit's status. A unit whose latest value is for an earlier period is listed after the ranked ones and says how far behind it is. For a ratio of two counts a funnel plot shows which differences are more than chance.")),
            .if(report.total == 0, .p(.class("empty"), .plain(report.peers.isEmpty
                ? "\(unit) has no peers: no other unit sits under the same parent."
                : "\(unit) shares no indicator with its peers yet: none has values of its own and of a peer."))),
            .if(report.total > 0, .p(.text("\(report.total) shared indicator\(report.total == 1 ? "" : "s"), \(report.per) a page; this is page \(report.page) of \(pages)."))),
            .forEach(report.items) { section($0) },
            pager(pages: pages)
        ), width: .full)
    }

    private func peersSentence() -> String {
        guard !report.peers.isEmpty else { return "" }
        let parent = report.parent.map { "under \(name($0))" } ?? "at the top of the organization"
        return "Its peers are the other units \(parent): \(report.peers.map(name).joined(separator: ", "))."
    }

    private func section(_ item: PeerIndicatorComparison) -> Node<HTML.BodyContext> {
        guard let indicator = indicators[item.indicator] else { return .empty }
        let id = "peers-\(item.indicator)"
        let ranked = item.standings.filter { $0.rank != nil }
        let behind = item.standings.filter { $0.rank == nil }
        return .section(
            .attr("aria-labelledby", id),
            .h2(.id(id), .a(.href(.indicator(indicator.code)), .plain(indicator.name))),
            .p(.plain("\(indicator.direction.title). Compared for \(item.period): \(ranked.count) unit\(ranked.count == 1 ? "" : "s") ranked"
                + (behind.isEmpty ? ", all for the same period." : "; \(behind.map { "\(name($0.unit)) (latest \($0.period), \($0.periodsBehind) period\($0.periodsBehind == 1 ? "" : "s") behind)" }.joined(separator: ", ")) not ranked."))),
            .scrollingTable(
                label: "\(indicator.name): league table",
                .caption(.plain("\(indicator.name): units ranked \(indicator.direction == .neutral ? "from high to low (neither is better)" : "best first") for \(item.period)")),
                .thead(.tr(.column("Rank"), .column("Org unit"), .column("Latest value"), .column("Period"), .column("Status"))),
                .tbody(.forEach(item.standings) { standing in
                    .tr(
                        .class(standing.unit == report.orgUnit ? "peers-self" : ""),
                        .td(.text(standing.rank.map { "\($0)\(standing.tiedWith > 0 ? " (tied)" : "")" } ?? "Not ranked")),
                        .rowHeader(standing.unit == report.orgUnit
                            ? .strong(.plain("\(name(standing.unit)) (this unit)"))
                            : .a(.href(.peers(standing.unit)), .plain(name(standing.unit)))),
                        .td(.class("number"), .text(ValueFormatting.format(standing.value, for: indicator))),
                        .td(.text(standing.periodsBehind == 0 ? standing.period : "\(standing.period) (\(standing.periodsBehind) behind)")),
                        .td(StatusBadge.compact(StatusAssessment(status: standing.status, reason: standing.reason)))
                    )
                })
            ),
            .unwrap(item.funnel, { funnel in
                .group(
                    .h3(.plain("\(indicator.name): funnel plot")),
                    .p(.plain(item.funnelNote)),
                    FunnelSection.render(
                        funnel, title: "\(indicator.name): funnel plot, \(item.period)",
                        valueLabel: "\(indicator.name) (\(unitWords(indicator)))",
                        sizeLabel: sizeLabel(indicator), scale: item.funnelScale, names: unitNames,
                        caption: "Each unit against the limits for its size, \(item.period)"
                    )
                )
            }, else: .p(.class("hint"), .plain(item.funnelNote)))
        )
    }

    /// The unit of the value axis in words: `percent`, `per 1,000`, `minutes`.
    private func unitWords(_ indicator: Indicator) -> String {
        let text = indicator.unit.text
        if text == "rate", let per = indicator.per { return "per \(ValueFormatting.grouped(Double(per), decimals: 0))" }
        return text.isEmpty ? "value" : text
    }

    /// The size axis: the ratio's denominator indicator, by name and unit.
    private func sizeLabel(_ indicator: Indicator) -> String {
        guard let parts = indicator.formula.flatMap(FunnelPlot.ratioParts(of:)), let denominator = indicators[parts.denominator] else {
            return "Denominator (size of the unit)"
        }
        return "\(denominator.name) (\(unitWords(denominator)))"
    }

    /// The reader's `?per=`, kept in the pager's links when it is not the page's default.
    private var perInLinks: Int? { report.per == PeersController.pagePer ? nil : report.per }

    private func pager(pages: Int) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        return .nav(
            .attr("aria-label", "Pages of shared indicators"),
            .ul(.class("pager"),
                .if(report.page > 1, .li(.a(.href(.peers(report.orgUnit, page: report.page - 1, per: perInLinks)), .text("← Previous page")))),
                .li(.text("Page \(report.page) of \(pages)")),
                .if(report.page < pages, .li(.a(.href(.peers(report.orgUnit, page: report.page + 1, per: perInLinks)), .text("Next page →"))))
            )
        )
    }
}
