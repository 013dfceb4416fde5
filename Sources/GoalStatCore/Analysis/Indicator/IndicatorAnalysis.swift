/// The analysis of one indicator for one unit (SPEC §3.3): its process behaviour chart, assurance against the target,
/// and its status with the reasons for it.
public struct IndicatorAnalysis: Encodable, Sendable {
    public var indicator: String
    public var orgUnit: String?
    public var direction: ImprovementDirection
    /// The latest period with a value, in its printed form.
    public var latestPeriod: String?
    public var latestValue: Double?
    /// The latest level of a qualitative indicator.
    public var latestLevel: String?
    /// The target in force for the latest period, as known on the analysis date.
    public var target: AnalysedTarget?
    /// The periods where the limits were recalculated, with the reasons.
    public var rebases: [AnalysedRebase]
    public var chart: SPCReport
    /// The variation icon of the last group: the point type of its last point.
    public var variation: PointType?
    /// The assurance of the last group while the latest point is common cause; nil after a signal, when the limits
    /// describe the old process and cannot vouch for the new one (the chart's groups still carry theirs).
    public var assurance: Assurance?
    /// The Theil–Sen trend projected to the end of the target's period (or a year ahead without a target).
    public var forecast: Forecast?
    public var status: IndicatorStatus
    public var reasons: [String]

    enum CodingKeys: String, CodingKey {
        case indicator, orgUnit, direction, latestPeriod, latestValue, latestLevel, target, rebases, chart, variation, assurance, forecast, status, reasons
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(orgUnit, forKey: .orgUnit)
        try container.encode(direction, forKey: .direction)
        try container.encode(latestPeriod, forKey: .latestPeriod)
        try container.encode(latestValue, forKey: .latestValue)
        if let latestLevel { try container.encode(latestLevel, forKey: .latestLevel) }
        try container.encode(target, forKey: .target)
        try container.encode(rebases, forKey: .rebases)
        try container.encode(chart, forKey: .chart)
        try container.encode(variation, forKey: .variation)
        try container.encode(assurance, forKey: .assurance)
        try container.encode(forecast, forKey: .forecast)
        try container.encode(status, forKey: .status)
        try container.encode(reasons, forKey: .reasons)
    }
}

/// The target an analysis compared against.
public struct AnalysedTarget: Codable, Sendable, Equatable {
    public var period: String
    public var value: Double?
    public var min: Double?
    public var max: Double?
    public var setOn: String

    /// The target as a band, as `TargetVersion.band` reads it: a single value is a band of width zero.
    public var band: ClosedRange<Double>? {
        if let min, let max { return min...max }
        return value.map { $0...$0 }
    }
}

/// A recalculation of the limits the chart applied.
public struct AnalysedRebase: Encodable, Sendable, Equatable {
    public var period: String
    public var reason: String
}
