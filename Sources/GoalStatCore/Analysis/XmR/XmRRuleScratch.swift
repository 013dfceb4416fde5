/// Per-point working buffers for the special-cause rules: allocated once per series and reused by each of its groups,
/// so the rules run without allocating per point or per group.
struct XmRRuleScratch {
    private(set) var causes: [SpecialCause?]
    private var side: [Int8]
    private var near: [Bool]
    private var outside: [Bool]
    private var trend: [Int8]
    private var shift: [Int8]
    private var twoInThree: [Bool]

    init(count: Int) {
        causes = Array(repeating: nil, count: count)
        side = Array(repeating: 0, count: count)
        near = Array(repeating: false, count: count)
        outside = Array(repeating: false, count: count)
        trend = Array(repeating: 0, count: count)
        shift = Array(repeating: 0, count: count)
        twoInThree = Array(repeating: false, count: count)
    }

    /// Labels the points `y[range]` (one group) against `limits`: the first rule that matches wins
    /// (outside, trend, two in three, shift); `causes[range]` holds the result.
    mutating func label(_ y: [Double], in range: Range<Int>, limits: XmRLimits) {
        for i in range {
            let x = y[i]
            side[i] = SpecialCauseRules.sign(x - limits.mean)
            outside[i] = x > limits.upper || x < limits.lower
            near[i] = !outside[i] && (x < limits.lowerNear || x > limits.upperNear)
        }
        SpecialCauseRules.sevenPointTrend(y, in: range, into: &trend)
        SpecialCauseRules.markPartOfSeven(&trend, in: range)
        SpecialCauseRules.twoInThree(near: near, side: side, in: range, into: &twoInThree)
        SpecialCauseRules.sevenPointOneSide(side, in: range, into: &shift)
        SpecialCauseRules.markPartOfSeven(&shift, in: range)

        for i in range {
            let above = side[i] > 0
            if outside[i] {
                causes[i] = above ? .aboveUpperLimit : .belowLowerLimit
            } else if trend[i] != 0 {
                causes[i] = trendDirection(y, at: i, in: range) > 0 ? .trendIncreasing : .trendDecreasing
            } else if SpecialCauseRules.partOfTwoInThree(twoInThree[i], near: near[i]) {
                causes[i] = above ? .twoInThreeAbove : .twoInThreeBelow
            } else if shift[i] != 0 {
                causes[i] = above ? .shiftAbove : .shiftBelow
            } else {
                causes[i] = nil
            }
        }
    }

    /// The direction of a trend point: the step to the next point when that one is in a trend too, otherwise the
    /// step from the previous one. Where two runs meet across a tie the step is 0, which NHSRplotthedots (and so
    /// this) reads as decreasing.
    private func trendDirection(_ y: [Double], at i: Int, in range: Range<Int>) -> Int8 {
        if i + 1 < range.upperBound, trend[i + 1] != 0 {
            return SpecialCauseRules.sign(y[i + 1] - y[i])
        }
        return i > range.lowerBound ? SpecialCauseRules.sign(y[i] - y[i - 1]) : 0
    }
}
