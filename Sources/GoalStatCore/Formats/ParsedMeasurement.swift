/// One good row of a measurements CSV file, checked against the catalog.
public struct ParsedMeasurement: Equatable, Sendable {
    /// The physical line of the file where the row starts.
    public var line: Int
    /// The indicator code.
    public var indicator: String
    /// The period, of the indicator's frequency.
    public var period: Period
    /// The org unit code, or nil for the indicator's own unit (the total).
    public var orgUnit: String?
    /// The number, for a numeric indicator; nil for a qualitative one or a missing value.
    public var value: Double?
    /// The level, for a qualitative indicator; nil otherwise or for a missing value.
    public var level: String?
    /// The standing of the value (`final` when the column is absent or empty).
    public var status: MeasurementStatus
    /// The note, or nil when empty.
    public var note: String?
    /// Why the value corrects one already stored (SPEC §2a: a correction needs a reason); nil when not given.
    public var reason: String?
    /// Whether the value was given as `final` for a period that has not ended, and is held as `provisional`.
    public var heldProvisional = false

    /// A row read from `line`.
    public init(
        line: Int, indicator: String, period: Period, orgUnit: String? = nil, value: Double? = nil,
        level: String? = nil, status: MeasurementStatus = .final, note: String? = nil
    ) {
        self.line = line
        self.indicator = indicator
        self.period = period
        self.orgUnit = orgUnit
        self.value = value
        self.level = level
        self.status = status
        self.note = note
    }
}
