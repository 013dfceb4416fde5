/// One generated value of the demo agency: an indicator in a period, for its own unit or one org unit.
public struct DemoMeasurement: Sendable, Equatable {
    public let indicator: String
    /// Calendar form of SPEC §3.1: `2025-07` (monthly), `2025-Q3` (quarterly) or `2025` (annual).
    public let period: String
    /// `nil` is the indicator's own unit (the total); otherwise a region's org unit code.
    public let orgUnit: String?
    /// The number, or `nil` for a qualitative indicator or a `missing` period.
    public let value: Double?
    /// For a qualitative indicator: one of its declared levels.
    public let level: String?
    public let status: MeasurementStatus

    public init(
        indicator: String, period: String, orgUnit: String? = nil, value: Double? = nil, level: String? = nil,
        status: MeasurementStatus = .final
    ) {
        self.indicator = indicator
        self.period = period
        self.orgUnit = orgUnit
        self.value = value
        self.level = level
        self.status = status
    }
}
