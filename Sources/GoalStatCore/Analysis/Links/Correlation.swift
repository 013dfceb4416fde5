/// Pearson correlation and its rough p-value, shared by the link checks.
enum Correlation {
    /// Pearson's r of two equally long samples; nil with fewer than 3 values or when either does not vary.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        guard n == y.count, n >= 3 else { return nil }
        let meanX = x.reduce(0, +) / Double(n)
        let meanY = y.reduce(0, +) / Double(n)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<n {
            let dx = x[i] - meanX
            let dy = y[i] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Two-sided p-value of a correlation `r` from `pairs` pairs: t = r√((n − 2)/(1 − r²)) on n − 2 degrees of freedom.
    static func pValue(_ r: Double, pairs n: Int) -> Double {
        let nu = Double(n - 2)
        guard nu > 0 else { return 1 }
        if abs(r) >= 1 { return 0 }
        let t = r * (nu / (1 - r * r)).squareRoot()
        return StudentT.twoSidedPValue(t: t, degreesOfFreedom: nu)
    }
}
