import Foundation

/// The small statistics the integrity checks share. Values are `[Double?]` on a series' grid: nil is a gap.
enum IntegrityStatistics {
    /// d2 for subgroups of two: sigma = mean moving range / d2 (the XmR estimate of short-term noise).
    static let d2 = 1.128
    /// XmR screening: moving ranges at or above this multiple of their mean are left out (SPEC §4).
    static let screeningFactor = 3.267

    /// The mean of the values in `range` that are present, with how many there were; nil when none are.
    static func mean(_ values: [Double?], in range: Range<Int>) -> (mean: Double, count: Int)? {
        var sum = 0.0, count = 0
        for i in range.clamped(to: values.indices) {
            if let value = values[i] { sum += value; count += 1 }
        }
        return count == 0 ? nil : (sum / Double(count), count)
    }

    /// Short-term noise as XmR measures it: the screened mean moving range of neighbouring present values, / d2.
    /// Nil when fewer than two moving ranges exist.
    static func movingRangeSigma(_ values: [Double?], in range: Range<Int>? = nil) -> Double? {
        let range = (range ?? values.indices).clamped(to: values.indices)
        var ranges: [Double] = []
        ranges.reserveCapacity(range.count)
        for i in range.dropFirst() {
            if let a = values[i - 1], let b = values[i] { ranges.append(abs(b - a)) }
        }
        guard ranges.count >= 2 else { return nil }
        let unscreened = ranges.reduce(0, +) / Double(ranges.count)
        let kept = ranges.filter { $0 < screeningFactor * unscreened }
        guard !kept.isEmpty else { return 0 }
        return kept.reduce(0, +) / Double(kept.count) / d2
    }

    /// The noise of a series: its moving-range sigma, and for counts at least √mean, the Poisson noise of honest
    /// counting (small counts with many repeats give a moving-range sigma far too small).
    static func noiseSigma(_ values: [Double?], unit: IndicatorUnit, in range: Range<Int>? = nil) -> Double? {
        guard let sigma = movingRangeSigma(values, in: range) else { return nil }
        guard unit == .count, let level = mean(values, in: range ?? values.indices) else { return sigma }
        return max(sigma, max(0, level.mean).squareRoot())
    }

    /// How many periods make a year at this granularity (1 for years: no seasonality to allow for).
    static func periodsPerYear(_ granularity: Period.Granularity) -> Int {
        switch granularity {
        case .year: 1
        case .quarter: 4
        case .month: 12
        case .week: 52
        case .day: 365
        }
    }

    /// Whether periods of granularity `a` are longer than those of `b` (a quarter is coarser than a month).
    static func isCoarser(_ a: Period.Granularity, than b: Period.Granularity) -> Bool {
        let order: [Period.Granularity] = [.day, .week, .month, .quarter, .year]
        return order.firstIndex(of: a)! > order.firstIndex(of: b)!
    }

    /// P(X ≥ k) for X ~ Binomial(n, p): how likely honest data shows at least `k` successes.
    static func binomialUpperTail(successes k: Int, trials n: Int, probability p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        let logP = log(p), logQ = log1p(-p), logNFactorial = logGamma(Double(n) + 1)
        var total = 0.0
        for i in k...n {
            let logTerm = logNFactorial - logGamma(Double(i) + 1) - logGamma(Double(n - i) + 1)
                + Double(i) * logP + Double(n - i) * logQ
            total += exp(logTerm)
        }
        return min(1, total)
    }

    /// P(χ² ≥ x) with `degreesOfFreedom` degrees of freedom: the regularized upper incomplete gamma Q(df/2, x/2).
    static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard x > 0 else { return 1 }
        return upperRegularizedGamma(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// Q(a, x) by its series below a + 1 and by Lentz's continued fraction above (Numerical Recipes, §6.2).
    private static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefix = a * log(x) - x - logGamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<500 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, exp(logPrefix) * h)
    }

    /// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine terms; relative error near 1e-15). Written out
    /// because `lgamma` is ambiguous between Foundation and the C library on Linux.
    static func logGamma(_ x: Double) -> Double {
        if x < 0.5 { return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x) }
        let coefficients = [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ]
        let z = x - 1
        var sum = coefficients[0]
        for i in 1..<coefficients.count { sum += coefficients[i] / (z + Double(i)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }
}
