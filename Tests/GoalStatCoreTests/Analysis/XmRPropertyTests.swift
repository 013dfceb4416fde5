import Testing
@testable import GoalStatCore

/// A small seeded generator (SplitMix64) so the random series are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One random chart input: values on a 1/64 grid (so sums, shifts and moving ranges are exact), with drifts,
/// steps and outliers mixed in so every rule fires somewhere.
struct XmRRandomSeries {
    var values: [Double]
    var rebaseStarts: [Int]
    var options: XmROptions

    init(_ rng: inout SplitMix64) {
        let n = Int.random(in: 1...150, using: &rng)
        let spread = [1, 8, 64, 512].randomElement(using: &rng)!
        let level = Int.random(in: -20_000...20_000, using: &rng)
        var grid = (0..<n).map { _ in level + Int.random(in: -spread...spread, using: &rng) }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let start = Int.random(in: 0..<n, using: &rng)
            let length = Int.random(in: 1...20, using: &rng)
            let size = Int.random(in: -4 * spread...4 * spread, using: &rng)
            let drift = Bool.random(using: &rng)
            for i in start..<min(n, start + length) {
                grid[i] += drift ? size / 4 * (i - start) : size
            }
        }
        values = grid.map { Double($0) / 64 }
        rebaseStarts = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
        options = XmROptions(
            direction: ImprovementDirection.allCases.randomElement(using: &rng)!,
            target: Bool.random(using: &rng) ? Double(level + Int.random(in: -3 * spread...3 * spread, using: &rng)) / 64 : nil,
            baseline: Bool.random(using: &rng) ? Int.random(in: 1...20, using: &rng) : nil,
            screenOutliers: Bool.random(using: &rng)
        )
    }

    func chart(_ transform: (Double) -> Double = { $0 }, direction: ImprovementDirection? = nil) -> XmRUnitResult {
        var options = options
        if let direction { options.direction = direction }
        return XmRChart.compute(values: values.map(transform), rebaseStarts: rebaseStarts, options: options)
    }

    static func sample(count: Int = 400, seed: UInt64) -> [XmRRandomSeries] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in XmRRandomSeries(&rng) }
    }
}

@Suite("XmR invariants over seeded random series")
struct XmRPropertyTests {
    static let series = XmRRandomSeries.sample(seed: 0x5EED_2026)

    @Test("the random series exercise every special cause and every assurance")
    func coverage() {
        var causes = Set<SpecialCause>()
        var assurances = Set<Assurance>()
        for s in Self.series {
            let result = s.chart()
            causes.formUnion(result.points.compactMap(\.specialCause))
            assurances.formUnion(result.groups.compactMap(\.assurance))
        }
        #expect(causes == Set(SpecialCause.allCases))
        #expect(assurances == Set(Assurance.allCases))
    }

