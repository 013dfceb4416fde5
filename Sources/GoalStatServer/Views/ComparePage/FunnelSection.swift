import GoalStatCore
import Plot

/// A funnel plot with its data table beside it, for screen readers and for anyone who wants the numbers: shared by
/// the compare page and the peers page.
enum FunnelSection {
    static func render(
        _ funnel: FunnelPlot, title: String, valueLabel: String, sizeLabel: String, scale: Double = 1,
        names: [String: String], caption: String
    ) -> Node<HTML.BodyContext> {
        .div(.class("chart-with-table"),
            .element(named: "figure", nodes: [.class("chart"), .raw(FunnelPlotSVG.render(
                funnel, title: title, valueLabel: valueLabel, sizeLabel: sizeLabel, scale: scale, names: names
            ))]),
            .scrollingTable(
                label: "\(title): data",
                .caption(.plain(caption)),
                .thead(.tr(.column("Org unit"), .column(valueLabel), .column(sizeLabel), .column("95% limits"), .column("99.8% limits"), .column("Position"))),
                .tbody(.forEach(funnel.units) { unit in
                    .tr(
                        .rowHeader(.plain(names[unit.unit] ?? unit.unit)),
                        .td(.class("number"), .text(SVGMarkup.number(unit.value * scale))),
                        .td(.class("number"), .text(SVGMarkup.number(unit.denominator))),
                        .td(.text("\(SVGMarkup.number(unit.lower95 * scale)) – \(SVGMarkup.number(unit.upper95 * scale))")),
                        .td(.text("\(SVGMarkup.number(unit.lower99 * scale)) – \(SVGMarkup.number(unit.upper99 * scale))")),
                        .td(.text(position(unit.flag)))
                    )
                })
            )
        )
    }

    static func position(_ flag: FunnelFlag) -> String {
        switch flag {
        case .above99: "Above the 99.8% limit"
        case .above95: "Above the 95% limit"
        case .within: "Within the limits: no more than chance"
        case .below95: "Below the 95% limit"
        case .below99: "Below the 99.8% limit"
        }
    }
}
