import Testing
@testable import GoalStatCore

@Suite("XmR rebasing and assurance")
struct XmRRebaseAndAssuranceTests {
    static let series: [Double] = [3, 5, 4, 6, 5, 7, 4, 5, 6, 9, 12, 11, 13, 12, 14, 11, 12, 13, 15, 12]

    @Test("each rebase group is charted exactly as if it stood alone")
    func groupsStandAlone() {
        let options = XmROptions(direction: .decrease, target: 8)
        let whole = XmRChart.compute(values: Self.series, rebaseStarts: [9], options: options)
        let first = XmRChart.compute(values: Array(Self.series[..<9]), rebaseStarts: [], options: options)
        let second = XmRChart.compute(values: Array(Self.series[9...]), rebaseStarts: [], options: options)

        #expect(whole.groups.map(\.indices) == [0..<9, 9..<20])
        #expect(whole.points.map(\.group) == Array(repeating: 0, count: 9) + Array(repeating: 1, count: 11))
        for (a, b) in zip(whole.points, first.points + second.points) {
            #expect(a.mean == b.mean && a.lowerLimit == b.lowerLimit && a.upperLimit == b.upperLimit)
            #expect(a.specialCause == b.specialCause && a.pointType == b.pointType && a.trialLimits == b.trialLimits)
        }
        #expect(whole.groups[1].movingRangeMean == second.groups[0].movingRangeMean)
    }

    @Test("rules never reach across a rebase")
    func rulesStayInTheirGroup() {
        let rising = (1...10).map(Double.init)
        let options = XmROptions(direction: .increase)
        let together = XmRChart.compute(values: rising, rebaseStarts: [], options: options)
        #expect(together.points.contains { $0.specialCause == .trendIncreasing })
        let split = XmRChart.compute(values: rising, rebaseStarts: [5], options: options)
        #expect(split.points.allSatisfy { $0.specialCause == nil })
        #expect(split.groups.map(\.mean) == [3, 8])
    }

    @Test("rebase starts outside the series, at its first point or repeated are ignored")
    func rebaseStartsAreNormalised() {
        let options = XmROptions(direction: .increase)
        let clean = XmRChart.compute(values: Self.series, rebaseStarts: [9], options: options)
        let messy = XmRChart.compute(values: Self.series, rebaseStarts: [99, 9, 0, -3, 9, 20], options: options)
        #expect(messy == clean)
    }

    @Test("rebaseStarts(periods:rebaseAt:) finds the matching periods after the first")
    func rebaseStartsHelper() {
        let periods = ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05"]
        #expect(XmRChart.rebaseStarts(periods: periods, rebaseAt: ["2020-04", "2019-12", "2020-01", "2020-02"]) == [1, 3])
        #expect(XmRChart.rebaseStarts(periods: periods, rebaseAt: []) == [])
    }

    @Test(
        "assurance by direction and target position",
        arguments: [
            (ImprovementDirection.increase, 20.0, Assurance?.some(.consistentFail)),
            (.increase, 0, .consistentPass),
            (.increase, 10, .inconsistent),
            (.increase, 15, .inconsistent),
            (.increase, 5, .inconsistent),
            (.decrease, 20, .consistentPass),
            (.decrease, 0, .consistentFail),
            (.decrease, 10, .inconsistent),
            (.neutral, 20, nil),
            (.neutral, 0, nil),
        ]
    )
    func assuranceTable(direction: ImprovementDirection, target: Double, expected: Assurance?) {
        #expect(Assurance(target: target, direction: direction, lowerLimit: 5, upperLimit: 15) == expected)
    }

    @Test("no target, no assurance")
    func noTarget() {
        #expect(Assurance(target: nil, direction: .increase, lowerLimit: 5, upperLimit: 15) == nil)
        let result = XmRChart.compute(values: Self.series, rebaseStarts: [], options: XmROptions(direction: .increase))
        #expect(result.groups.allSatisfy { $0.assurance == nil })
    }

    @Test("only the last group has an assurance, judged on its own limits")
    func assuranceOnLastGroupOnly() throws {
        // Group 0 straddles 6, group 1 sits wholly above it: an increase indicator with target 6 now passes.
        let result = XmRChart.compute(
            values: Self.series, rebaseStarts: [9], options: XmROptions(direction: .increase, target: 6)
        )
        #expect(result.groups.map(\.assurance) == [nil, .consistentPass])
        let last = try #require(result.groups.last)
        #expect(last.lowerLimit > 6 && result.groups[0].lowerLimit < 6 && result.groups[0].upperLimit > 6)
        let single = XmRChart.compute(values: Self.series, rebaseStarts: [], options: XmROptions(direction: .increase, target: 6))
        #expect(single.groups.map(\.assurance) == [.inconsistent])
    }

    @Test("a group's variation is the type of its last point")
    func variation() {
        let options = XmROptions(direction: .decrease, baseline: 12)
        let result = XmRChart.compute(values: XmRRuleTests.calm + [16], rebaseStarts: [], options: options)
        #expect(result.groups.map(\.variation) == [.concern])
        let calm = XmRChart.compute(values: XmRRuleTests.calm, rebaseStarts: [], options: options)
        #expect(calm.groups.map(\.variation) == [.commonCause])
    }
}
