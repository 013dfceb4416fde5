/// A funnel plot: each org unit's proportion or rate against control limits that widen as its denominator shrinks,
/// so that small units are not shamed by noise (SPEC §4, practice 5).
public struct FunnelPlot: Sendable, Equatable, Codable {
    /// Whether the plot shows proportions or rates.
    public var measure: FunnelMeasure
    /// The scale of values: 1 for proportions, the per-N of rates (events per 1,000, say).
    public var per: Double
    /// The centre line, on the scale of the values; 0 when there is neither a usable unit nor a target.
    public var centre: Double
    /// Whether the centre is the pooled value of all units or a given target.
    public var centreSource: FunnelCentre
    /// Each usable unit, in the order given.
    public var units: [FunnelUnit]
    /// Units left out: a denominator that is not positive, or a numerator that cannot be counted against it.
    public var excluded: [String]

    public init(
        measure: FunnelMeasure, per: Double, centre: Double, centreSource: FunnelCentre,
        units: [FunnelUnit], excluded: [String]
    ) {
        self.measure = measure
        self.per = per
        self.centre = centre
        self.centreSource = centreSource
        self.units = units
        self.excluded = excluded
    }
}

/// What a funnel plot shows.
public enum FunnelMeasure: String, Sendable, Codable, CaseIterable {
    /// numerator / denominator, with binomial limits.
    case proportion
    /// events / exposure × per, with Poisson limits.
    case rate
}

/// Where a funnel plot's centre line comes from.
public enum FunnelCentre: String, Sendable, Codable, CaseIterable {
    /// Σ numerators / Σ denominators over the usable units.
    case pooled
    /// A value given by the caller, such as the target.
    case target
}

/// Where a unit falls against the funnel's limits; "above" and "below" say nothing of better or worse.
public enum FunnelFlag: String, Sendable, Codable, CaseIterable {
    /// Above the 99.8% limit: very unlikely to be chance alone.
    case above99
    /// Above the 95% limit but not the 99.8% one.
    case above95
    /// Within the 95% limits: consistent with the centre.
    case within
    /// Below the 95% limit but not the 99.8% one.
    case below95
    /// Below the 99.8% limit.
    case below99
}

/// The 95% and 99.8% limits of a funnel plot at one denominator.
public struct FunnelLimits: Sendable, Equatable, Codable {
    public var denominator: Double
    public var lower99: Double
    public var lower95: Double
    public var upper95: Double
    public var upper99: Double

    public init(denominator: Double, lower99: Double, lower95: Double, upper95: Double, upper99: Double) {
        self.denominator = denominator
        self.lower99 = lower99
        self.lower95 = lower95
        self.upper95 = upper95
        self.upper99 = upper99
    }

    /// Where `value` falls: strictly beyond a limit counts as outside it; on the limit is inside.
    public func flag(for value: Double) -> FunnelFlag {
        if value > upper99 { return .above99 }
        if value > upper95 { return .above95 }
        if value < lower99 { return .below99 }
        if value < lower95 { return .below95 }
        return .within
    }
}

/// One org unit on a funnel plot.
public struct FunnelUnit: Sendable, Equatable, Codable {
    public var unit: String
    /// The numerator (or the count of events, for a rate).
    public var numerator: Double
    /// The denominator (or the exposure, for a rate).
    public var denominator: Double
    /// numerator / denominator × per.
    public var value: Double
    public var lower99: Double
    public var lower95: Double
    public var upper95: Double
    public var upper99: Double
    public var flag: FunnelFlag

    public init(unit: String, numerator: Double, denominator: Double, value: Double, limits: FunnelLimits) {
        self.unit = unit
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        lower99 = limits.lower99
        lower95 = limits.lower95
        upper95 = limits.upper95
        upper99 = limits.upper99
        flag = limits.flag(for: value)
    }
}
