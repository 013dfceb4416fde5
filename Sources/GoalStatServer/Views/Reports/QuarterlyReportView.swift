import GoalStatCore
import Plot

/// The quarterly priority-goal update (31 U.S.C. 1122(b)): per goal, the goal statement and items 1–9.
enum QuarterlyReportView {
    static func document(_ updates: [QuarterlyUpdate], inputs: ReportInputs, agency: String) -> ReportDocument {
        let quarter = updates.first?.quarterLabel ?? ""
        var sections = updates.map { update in
            ReportDocument.Section(id: "goal-" + slug(update.goal.code), title: "\(update.goal.name) (\(update.goal.code))", body: goal(update, asOf: inputs.asOf))
        }
        if sections.isEmpty {
            sections = [ReportDocument.Section(id: "no-goals", title: "No priority goals", body: .p(.text("There is no agency priority goal to report on.")))]
        }
        return ReportDocument(
            title: "Agency priority goals: quarterly update", subtitle: quarter.isEmpty ? "" : "Quarter \(quarter)",
            agency: agency, asOf: inputs.asOf, isPublic: inputs.isPublic, sections: sections
        )
    }

    private static func goal(_ update: QuarterlyUpdate, asOf: CalendarDate) -> Node<HTML.BodyContext> {
        .group(
            .div(.class("item"), .h3(.text("Goal statement")), .reportText(update.goal.statement ?? update.goal.name)),
            item("1", "Congressional consultation", .reportText(update.consultation)),
            item("2", "Key external factors and challenges", .reportText(update.externalFactors)),
            item("3A", "Strategies and resources", .reportList(update.strategies)),
            item("3B", "Milestones", update.milestones.isEmpty ? .reportText(ReportText.notStated) : .table(
                .caption(.text("Milestones of the goal and the goals below it")),
                .thead(.tr(.th(.text("Milestone")), .th(.text("Due")), .th(.text("Status")), .th(.text("Completed")))),
                .tbody(.forEach(update.milestones) { milestone in
                    .tr(.td(.plain(milestone.name)), .td(.plain(milestone.due)), .td(.plain(milestone.status.title)), .td(.plain(milestone.completedOn ?? "—")))
                })
            )),
            item("3C", "Contributing organizations, programs and indicators", .reportList(update.contributors)),
            item("3D", "Work with other agencies and units", .reportList(update.otherAgencies)),
            item("3E", "Responsible official", .reportList(update.leaders.isEmpty ? [ReportText.notStated] : update.leaders)),
            item("4", "Performance indicators", update.indicators.isEmpty ? .reportText(ReportText.notStated) : .ul(.forEach(update.indicators) { result in
                .li(.plain("\(result.indicator.name) (\(result.indicator.code)): \(result.indicator.rank.title.lowercased()), \(result.indicator.direction.title.lowercased())."))
            })),
            item("5", "Data accuracy and reliability", update.indicators.isEmpty ? .reportText(ReportText.notStated) : .group(.forEach(update.indicators) { result in
                dataQuality(result.indicator)
            })),
            item("6", "Results in the quarter and trend against the planned level", update.indicators.isEmpty ? .reportText(ReportText.notStated) : .group(.forEach(update.indicators) { result in
                indicatorResult(result, quarter: update.quarterLabel, asOf: asOf)
            })),
            item("7", "Are contributors contributing as planned?", .reportList(update.contributing)),
            item("8", "Risk of not achieving the planned level", .group(
                .p(.class("status"), .plain(update.risk.category.map(\.title) ?? "Not categorised")),
                .reportText(update.risk.explanation)
            )),
            item("9", "Prospects and strategies for improvement", .reportList(update.prospects))
        )
    }

    static func item(_ number: String, _ title: String, _ body: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .div(.class("item"), .h3(.span(.class("item-number"), .text(number)), .text(title)), body)
    }

    static func dataQuality(_ indicator: Indicator) -> Node<HTML.BodyContext> {
        let quality = indicator.dataQuality
        return .group(
            .h4(.plain(indicator.name)),
            .definitions([
                (term: "Verification", detail: .plain(quality?.verification ?? ReportText.notStated)),
                (term: "Validation", detail: .plain(quality?.validation ?? ReportText.notStated)),
                (term: "Source", detail: .plain(quality?.source ?? indicator.source ?? ReportText.notStated)),
                (term: "Accuracy required", detail: .plain(quality?.accuracy ?? ReportText.notStated)),
                (term: "Limitations", detail: .plain(quality?.limitations ?? ReportText.notStated)),
                (term: "How they are compensated", detail: .plain(quality?.compensation ?? ReportText.notStated)),
            ])
        )
    }

    private static func indicatorResult(_ result: QuarterlyUpdate.IndicatorResult, quarter: String, asOf: CalendarDate) -> Node<HTML.BodyContext> {
        let indicator = result.indicator
        let format = { (value: Double) in ValueFormatting.format(value, for: indicator) }
        let chart = ChartModel(
            title: "\(indicator.name): trend to \(quarter)", unit: indicator.unit.text, decimals: indicator.decimals,
            points: result.trend.map { ChartModel.Point(label: $0.period, value: $0.value, targetLow: $0.target?.lowerBound, targetHigh: $0.target?.upperBound) }
        )
        let inQuarter = result.quarterValues.map { "\($0.period): " + ($0.value.map(format) ?? $0.level ?? "—") }
        return .group(
            .h4(.plain(indicator.name)),
            .p(.strong(.text("In \(quarter): ")), .plain(inQuarter.isEmpty ? "no value reported." : inQuarter.joined(separator: "; ") + "."),
               .unwrap(result.target) { target in .plain(" Target: " + ValueFormatting.text(of: target, for: indicator) + " (\(target.target.period)).") }),
            .unwrap(result.verdict, { verdict in
                .p(.strong(.plain("Status on \(asOf): \(verdict.status.title).")), .plain(" " + verdict.reasons.joined(separator: " ")))
            }, else: .p(.text("No status yet."))),
            .if(!indicator.isQualitative && !result.trend.isEmpty, .group(
                .raw(LineChartSVG.render(chart, width: 640, height: 220)),
                .table(
                    .caption(.plain("\(indicator.name): the values charted")),
                    .thead(.tr(.th(.text("Period")), .th(.class("number"), .text("Value")), .th(.class("number"), .text("Target")))),
                    .tbody(.forEach(result.trend) { point in
                        .tr(.td(.plain(point.period)), .td(.class("number"), .plain(point.value.map(format) ?? "—")),
                            .td(.class("number"), .plain(point.target.map { $0.lowerBound == $0.upperBound ? format($0.lowerBound) : "\(format($0.lowerBound))–\(format($0.upperBound))" } ?? "—")))
                    })
                )
            ))
        )
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
