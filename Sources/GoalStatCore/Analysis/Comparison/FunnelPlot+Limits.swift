extension FunnelPlot {
    /// Two-sided 95% normal quantile, z₀.₉₇₅.
    public static let z95 = 1.959963984540054
    /// Two-sided 99.8% normal quantile, z₀.₉₉₉.
    public static let z998 = 3.090232306167813

    /// A funnel of proportions, numerator / denominator (a 4-hour performance: seen in time / attendances).
    ///
    /// The centre p₀ is `target` when given, else the pooled Σ numerator / Σ denominator. A unit with denominator n
    /// has limits p₀ ± z·√(p₀(1 − p₀)/n) with z = 1.96 (95%) and 3.09 (99.8%): the normal approximation to the
    /// binomial, clipped to 0…1. Units whose denominator is not positive, or whose numerator is negative or
    /// above the denominator, are listed in `excluded`.
    public static func proportions(
        units: [(unit: String, numerator: Double, denominator: Double)], target: Double? = nil
    ) -> FunnelPlot {
        build(measure: .proportion, per: 1, units: units, target: target, capped: true)
    }

    /// A funnel of rates, events / exposure × `per` (admissions per 1,000 attendances, say).
    ///
    /// The centre is `target` when given (on the `per` scale), else the pooled Σ events / Σ exposure × per. A unit
    /// with exposure E has limits per × (λ₀ ± z·√(λ₀/E)), λ₀ = centre / per: the normal approximation to the Poisson,
    /// clipped at 0. It is close to the exact Poisson limits once a unit expects about ten events or more; below
    /// that the true limits are skewed upward, and the symmetric ones flag high values too readily.
    public static func rates(
        units: [(unit: String, events: Double, exposure: Double)], per: Double, target: Double? = nil
    ) -> FunnelPlot {
        precondition(per > 0 && per.isFinite, "a rate's per-N must be positive, not \(per)")
        let counted = units.map { (unit: $0.unit, numerator: $0.events, denominator: $0.exposure) }
        return build(measure: .rate, per: per, units: counted, target: target, capped: false)
    }

    /// The limits at each of `denominators`, for drawing the funnel's curves.
    public func limitCurve(denominators: [Double]) -> [FunnelLimits] {
        denominators.map(limits(denominator:))
    }

    /// The 95% and 99.8% limits for a unit with this denominator (or exposure).
    public func limits(denominator n: Double) -> FunnelLimits {
        let spread: Double
        let ceiling: Double
        switch measure {
        case .proportion:
            spread = (centre * (1 - centre) / n).squareRoot()
            ceiling = 1
        case .rate:
            spread = per * (centre / per / n).squareRoot()
            ceiling = .infinity
        }
        let clip = { (value: Double) in Swift.min(Swift.max(value, 0), ceiling) }
        return FunnelLimits(
            denominator: n,
            lower99: clip(centre - Self.z998 * spread),
            lower95: clip(centre - Self.z95 * spread),
            upper95: clip(centre + Self.z95 * spread),
            upper99: clip(centre + Self.z998 * spread)
        )
    }

    private static func isUsable(numerator: Double, denominator: Double, capped: Bool) -> Bool {
        numerator.isFinite && denominator.isFinite && denominator > 0 && numerator >= 0
            && (!capped || numerator <= denominator)
    }

    private static func build(
        measure: FunnelMeasure, per: Double, units: [(unit: String, numerator: Double, denominator: Double)],
        target: Double?, capped: Bool
    ) -> FunnelPlot {
        var usable: [(unit: String, numerator: Double, denominator: Double)] = []
        var excluded: [String] = []
        for entry in units {
            if isUsable(numerator: entry.numerator, denominator: entry.denominator, capped: capped) {
                usable.append(entry)
            } else {
                excluded.append(entry.unit)
            }
        }
        let numerators = usable.reduce(0) { $0 + $1.numerator }
        let denominators = usable.reduce(0) { $0 + $1.denominator }
        let pooled = denominators > 0 ? numerators / denominators * per : 0
        var plot = FunnelPlot(
            measure: measure, per: per, centre: target ?? pooled, centreSource: target == nil ? .pooled : .target,
            units: [], excluded: excluded
        )
        plot.units = usable.map {
            FunnelUnit(
                unit: $0.unit, numerator: $0.numerator, denominator: $0.denominator,
                value: $0.numerator / $0.denominator * per, limits: plot.limits(denominator: $0.denominator)
            )
        }
        return plot
    }
}
