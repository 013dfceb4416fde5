import Foundation

/// The Theil–Sen line: the median of all pairwise slopes, robust to a few odd points (SPEC §4 "Trend and forecast").
public enum TheilSen {
    /// Two-sided 95% normal quantile, z₀.₉₇₅.
    static let z95 = 1.959963984540054

    /// Fits `y` against `x`; nil with fewer than 3 points, unequal lengths, a non-finite value, or all `x` equal.
    ///
    /// Slope = median of (yⱼ − yᵢ) / (xⱼ − xᵢ) over the pairs with xᵢ ≠ xⱼ (Theil 1950, Sen 1968);
    /// intercept = median of yᵢ − slope·xᵢ. The 95% interval for the slope is Sen's distribution-free one:
    /// with N slopes sorted and C = 1.96 × √(n(n−1)(2n+5)/18), the variance of Kendall's S with ties ignored
    /// (which only widens the interval when there are ties), it runs from the slope of rank round((N − C)/2)
    /// to that of rank round((N + C)/2 + 1), ranks clamped to 1…N — the ranks R's `trend::sens.slope` uses.
    public static func fit(x: [Double], y: [Double]) -> TheilSenFit? {
        let n = x.count
        guard n == y.count, n >= 3, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { return nil }
        var slopes: [Double] = []
        slopes.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n where x[j] != x[i] {
                slopes.append((y[j] - y[i]) / (x[j] - x[i]))
            }
        }
        guard !slopes.isEmpty else { return nil }
        let count = slopes.count
        let (lowerIndex, upperIndex) = confidenceIndices(slopeCount: count, pointCount: n)
        let medianPositions = count % 2 == 1 ? [count / 2] : [count / 2 - 1, count / 2]
        let picked = OrderStatistics.values(at: medianPositions + [lowerIndex, upperIndex], of: slopes)
        let slope = medianPositions.count == 1 ? picked[0] : (picked[0] + picked[1]) / 2
        guard let intercept = RobustStatistics.median(zip(x, y).map { $0.1 - slope * $0.0 }) else { return nil }
        let (low, high) = (picked[picked.count - 2], picked[picked.count - 1])
        return TheilSenFit(
            slope: slope, intercept: intercept, slopeLow: low, slopeHigh: high,
            points: n, pairs: slopes.count, confidence: 0.95
        )
    }

    /// The sorted positions of the slopes that bound the 95% interval (Sen 1968, ranks from the normal approximation).
    static func confidenceIndices(slopeCount: Int, pointCount n: Int) -> (Int, Int) {
        let count = Double(slopeCount)
        let size = Double(n)
        let c = z95 * (size * (size - 1) * (2 * size + 5) / 18).squareRoot()
        let lowerRank = ((count - c) / 2).rounded(.toNearestOrEven)
        let upperRank = ((count + c) / 2 + 1).rounded(.toNearestOrEven)
        let lowerIndex = Int(min(max(lowerRank, 1), count)) - 1
        let upperIndex = Int(min(max(upperRank, 1), count)) - 1
        return (lowerIndex, upperIndex)
    }
}

/// A fitted Theil–Sen line with Sen's confidence interval for its slope.
public struct TheilSenFit: Sendable, Equatable, Codable {
    /// Change in y per unit of x: the median pairwise slope.
    public var slope: Double
    /// The median of y − slope·x.
    public var intercept: Double
    /// Lower end of the slope's confidence interval.
    public var slopeLow: Double
    /// Upper end of the slope's confidence interval.
    public var slopeHigh: Double
    /// Number of (x, y) points.
    public var points: Int
    /// Number of pairwise slopes used (pairs with equal x have none).
    public var pairs: Int
    /// Coverage of the slope interval (0.95).
    public var confidence: Double

    public init(
        slope: Double, intercept: Double, slopeLow: Double, slopeHigh: Double, points: Int, pairs: Int, confidence: Double
    ) {
        self.slope = slope
        self.intercept = intercept
        self.slopeLow = slopeLow
        self.slopeHigh = slopeHigh
        self.points = points
        self.pairs = pairs
        self.confidence = confidence
    }

    /// The line's value at `x`.
    public func value(at x: Double) -> Double { intercept + slope * x }
}
