import Testing
@testable import GoalStatCore

/// Hand-made series for each rule. Most start from `calm`: 12 points with centre 10 and mR̄ 2, used as a baseline,
/// so the limits are 10 ± 5.32 and the near lines 10 ± 3.547 whatever follows.
@Suite("XmR rules")
struct XmRRuleTests {
    static let calm: [Double] = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9]
    static let quiet = [SpecialCause?](repeating: nil, count: 12)

    static func causes(
        after tail: [Double], direction: ImprovementDirection = .increase
    ) -> [SpecialCause?] {
        let options = XmROptions(direction: direction, baseline: 12)
        return XmRChart.compute(values: calm + tail, rebaseStarts: [], options: options).points.map(\.specialCause)
    }

    @Test("the calm baseline has centre 10, mR̄ 2 and no signal")
    func calmBaseline() throws {
        let result = XmRChart.compute(values: Self.calm, rebaseStarts: [], options: XmROptions(direction: .increase))
        let group = try #require(result.groups.first)
        #expect(group.mean == 10)
        #expect(group.movingRangeMean == 2)
        #expect(abs(group.upperLimit - 15.32) < 1e-12 && abs(group.lowerLimit - 4.68) < 1e-12)
        #expect(abs(group.upperNearLimit - (10 + 2 * 2.66 * 2 / 3)) < 1e-12)
        #expect(result.points.map(\.specialCause) == Self.quiet)
    }

    @Test("a point beyond a limit is outside, read through the direction")
    func outsidePoint() {
        #expect(Self.causes(after: [16]) == Self.quiet + [.aboveUpperLimit])
        #expect(Self.causes(after: [4]) == Self.quiet + [.belowLowerLimit])
        let types = { (direction: ImprovementDirection) in
            XmRChart.compute(values: Self.calm + [16], rebaseStarts: [], options: XmROptions(direction: direction, baseline: 12))
                .points.last?.pointType
        }
        #expect(types(.increase) == .improvement)
        #expect(types(.decrease) == .concern)
        #expect(types(.neutral) == .neutralHigh)
    }

    @Test("a point exactly on a limit is not outside")
    func onTheLimit() throws {
        let options = XmROptions(direction: .increase, baseline: 12)
        let upper = try #require(XmRChart.compute(values: Self.calm, rebaseStarts: [], options: options).groups.first?.upperLimit)
        let result = XmRChart.compute(values: Self.calm + [upper], rebaseStarts: [], options: options)
        #expect(result.points.last?.specialCause == nil)
    }

    @Test("seven points joined by six strict rises (or falls) are a trend, across the centre line")
    func sevenPointTrend() {
        #expect(Self.causes(after: [7, 8, 9, 10, 10.5, 11, 12]) == Self.quiet + Array(repeating: .trendIncreasing, count: 7))
        #expect(Self.causes(after: [13, 12, 11, 10, 9.5, 9, 8]) == Self.quiet + Array(repeating: .trendDecreasing, count: 7))
        let concern = XmRChart.compute(
            values: Self.calm + [13, 12, 11, 10, 9.5, 9, 8], rebaseStarts: [],
            options: XmROptions(direction: .increase, baseline: 12)
        )
        #expect(concern.points.last?.pointType == .concern)
    }

    @Test("a tie breaks a trend, and six points are not enough")
    func trendBrokenByTie() {
        #expect(Self.causes(after: [7, 8, 9, 9, 10.5, 11, 12]) == Self.quiet + Array(repeating: nil, count: 7))
        #expect(Self.causes(after: [8, 9, 10, 10.5, 11, 12]) == Self.quiet + Array(repeating: nil, count: 6))
    }

    @Test("where a rising and a falling trend meet, the peak takes the direction of the step to the next point")
    func trendPeak() {
        let rising = [SpecialCause?](repeating: .trendIncreasing, count: 6)
        let falling = [SpecialCause?](repeating: .trendDecreasing, count: 7)
        #expect(Self.causes(after: [7, 8, 9, 10, 11, 12, 13, 12, 11, 10, 9, 8, 7]) == Self.quiet + rising + falling)
    }

    @Test("where two trends meet across a tie, the point before the tie reads as decreasing (as in the reference)")
    func trendsMeetingAcrossATie() {
        // 7…13 rises, 13 = 13 is a tie, 13…7 falls: both runs qualify; the first 13 looks at the step to the
        // next point, which is 0, and NHSRplotthedots labels anything but a rise "Decreasing".
        let expected: [SpecialCause?] = Array(repeating: .trendIncreasing, count: 6) + Array(repeating: .trendDecreasing, count: 8)
        #expect(Self.causes(after: [7, 8, 9, 10, 11, 12, 13, 13, 12, 11, 10, 9, 8, 7]) == Self.quiet + expected)
    }

    @Test("two of three points near a limit on the same side flag the near points")
    func twoInThree() {
        #expect(Self.causes(after: [14, 11, 14]) == Self.quiet + [.twoInThreeAbove, nil, .twoInThreeAbove])
        #expect(Self.causes(after: [14, 14, 11]) == Self.quiet + [.twoInThreeAbove, .twoInThreeAbove, nil])
        #expect(Self.causes(after: [6, 6.2, 9]) == Self.quiet + [.twoInThreeBelow, .twoInThreeBelow, nil])
    }

    @Test("two near points on opposite sides of the centre are not two in three")
    func twoInThreeOppositeSides() {
        #expect(Self.causes(after: [14, 9, 14]) == Self.quiet + [nil, nil, nil])
        #expect(Self.causes(after: [14, 6]) == Self.quiet + [nil, nil])
    }

    @Test("an outside point still counts for its side in a two-in-three window")
    func twoInThreeWithOutsidePoint() {
        #expect(Self.causes(after: [14, 16, 14]) == Self.quiet + [.twoInThreeAbove, .aboveUpperLimit, .twoInThreeAbove])
    }

    @Test("seven points on one side are a shift; six are not; a point on the centre line breaks it")
    func shift() {
        #expect(Self.causes(after: Array(repeating: 10.5, count: 7)) == Self.quiet + Array(repeating: .shiftAbove, count: 7))
        #expect(Self.causes(after: Array(repeating: 10.5, count: 6) + [9.5]) == Self.quiet + Array(repeating: nil, count: 7))
        #expect(Self.causes(after: [10.5, 10.5, 10.5, 10, 10.5, 10.5, 10.5, 10.5]) == Self.quiet + Array(repeating: nil, count: 8))
        // calm ends below the centre, so its last point joins a run below.
        let below = Self.causes(after: Array(repeating: 9.5, count: 6))
        #expect(below == Array(repeating: nil, count: 11) + Array(repeating: .shiftBelow, count: 7))
    }

    @Test("rules are tried in order: outside, trend, two in three, shift")
    func rulePriority() {
        // calm's last 9 and seven rising points above the centre: a trend (from the 9) and a shift; the trend wins.
        #expect(
            Self.causes(after: [10.2, 10.4, 10.6, 10.8, 11, 11.2, 11.4])
                == Array(repeating: nil, count: 11) + Array(repeating: .trendIncreasing, count: 8)
        )
        // Seven above, the last two near: those two are two in three, the rest a shift.
        #expect(
            Self.causes(after: [10.5, 10.5, 10.5, 10.5, 10.5, 14, 14])
                == Self.quiet + Array(repeating: .shiftAbove, count: 5) + [.twoInThreeAbove, .twoInThreeAbove]
        )
    }

    @Test("screening drops a moving range at or above 3.267 × mR̄; without it the range counts")
    func screening() throws {
        let values: [Double] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11]
        let screened = try #require(XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .increase)).groups.first)
        let unscreened = try #require(
            XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .increase, screenOutliers: false)).groups.first
        )
        #expect(screened.movingRangeMean == 1)
        #expect(abs(unscreened.movingRangeMean - 21.0 / 11.0) < 1e-15)
        #expect(abs(screened.mean - 16.0 / 12.0) < 1e-15 && screened.mean == unscreened.mean)
        #expect(abs(screened.upperLimit - (16.0 / 12.0 + 2.66)) < 1e-12)
    }

    @Test("no moving range left means mR̄ 0 and every line on the centre")
    func zeroMovingRange() throws {
        for screen in [true, false] {
            let options = XmROptions(direction: .increase, screenOutliers: screen)
            let flat = XmRChart.compute(values: [5, 5, 5, 5], rebaseStarts: [], options: options)
            let group = try #require(flat.groups.first)
            #expect(group.movingRangeMean == 0 && group.lowerLimit == 5 && group.upperLimit == 5)
            #expect(flat.points.allSatisfy { $0.specialCause == nil && $0.lowerNearLimit == 5 && $0.upperNearLimit == 5 })

            let single = XmRChart.compute(values: [3], rebaseStarts: [], options: options)
            #expect(single.groups.map(\.movingRangeMean) == [0])
            #expect(single.points.map(\.pointType) == [.commonCause])
            #expect(single.groups.first?.trialLimits == true)
        }
        let empty = XmRChart.compute(values: [], rebaseStarts: [3], options: XmROptions(direction: .increase, target: 1))
        #expect(empty.groups.isEmpty && empty.points.isEmpty)
    }

    @Test("a baseline fixes the limits on the first N points of each group; later points are judged against them")
    func baseline() throws {
        let rising: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let fixed = XmRChart.compute(values: rising, rebaseStarts: [], options: XmROptions(direction: .increase, baseline: 3))
        let group = try #require(fixed.groups.first)
        #expect(group.mean == 2 && group.movingRangeMean == 1 && group.baselineCount == 3 && group.n == 8)
        #expect(fixed.points.suffix(4).allSatisfy { $0.specialCause == .aboveUpperLimit })

        let all = XmRChart.compute(values: rising, rebaseStarts: [], options: XmROptions(direction: .increase))
        let beyond = XmRChart.compute(values: rising, rebaseStarts: [], options: XmROptions(direction: .increase, baseline: 50))
        #expect(beyond == all)
        #expect(all.groups.first?.baselineCount == 8)

        let one = XmRChart.compute(values: rising, rebaseStarts: [], options: XmROptions(direction: .increase, baseline: 1))
        let zero = XmRChart.compute(values: rising, rebaseStarts: [], options: XmROptions(direction: .increase, baseline: 0))
        #expect(one.groups.first?.mean == 1 && one.groups.first?.movingRangeMean == 0)
        #expect(zero == one)

        let rebased = XmRChart.compute(
            values: [1, 2, 3, 10, 11, 20, 21, 22, 30], rebaseStarts: [5],
            options: XmROptions(direction: .increase, baseline: 3)
        )
        #expect(rebased.groups.map(\.mean) == [2, 21])
        #expect(rebased.groups.map(\.movingRangeMean) == [1, 1])
        #expect(rebased.groups.map(\.baselineCount) == [3, 3])
    }
}
