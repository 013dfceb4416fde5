/// The centre line, mean moving range and limits of one group (SPEC §4), as NHSRplotthedots 0.2.2 computes them.
struct XmRLimits: Equatable {
    static let limitFactor = 2.66
    // Written as the reference writes it (`2 * (limit / 3)`) so the near lines agree with it to the last bit.
    static let nearLimitFactor = 2 * (limitFactor / 3)
    static let screeningFactor = 3.267

    let mean: Double
    let movingRangeMean: Double
    let lower: Double
    let upper: Double
    let lowerNear: Double
    let upperNear: Double

    /// Limits from the points `values[baseline]`: their mean, and the mean of the moving ranges between them.
    ///
    /// With screening, moving ranges at or above 3.267 × mR̄ are dropped and mR̄ is taken again. When no moving
    /// range is left (a one-point baseline, or all of them 0 and screened out) mR̄ is 0, so every line is the centre.
    /// NHSRplotthedots returns NaN limits there; SPEC §4 asks for 0.
    init(values: [Double], baseline: Range<Int>, screenOutliers: Bool) {
        let centre = Self.mean(of: values, in: baseline)
        let unscreened = Self.movingRangeMean(of: values, in: baseline, below: .infinity) ?? 0
        let mrBar = screenOutliers
            ? Self.movingRangeMean(of: values, in: baseline, below: Self.screeningFactor * unscreened) ?? 0
            : unscreened
        self.init(mean: centre, movingRangeMean: mrBar)
    }

    init(mean: Double, movingRangeMean: Double) {
        self.mean = mean
        self.movingRangeMean = movingRangeMean
        lower = mean - Self.limitFactor * movingRangeMean
        upper = mean + Self.limitFactor * movingRangeMean
        lowerNear = mean - Self.nearLimitFactor * movingRangeMean
        upperNear = mean + Self.nearLimitFactor * movingRangeMean
    }

    /// The mean of `values[range]`, with R's second pass that adds back the rounding error of the first.
    static func mean(of values: [Double], in range: Range<Int>) -> Double {
        guard !range.isEmpty else { return .nan }
        let n = Double(range.count)
        var sum = 0.0
        for i in range { sum += values[i] }
        var m = sum / n
        guard m.isFinite else { return m }
        var residual = 0.0
        for i in range { residual += values[i] - m }
        m += residual / n
        return m
    }

    /// The mean of the moving ranges |x_i − x_{i−1}| inside `range` that are strictly below `limit`; nil if none are.
    static func movingRangeMean(of values: [Double], in range: Range<Int>, below limit: Double) -> Double? {
        guard range.count >= 2 else { return nil }
        let steps = (range.lowerBound + 1)..<range.upperBound
        var sum = 0.0
        var kept = 0
        for i in steps {
            let mr = abs(values[i] - values[i - 1])
            if mr < limit {
                sum += mr
                kept += 1
            }
        }
        guard kept > 0 else { return nil }
        var m = sum / Double(kept)
        guard m.isFinite else { return m }
        var residual = 0.0
        for i in steps {
            let mr = abs(values[i] - values[i - 1])
            if mr < limit { residual += mr - m }
        }
        m += residual / Double(kept)
        return m
    }
}
