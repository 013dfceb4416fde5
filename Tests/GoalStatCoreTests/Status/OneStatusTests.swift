@testable import GoalStatCore
import Testing

/// Status, assurance and forecast told together without contradicting each other (issue 9).
@Suite("One status: the latest period judged, assurance and forecast in agreement")
struct OneStatusTests {
    private let source = MeasurementSource(kind: .form, label: "", enteredBy: nil, enteredAt: .distantPast)

    private func indicator(direction: ImprovementDirection = .increase, levels: [String]? = nil) -> Indicator {
        Indicator(code: "X", name: "X", direction: direction, frequency: .monthly, stage: .output, orgUnit: "U", levels: levels)
    }

    /// Monthly values from January 2025 on.
    private func series(_ values: [Double]) -> [Measurement] {
        values.enumerated().map { index, value in
            Measurement(indicator: "X", period: .month(year: 2025 + index / 12, month: index % 12 + 1), value: value, source: source)
        }
    }

    private func targets(_ pairs: [(period: String, value: Double)]) -> TargetHistory {
        TargetHistory(pairs.compactMap { TargetVersion(Target(indicator: "X", period: $0.period, value: $0.value, setOn: "2024-09-01"), calendar: .federal) })
    }

    @Test("the forecast looks ahead: never to a target period that has already ended")
    func forecastLooksAhead() {
        let values = (0..<22).map { 50 + Double($0) * 0.5 }
        let asOf = CalendarDate(year: 2026, month: 11, day: 15)
        let pastOnly = IndicatorAnalyzer().analyze(indicator: indicator(), series: series(values), targets: targets([("2026-10", 80)]), asOf: asOf)
        #expect(pastOnly.forecast.map { $0.date > asOf } ?? true, "a forecast to \(pastOnly.forecast!.date), before \(asOf)")
        #expect(pastOnly.forecast?.likelihood == nil, "nothing ahead to judge against")
        let withNext = IndicatorAnalyzer().analyze(
            indicator: indicator(), series: series(values), targets: targets([("2026-10", 80), ("FY2027", 200)]), asOf: asOf
        )
        #expect(withNext.forecast.map { $0.date > asOf } == true)
        #expect(withNext.forecast?.targetValue == 200)
    }

    @Test("on track beside 'unlikely to be met' does not happen: the status becomes at risk and says why")
    func unlikelyForecastIsAtRisk() {
        // Met now (15 against 15), no signal on the chart (a wide zig-zag breaks every run), but falling 3 a month
        // towards a year-end target of 15.
        let values: [Double] = (0..<12).map { (index: Int) -> Double in
            let zigzag: Double = index % 2 == 0 ? 12 : -12
            return 60 - 3 * Double(index) + zigzag
        }
        let asOf = CalendarDate(year: 2026, month: 1, day: 15)
        let analysis = IndicatorAnalyzer().analyze(
            indicator: indicator(), series: series(values), targets: targets([("2025-12", 15), ("FY2026", 15)]), asOf: asOf
        )
        #expect(analysis.chart.points.allSatisfy { $0.specialCause == nil })
        #expect(analysis.forecast?.likelihood == .unlikely)
        #expect(analysis.status == .atRisk)
        #expect(analysis.reasons.contains { $0.hasPrefix("On track now, but at risk") })
    }

    @Test("after a signal the analysis reports no assurance beside a status that rests on the latest value")
    func assuranceSuspendedAfterASignal() {
        let values: [Double] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30]
        let asOf = CalendarDate(year: 2026, month: 1, day: 15)
        let analysis = IndicatorAnalyzer().analyze(indicator: indicator(), series: series(values), targets: targets([("2025-12", 20)]), asOf: asOf)
        #expect(analysis.chart.groups.last?.assurance == .consistentFail, "the chart keeps the NHS group assurance")
        #expect(analysis.assurance == nil)
        #expect(analysis.status == .onTrack)
        let stable = IndicatorAnalyzer().analyze(
            indicator: indicator(), series: series(Array(values.dropLast()) + [11]), targets: targets([("2025-12", 20)]), asOf: asOf
        )
        #expect(stable.assurance == .consistentFail)
        #expect(stable.status == .offTrack)
    }

    @Test("a qualitative indicator is analysed by its levels, as of the date")
    func qualitative() {
        let levels = ["red", "amber", "green"]
        let measurements = [
            Measurement(indicator: "X", period: .month(year: 2026, month: 9), value: nil, level: "amber", source: source),
            Measurement(indicator: "X", period: .month(year: 2026, month: 10), value: nil, level: "green", source: source),
        ]
        let analyzer = IndicatorAnalyzer()
        let now = analyzer.analyze(indicator: indicator(levels: levels), series: measurements, targets: TargetHistory([]), asOf: CalendarDate(year: 2026, month: 11, day: 1))
        #expect(now.status == .onTrack)
        #expect(now.latestLevel == "green")
        let before = analyzer.analyze(indicator: indicator(levels: levels), series: measurements, targets: TargetHistory([]), asOf: CalendarDate(year: 2026, month: 10, day: 15))
        #expect(before.status == .atRisk)
        #expect(before.latestLevel == "amber")
    }

    @Test("a goal reads its sub-goals: off track below makes it off track; all on track, on track")
    func subGoalsRollUp() {
        let today = CalendarDate(year: 2026, month: 11, day: 1)
        #expect(GoalStatusRollUp.assess(indicators: [], subGoals: [.init(goal: "A", status: .onTrack), .init(goal: "B", status: .offTrack)], milestones: [], today: today).status == .offTrack)
        #expect(GoalStatusRollUp.assess(indicators: [], subGoals: [.init(goal: "A", status: .onTrack), .init(goal: "B", status: .atRisk)], milestones: [], today: today).status == .atRisk)
        let fine = GoalStatusRollUp.assess(indicators: [], subGoals: [.init(goal: "A", status: .onTrack)], milestones: [], today: today)
        #expect(fine.status == .onTrack)
        #expect(fine.reason.contains("1 of 1 sub-goals"))
        #expect(GoalStatusRollUp.assess(indicators: [], subGoals: [], milestones: [], today: today).status == .noData)
    }
}
