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
        for i in range {
            out[i] = qualifies(i - 2) || qualifies(i - 1) || qualifies(i)
        }
    }

    /// `ptd_part_of_two_in_three`: only the near points of a qualifying window are flagged.
    static func partOfTwoInThree(_ inWindow: Bool, near: Bool) -> Bool {
        inWindow && near
    }

    /// R's `sign`: −1, 0 or 1 (0 for NaN too).
    static func sign(_ x: Double) -> Int8 {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }
}
