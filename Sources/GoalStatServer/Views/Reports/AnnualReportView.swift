import GoalStatCore
import Plot

/// The annual performance report (31 U.S.C. 1116): the plan, every goal and indicator with five years of targets
/// and results, why each missed target was missed and the plan, data quality, evaluations and next steps.
enum AnnualReportView {
    static func document(_ report: AnnualReport, inputs: ReportInputs, agency: String) -> ReportDocument {
        let plan = inputs.document.plan
        let year = report.yearLabels.last ?? ""
        let indicators = report.goals.flatMap(\.indicators)
        let missed = indicators.flatMap { section in section.missed.map { (section.indicator, $0) } }
        let sections: [ReportDocument.Section] = [
            .init(id: "plan", title: "Mission, vision and values", body: .group(
                .definitions([
                    (term: "Plan", detail: plan.map { .plain($0.name + ($0.period.map { " (\($0.from)–\($0.to))" } ?? "")) }),
                    (term: "Mission", detail: .plain(plan?.mission ?? ReportText.notStated)),
                    (term: "Vision", detail: .plain(plan?.vision ?? ReportText.notStated)),
                ]),
                .if(!(plan?.values.isEmpty ?? true), .ul(.forEach(plan?.values ?? []) { value in
                    .li(.strong(.plain(value.name)), .unwrap(value.description) { .plain(": " + $0) })
                }))
            )),
            .init(id: "summary", title: "Summary of \(year)", body: summary(report, year: year)),
            .init(id: "goals", title: "Goals, indicators and results, \(report.yearLabels.first ?? "")–\(year)", body: .group(.forEach(report.goals) { goal in
                goalSection(goal, years: report.yearLabels)
            })),
            .init(id: "missed", title: "Targets not met: why, and the plan", body: missed.isEmpty
                ? .p(.text("Every target of the five years with a result was met."))
                : .table(
                    .caption(.text("Each target not met, with why it was not met and the plan for meeting it")),
                    .thead(.tr(.th(.text("Indicator")), .th(.text("Year")), .th(.text("Why it was not met")), .th(.text("Plan and schedule")))),
                    .tbody(.forEach(missed) { indicator, miss in
                        .tr(.td(.plain(indicator.name)), .td(.plain(miss.year)), .td(.class(miss.why == ReportText.notStated ? "not-stated" : ""), .plain(miss.why)),
                            .td(.class(miss.plan == ReportText.notStated ? "not-stated" : ""), .plain(miss.plan)))
                    })
                )),
            .init(id: "data-quality", title: "Data accuracy and reliability", body: .group(
                .p(.text("For each indicator: how its values are verified and validated, their source, the accuracy required, known limitations and how they are compensated (31 U.S.C. 1116(c)(6)).")),
                .forEach(indicators) { QuarterlyReportView.dataQuality($0.indicator) }
            )),
            .init(id: "evaluations", title: "Reviews and evaluations in \(year)", body: .reportList(report.evaluations)),
            .init(id: "next-steps", title: "Next steps", body: report.nextSteps.isEmpty ? .reportText(ReportText.notStated) : .group(.forEach(report.nextSteps) { entry in
                .group(.h3(.plain(entry.goal.name)), .p(.plain(entry.text)))
            })),
        ]
        return ReportDocument(
            title: "Annual performance report \(year)", subtitle: plan?.name ?? "", agency: agency,
            asOf: inputs.asOf, isPublic: inputs.isPublic, sections: sections
        )
    }

    private static func summary(_ report: AnnualReport, year: String) -> Node<HTML.BodyContext> {
        let latest = report.goals.flatMap(\.indicators).compactMap(\.results.last)
        let met = latest.filter { $0.outcome == .met }.count
        let notMet = latest.filter { $0.outcome == .missed }.count
        let unjudged = latest.count - met - notMet
        return .p(.plain("In \(year), \(met) indicator target\(met == 1 ? " was" : "s were") met and \(notMet) \(notMet == 1 ? "was" : "were") not; \(unjudged) indicator\(unjudged == 1 ? " had" : "s had") no target for the year or no result to judge."))
    }

    private static func goalSection(_ section: AnnualReport.GoalSection, years: [String]) -> Node<HTML.BodyContext> {
        let goal = section.goal
        return .div(
            .class("goal-block"),
            section.depth == 0 ? .h3(.plain("\(goal.name) (\(goal.code))")) : .h4(.plain("\(goal.kind.title): \(goal.name) (\(goal.code))")),
            .unwrap(goal.statement) { .p(.plain($0)) },
            .definitions([
                (term: "Goal leader", detail: .plain(section.leader ?? ReportText.notStated)),
                (term: "Status", detail: section.status.map { .plain("\($0.status.title): \($0.reason)") }),
                (term: "Achievements", detail: section.achievements.map { .plain($0) }),
                (term: "Challenges", detail: section.challenges.map { .plain($0) }),
            ]),
            .forEach(section.indicators) { indicatorTable($0, years: years) }
        )
    }

    private static func indicatorTable(_ section: AnnualReport.IndicatorSection, years: [String]) -> Node<HTML.BodyContext> {
        let indicator = section.indicator
        let format = { (value: Double) in ValueFormatting.format(value, for: indicator) }
        let chart = ChartModel(
            title: "\(indicator.name): yearly results", unit: indicator.unit.text, decimals: indicator.decimals,
            points: section.results.enumerated().map { index, row in
                ChartModel.Point(label: years[safe: index] ?? "", value: row.value, targetLow: row.target?.band?.lowerBound, targetHigh: row.target?.band?.upperBound)
            }
        )
        return .group(
            .table(
                .caption(.plain("\(indicator.name) (\(indicator.code)): \(indicator.direction.title.lowercased())")),
                .thead(.tr(.th(.text("Year")), .th(.class("number"), .text("Target")), .th(.class("number"), .text("Result")), .th(.text("Met?")))),
                .tbody(.forEach(Array(section.results.enumerated())) { index, row in
                    .tr(
                        .class(row.outcome == .missed ? "missed" : ""),
                        .td(.plain(years[safe: index] ?? "")),
                        .td(.class("number"), .plain(row.target.map { ValueFormatting.text(of: $0, for: indicator) } ?? "—")),
                        .td(.class("number"), .plain((row.value.map(format) ?? row.level ?? "—") + (row.isPartial && (row.value != nil || row.level != nil) ? " (\(row.periodsWithValues) of \(row.periodsInYear))" : ""))),
                        .td(.plain(row.outcome.map { $0 == .met ? "Met" : "Not met" } ?? "—"))
                    )
                })
            ),
            .if(!indicator.isQualitative && section.results.contains { $0.value != nil }, .raw(LineChartSVG.render(chart, width: 560, height: 200)))
        )
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
