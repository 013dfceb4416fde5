/// One measurement to write to a measurements CSV file.
public struct ExportMeasurement: Equatable, Sendable {
    /// The indicator code.
    public var indicator: String
    /// The period.
    public var period: Period
    /// The org unit code, or nil for the indicator's own unit (the total).
    public var orgUnit: String?
    /// The number, for a numeric indicator.
    public var value: Double?
    /// The level, for a qualitative indicator (written in the `value` column).
    public var level: String?
    /// The standing of the value.
    public var status: MeasurementStatus
    /// The note.
    public var note: String?

    /// A measurement to export.
    public init(
        indicator: String, period: Period, orgUnit: String? = nil, value: Double? = nil, level: String? = nil,
        status: MeasurementStatus = .final, note: String? = nil
    ) {
        self.indicator = indicator
        self.period = period
        self.orgUnit = orgUnit
        self.value = value
        self.level = level
        self.status = status
        self.note = note
    }

    /// The same measurement as a row read from a file.
    public init(_ parsed: ParsedMeasurement) {
        self.init(
            indicator: parsed.indicator, period: parsed.period, orgUnit: parsed.orgUnit, value: parsed.value,
            level: parsed.level, status: parsed.status, note: parsed.note
        )
    }
}
