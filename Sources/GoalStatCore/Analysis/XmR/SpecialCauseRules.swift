/// The individual special-cause rules, each shaped like the NHSRplotthedots 0.2.2 helper it mirrors so that the
/// reference's unit vectors test them directly. Every function works on `range` of unit-wide arrays, so one set of
/// buffers serves all groups of a series; nothing reaches across the ends of `range`.
enum SpecialCauseRules {
    /// The minimum number of points in a trend or shift.
    static let runLength = 7

    /// `ptd_seven_point_trend`: +1 (−1) at a point whose previous 6 steps are all strict rises (falls), else 0.
    static func sevenPointTrend(_ y: [Double], in range: Range<Int>, into out: inout [Int8]) {
        var direction: Int8 = 0
        var steps = 0
        for i in range {
            let step: Int8 = i == range.lowerBound ? 0 : sign(y[i] - y[i - 1])
            if step != 0, step == direction {
                steps += 1
            } else {
                direction = step
                steps = step == 0 ? 0 : 1
            }
            out[i] = steps >= runLength - 1 ? direction : 0
        }
    }

    /// `ptd_seven_point_one_side_mean`: 1 at a point whose side (−1, 0, 1) is non-zero and equal to the previous
    /// 6 points' sides, else 0.
    static func sevenPointOneSide(_ side: [Int8], in range: Range<Int>, into out: inout [Int8]) {
        var run = 0
        for i in range {
            if side[i] == 0 {
                run = 0
            } else if i > range.lowerBound, side[i] == side[i - 1] {
                run += 1
            } else {
                run = 1
            }
            out[i] = run >= runLength ? 1 : 0
        }
    }

    /// `ptd_part_of_seven_trend`, in place: 1 where the point or one of the next 6 is flagged, i.e. the point belongs
    /// to a run whose 7th point was flagged by one of the functions above.
    static func markPartOfSeven(_ v: inout [Int8], in range: Range<Int>) {
        var nextFlag = range.upperBound + runLength
        for i in range.reversed() {
            if v[i] != 0 { nextFlag = i }
            v[i] = nextFlag - i < runLength ? 1 : 0
        }
    }

    /// `ptd_two_in_three`: whether the point lies in a window of 3 consecutive points of which at least 2 are near
    /// a limit and all 3 are on the same non-zero side.
    static func twoInThree(near: [Bool], side: [Int8], in range: Range<Int>, into out: inout [Bool]) {
        func qualifies(_ w: Int) -> Bool {
            guard w >= range.lowerBound, w + 2 < range.upperBound else { return false }
            let s = side[w]
            guard s != 0, side[w + 1] == s, side[w + 2] == s else { return false }
            let nearCount = (near[w] ? 1 : 0) + (near[w + 1] ? 1 : 0) + (near[w + 2] ? 1 : 0)
            return nearCount >= 2
        }
        // A point is in the windows starting 2, 1 and 0 points before it; each window is judged once.
        var startsTwoBefore = false
        var startsOneBefore = false
        for i in range {
            let startsHere = qualifies(i)
            out[i] = startsTwoBefore || startsOneBefore || startsHere
            startsTwoBefore = startsOneBefore
            startsOneBefore = startsHere
        }
    }

    /// `ptd_part_of_two_in_three`: only the near points of a qualifying window are flagged.
    static func partOfTwoInThree(_ inWindow: Bool, near: Bool) -> Bool {
        inWindow && near
    }

    /// Where each point of `y[range]` lies against `limits`: its side of the centre line (−1, 0, 1), whether it is
    /// outside the limits, and whether it is near one (beyond a near line but not outside).
    static func positions(
        _ y: [Double], in range: Range<Int>, limits: XmRLimits,
        side: inout [Int8], outside: inout [Bool], near: inout [Bool]
    ) {
        for i in range {
            let x = y[i]
            let beyond = x > limits.upper || x < limits.lower
            side[i] = sign(x - limits.mean)
            outside[i] = beyond
            near[i] = !beyond && (x < limits.lowerNear || x > limits.upperNear)
        }
    }

    /// `ptd_special_cause_type`: the first rule each point matches, in the order outside, trend, two in three, shift.
    static func firstMatching(
        _ y: [Double], in range: Range<Int>, side: [Int8], outside: [Bool], near: [Bool],
        trend: [Int8], twoInThree: [Bool], shift: [Int8], into causes: inout [SpecialCause?]
    ) {
        for i in range {
            let above = side[i] > 0
            if outside[i] {
                causes[i] = above ? .aboveUpperLimit : .belowLowerLimit
            } else if trend[i] != 0 {
                // A trend point looks at the step to the next point when that one is in a trend too, else at the
                // step from the previous one. Where two runs meet across a tie that step is 0, which the reference
                // (and so this) reads as decreasing.
                let nextInTrend = i + 1 < range.upperBound && trend[i + 1] != 0
                let step = nextInTrend ? y[i + 1] - y[i] : (i > range.lowerBound ? y[i] - y[i - 1] : 0)
                causes[i] = step > 0 ? .trendIncreasing : .trendDecreasing
            } else if partOfTwoInThree(twoInThree[i], near: near[i]) {
                causes[i] = above ? .twoInThreeAbove : .twoInThreeBelow
            } else if shift[i] != 0 {
                causes[i] = above ? .shiftAbove : .shiftBelow
            } else {
                causes[i] = nil
            }
        }
    }

    /// R's `sign`: −1, 0 or 1 (0 for NaN too).
    static func sign(_ x: Double) -> Int8 {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }
}
