/// What a measurement import did, or would do on a dry run.
public struct MeasurementImportSummary: Sendable, Equatable, Codable {
    public var added = 0
    public var revised = 0
    public var unchanged = 0
    /// Values given as `final` for periods that had not ended, stored as `provisional` (issue 10).
    public var heldProvisional = 0
    public var dryRun = false
    /// The batch that stored the values; nil on a dry run or when nothing changed.
    public var batchID: String?

    public init() {}

    public var total: Int { added + revised + unchanged }
}
