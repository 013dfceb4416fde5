/// What an import stored (or, on a dry run, would store), per file.
public struct ImportReport: Sendable, Equatable, Codable {
    public var dryRun: Bool
    public var framework: FrameworkImportSummary?
    public var measurements: MeasurementImportSummary?
    /// What a StratML file held that the import did not understand or had to guess, one sentence each.
    public var notes: [String] = []

    public init(dryRun: Bool, framework: FrameworkImportSummary? = nil, measurements: MeasurementImportSummary? = nil) {
        self.dryRun = dryRun
        self.framework = framework
        self.measurements = measurements
    }

    /// True when the import changed (or would change) nothing.
    public var changesNothing: Bool {
        (framework?.changesNothing ?? true) && (measurements.map { $0.added == 0 && $0.revised == 0 } ?? true)
    }

    /// Plain lines for the command line.
    public var lines: [String] {
        var lines: [String] = []
        if let framework { lines += framework.lines }
        if let measurements {
            lines.append("measurements: \(measurements.added) added, \(measurements.revised) revised, \(measurements.unchanged) unchanged")
            if measurements.heldProvisional > 0 {
                lines.append("\(measurements.heldProvisional) value(s) given as final for periods not yet ended were stored as provisional")
            }
        }
        if !notes.isEmpty {
            lines.append("not understood or guessed (\(notes.count)):")
            lines += notes.map { "  " + $0 }
        }
        if dryRun { lines.append("dry run: nothing was stored") }
        return lines
    }
}
