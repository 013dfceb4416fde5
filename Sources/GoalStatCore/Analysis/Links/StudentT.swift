import Foundation

/// Student's t distribution, for the rough p-value of a correlation.
enum StudentT {
    /// P(|T| ≥ |t|) for T with `degreesOfFreedom` degrees of freedom: I_{ν/(ν+t²)}(ν/2, 1/2).
    static func twoSidedPValue(t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        guard t.isFinite else { return 0 }
        return regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// I_x(a, b), by the continued fraction of Numerical Recipes (§6.4) evaluated with Lentz's method.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = logGamma(a) + logGamma(b) - logGamma(a + b)
        let logFront: Double = a * log(x) + b * log(1 - x) - logBeta
        // The fraction converges fast for x below (a + 1) / (a + b + 2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// ln Γ(x) for x > 0 (the one-result `lgamma`; Glibc also offers one returning the sign).
    private static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }
}