    @Test("groups tile the series and every point carries its group's limits")
    func structure() {
        for s in Self.series {
            let result = s.chart()
            #expect(result.points.count == s.values.count)
            #expect(result.groups.first?.indices.lowerBound == 0 && result.groups.last?.indices.upperBound == s.values.count)
            for (g, group) in result.groups.enumerated() {
                #expect(group.group == g)
                if g > 0 { #expect(group.indices.lowerBound == result.groups[g - 1].indices.upperBound) }
                #expect(group.trialLimits == (group.n <= 12))
                #expect(group.variation == result.points[group.indices.upperBound - 1].pointType)
                let hasAssurance = g == result.groups.count - 1 && s.options.target != nil && s.options.direction != .neutral
                #expect((group.assurance != nil) == hasAssurance)
                for point in result.points[group.indices] {
                    #expect(point.group == g && point.mean == group.mean && point.trialLimits == group.trialLimits)
                    #expect(point.lowerLimit == group.lowerLimit && point.upperLimit == group.upperLimit)
                }
            }
        }
    }

    @Test("limits and near lines are symmetric about the centre and nested")
    func symmetricLimits() {
        for s in Self.series {
            for group in s.chart().groups {
                let tolerance = 1e-12 * max(1, abs(group.mean) + group.upperLimit - group.lowerLimit)
                #expect(abs((group.upperLimit - group.mean) - (group.mean - group.lowerLimit)) <= tolerance)
                #expect(abs((group.upperNearLimit - group.mean) - (group.mean - group.lowerNearLimit)) <= tolerance)
                #expect(abs((group.upperNearLimit - group.mean) - 2.0 / 3.0 * (group.upperLimit - group.mean)) <= tolerance)
                #expect(group.lowerLimit <= group.lowerNearLimit && group.lowerNearLimit <= group.mean)
                #expect(group.mean <= group.upperNearLimit && group.upperNearLimit <= group.upperLimit)
                #expect(group.movingRangeMean >= 0)
            }
        }
    }

    @Test("shifting every value by a constant changes no signal")
    func shiftInvariance() {
        var rng = SplitMix64(seed: 7)
        for s in Self.series {
            let c = Double(Int.random(in: -100_000...100_000, using: &rng)) / 64
            let base = s.chart()
            let shifted = s.chart { $0 + c }
            #expect(shifted.points.map(\.specialCause) == base.points.map(\.specialCause))
            #expect(shifted.points.map(\.pointType) == base.points.map(\.pointType))
            #expect(shifted.groups.map(\.movingRangeMean) == base.groups.map(\.movingRangeMean))
            for (a, b) in zip(shifted.groups, base.groups) {
                #expect(abs(a.mean - (b.mean + c)) <= 1e-9 * max(1, abs(a.mean)))
            }
        }
    }

    @Test("scaling by a power of two changes no signal; negating mirrors every signal")
    func scaleAndMirror() {
        let mirror: [SpecialCause: SpecialCause] = [
            .aboveUpperLimit: .belowLowerLimit, .belowLowerLimit: .aboveUpperLimit,
            .trendIncreasing: .trendDecreasing, .trendDecreasing: .trendIncreasing,
            .twoInThreeAbove: .twoInThreeBelow, .twoInThreeBelow: .twoInThreeAbove,
            .shiftAbove: .shiftBelow, .shiftBelow: .shiftAbove,
        ]
        for s in Self.series {
            let base = s.chart()
            #expect(s.chart { $0 * 4 }.points.map(\.specialCause) == base.points.map(\.specialCause))
            let negated = s.chart { -$0 }
            #expect(negated.points.map { $0.specialCause.flatMap { mirror[$0] } } == base.points.map(\.specialCause))
            #expect(negated.groups.map(\.mean) == base.groups.map { -$0.mean })
            #expect(negated.groups.map(\.lowerLimit) == base.groups.map { -$0.upperLimit })
        }
    }

    @Test("flipping increase and decrease swaps improvement and concern, and pass and fail")
    func directionFlip() {
        let swapped: [PointType: PointType] = [.improvement: .concern, .concern: .improvement, .commonCause: .commonCause]
        let swappedAssurance: [Assurance: Assurance] = [
            .consistentPass: .consistentFail, .consistentFail: .consistentPass, .inconsistent: .inconsistent,
        ]
        for s in Self.series {
            let up = s.chart(direction: .increase)
            let down = s.chart(direction: .decrease)
            #expect(up.points.map(\.specialCause) == down.points.map(\.specialCause))
            #expect(up.points.map { swapped[$0.pointType] } == down.points.map(\.pointType))
            #expect(up.groups.map { $0.assurance.flatMap { swappedAssurance[$0] } } == down.groups.map(\.assurance))
        }
    }

    @Test("a neutral direction never yields improvement or concern")
    func neutralDirection() {
        for s in Self.series {
            let result = s.chart(direction: .neutral)
            for point in result.points {
                switch point.specialCause {
                case nil: #expect(point.pointType == .commonCause)
                case let cause?: #expect(point.pointType == (cause.isHigh ? .neutralHigh : .neutralLow))
                }
            }
            #expect(result.groups.allSatisfy { $0.assurance == nil })
        }
    }
}
