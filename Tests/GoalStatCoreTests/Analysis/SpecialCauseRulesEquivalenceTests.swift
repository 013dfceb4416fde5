import Testing
@testable import GoalStatCore

/// The linear-time rule functions against literal transliterations of the NHSRplotthedots 0.2.2 helpers
/// (`R/ptd_calculate_point_type.R`), on random vectors rich in ties, runs and near points.
@Suite("XmR rule functions match the reference helpers on random vectors")
struct SpecialCauseRulesEquivalenceTests {
    static func sevenPointTrendR(_ y: [Double]) -> [Int8] {
        guard y.count >= 7 else { return Array(repeating: 0, count: y.count) }
        return y.indices.map { i in
            guard i >= 6 else { return 0 }
            let steps = (0..<6).map { y[i - $0] - y[i - $0 - 1] }
            if steps.allSatisfy({ $0 > 0 }) { return 1 }
            if steps.allSatisfy({ $0 < 0 }) { return -1 }
            return 0
        }
    }

    static func sevenPointOneSideR(_ v: [Int8]) -> [Int8] {
        let vp = Array(repeating: Int8(0), count: 6) + v
        return v.indices.map { k in
            let i = k + 6
            return (1...6).allSatisfy { vp[i] == vp[i - $0] } && vp[i] != 0 ? 1 : 0
        }
    }

    static func partOfSevenR(_ v: [Int8]) -> [Int8] {
        let vp = v + Array(repeating: 0, count: 6)
        return v.indices.map { i in (0...6).contains { abs(Int(vp[i + $0])) == 1 } ? 1 : 0 }
    }

    static func twoInThreeR(_ near: [Bool], _ side: [Int8]) -> [Bool] {
        let vp: [Int] = [0, 0] + near.map { $0 ? 1 : 0 } + [0, 0]
        let rp: [Int] = [0, 0] + side.map { Int($0) } + [0, 0]
        func window(_ start: Int) -> Bool {
            let nearCount: Int = vp[start] + vp[start + 1] + vp[start + 2]
            let sideSum: Int = rp[start] + rp[start + 1] + rp[start + 2]
            return nearCount >= 2 && abs(sideSum) == 3
        }
        return near.indices.map { i in window(i) || window(i + 1) || window(i + 2) }
    }

    /// A sequence that repeats its previous element often, so long runs appear.
    static func sticky<T>(_ count: Int, _ rng: inout SplitMix64, _ draw: (inout SplitMix64) -> T) -> [T] {
        var out: [T] = []
        for _ in 0..<count {
            if let last = out.last, Int.random(in: 0..<10, using: &rng) < 7 { out.append(last) } else { out.append(draw(&rng)) }
        }
        return out
    }

    @Test("trend, shift, part-of-seven and two-in-three agree on 2,000 random vectors")
    func agreesWithReferenceTransliteration() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let n = Int.random(in: 0...40, using: &rng)
            var level = 0.0
            let y: [Double] = (0..<n).map { _ in
                level += Double(Int.random(in: -1...2, using: &rng))
                return level
            }
            let side = Self.sticky(n, &rng) { Int8.random(in: -1...1, using: &$0) }
            let near = (0..<n).map { _ in Int.random(in: 0..<3, using: &rng) == 0 }

            var trend = [Int8](repeating: 0, count: n)
            SpecialCauseRules.sevenPointTrend(y, in: 0..<n, into: &trend)
            #expect(trend == Self.sevenPointTrendR(y), "y = \(y)")
            let expectedPart = Self.partOfSevenR(trend)
            SpecialCauseRules.markPartOfSeven(&trend, in: 0..<n)
            #expect(trend == expectedPart)

            var shift = [Int8](repeating: 0, count: n)
            SpecialCauseRules.sevenPointOneSide(side, in: 0..<n, into: &shift)
            #expect(shift == Self.sevenPointOneSideR(side), "side = \(side)")

            var window = [Bool](repeating: false, count: n)
            SpecialCauseRules.twoInThree(near: near, side: side, in: 0..<n, into: &window)
            #expect(window == Self.twoInThreeR(near, side), "near = \(near), side = \(side)")
        }
    }
}
