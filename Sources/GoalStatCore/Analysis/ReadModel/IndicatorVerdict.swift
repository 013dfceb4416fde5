/// What every page, report and API tells of one indicator for one unit, kept in the read model: the latest period
/// judged and its value, the target in force for it, the variation, assurance and forecast, and the status with its
/// reasons, all from one `IndicatorAnalysis`, so that no page can tell them apart. The chart itself is not kept:
/// a page that draws it reads the indicator's own rows.
public struct IndicatorVerdict: Codable, Sendable, Equatable {
    public var indicator: String
    public var orgUnit: String?
    public var latestPeriod: String?
    public var latestValue: Double?
    public var latestLevel: String?
    public var target: AnalysedTarget?
    public var variation: PointType?
    public var assurance: Assurance?
    public var forecast: Forecast?
    public var status: IndicatorStatus
    public var reasons: [String]
    /// Up to the last `sparklineLength` values judged, oldest first.
    public var sparkline: [Double]

    public static let sparklineLength = 24

    public init(_ analysis: IndicatorAnalysis) {
        indicator = analysis.indicator
        orgUnit = analysis.orgUnit
        latestPeriod = analysis.latestPeriod
        latestValue = analysis.latestValue
        latestLevel = analysis.latestLevel
        target = analysis.target
        variation = analysis.variation
        assurance = analysis.assurance
        forecast = analysis.forecast
        status = analysis.status
        reasons = analysis.reasons
        sparkline = Array(analysis.chart.points.map(\.value).suffix(Self.sparklineLength))
    }

    /// The status with its reasons in one sentence, as pages print it.
    public var assessment: StatusAssessment {
        StatusAssessment(status: status, reason: reasons.joined(separator: " "))
    }
}
