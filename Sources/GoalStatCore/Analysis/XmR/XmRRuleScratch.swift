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

    /// Labels the points `y[range]` (one group) against `limits`; `causes[range]` holds the result.
    mutating func label(_ y: [Double], in range: Range<Int>, limits: XmRLimits) {
        SpecialCauseRules.positions(y, in: range, limits: limits, side: &side, outside: &outside, near: &near)
        SpecialCauseRules.sevenPointTrend(y, in: range, into: &trend)
        SpecialCauseRules.markPartOfSeven(&trend, in: range)
        SpecialCauseRules.twoInThree(near: near, side: side, in: range, into: &twoInThree)
        SpecialCauseRules.sevenPointOneSide(side, in: range, into: &shift)
        SpecialCauseRules.markPartOfSeven(&shift, in: range)
        SpecialCauseRules.firstMatching(
            y, in: range, side: side, outside: outside, near: near,
            trend: trend, twoInThree: twoInThree, shift: shift, into: &causes
        )
    }
}
