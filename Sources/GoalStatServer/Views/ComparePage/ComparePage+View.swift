import GoalStatCore
import GoalStatStore
import Plot

extension ComparePageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "\(indicatorName): units compared", current: nil, context: context, body: .group(
            .p(.a(.href(SiteURL.indicator(indicatorCode).path), .plain("← \(indicatorName)"))),
            .h1(.plain("\(indicatorName): how units compare")),
            .p(.text("Everyone knows how everyone is doing. Ranks alone shame small units for noise, so for a ratio of counts the funnel plot shows which differences are more than chance.")),
            .if(!comparison.league.isEmpty, .p(.text("Each unit's name leads to its page beside its peers (the other units under the same parent) on every indicator they share."))),
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
                            .rowHeader(.a(.href(.peers(row.unit)), .plain(unitNames[row.unit] ?? row.unit))),
                            .td(.class("number"), .text(SVGMarkup.number(row.value))),
                            .td(.text("\(row.quartile)"))
                        )
                    })
                )
            )),
            .unwrap(comparison.funnel) { funnel in
                .group(
                    .h2(.text("Funnel plot")),
                    FunnelSection.render(
                        funnel, title: "\(indicatorName): funnel plot", valueLabel: "Value", sizeLabel: "Denominator",
                        names: unitNames, caption: "Each unit against the limits for its size"
                    )
                )
            }
        ), width: .full)
    }
}
