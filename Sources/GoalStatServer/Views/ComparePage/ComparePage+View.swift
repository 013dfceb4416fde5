import GoalStatCore
import GoalStatStore
import Plot

extension ComparePageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "\(indicatorName): units compared", current: nil, context: context, body: .group(
            .p(.a(.href(SiteURL.indicator(indicatorCode).path), .plain("← \(indicatorName)"))),
            .h1(.plain("\(indicatorName): how units compare")),
            .p(.text("Everyone knows how everyone is doing. Ranks alone shame small units for noise, so for a ratio of counts the funnel plot shows which differences are more than chance.")),
            .if(comparison.league.isEmpty, .p(.text("No org unit has its own values for this indicator yet."))),
            .if(!comparison.league.isEmpty, .group(
                .h2(.plain("League table, \(comparison.period ?? "")")),
                .scrollingTable(
                    label: "League table",
                    .caption(.plain("Org units ranked best first for \(comparison.period ?? "the latest period")")),
                    .thead(.tr(.column("Rank"), .column("Org unit"), .column("Value"), .column("Quartile"))),
                    .tbody(.forEach(comparison.league) { row in
                        .tr(
                            .td(.text("\(row.rank)\(row.tiedWith > 0 ? " (tied)" : "")")),
                            .rowHeader(.plain(unitNames[row.unit] ?? row.unit)),
                            .td(.class("number"), .text(SVGMarkup.number(row.value))),
                            .td(.text("\(row.quartile)"))
                        )
                    })
                )
            )),
            .unwrap(comparison.funnel) { funnel in
                .group(
                    .h2(.text("Funnel plot")),
                    .div(.class("chart-with-table"),
                        .element(named: "figure", nodes: [.class("chart"), .raw(FunnelPlotSVG.render(funnel, title: "\(indicatorName): funnel plot"))]),
                        .scrollingTable(
                            label: "Funnel plot data",
                            .caption(.text("Each unit against the limits for its size")),
                            .thead(.tr(.column("Org unit"), .column("Value"), .column("Denominator"), .column("95% limits"), .column("99.8% limits"), .column("Position"))),
                            .tbody(.forEach(funnel.units) { unit in
                                .tr(
                                    .rowHeader(.plain(unitNames[unit.unit] ?? unit.unit)),
                                    .td(.class("number"), .text(SVGMarkup.number(unit.value))),
                                    .td(.class("number"), .text(SVGMarkup.number(unit.denominator))),
                                    .td(.text("\(SVGMarkup.number(unit.lower95)) – \(SVGMarkup.number(unit.upper95))")),
                                    .td(.text("\(SVGMarkup.number(unit.lower99)) – \(SVGMarkup.number(unit.upper99))")),
                                    .td(.text(position(unit.flag)))
                                )
                            })
                        )
                    )
                )
            }
        ), width: .full)
    }

    private func position(_ flag: FunnelFlag) -> String {
        switch flag {
        case .above99: "Above the 99.8% limit"
        case .above95: "Above the 95% limit"
        case .within: "Within the limits: no more than chance"
        case .below95: "Below the 95% limit"
        case .below99: "Below the 99.8% limit"
        }
    }
}
