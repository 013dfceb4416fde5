/// What reading a measurements CSV file found: the good rows and every problem.
///
/// An import is atomic (SPEC §3.1): when `issueCount` is not zero the caller stores nothing,
/// but the good rows are still here (for a dry run's report, say).
public struct MeasurementsCSVResult: Equatable, Sendable {
    /// The rows without problems, in file order.
    public var rows: [ParsedMeasurement]
    /// The first problems found, at most `MeasurementsCSV.maximumIssues`, in file order.
    public var issues: [ImportIssue]
    /// How many problems there are in all (may exceed `issues.count`).
    public var issueCount: Int

    /// A result with these rows and issues.
    public init(rows: [ParsedMeasurement], issues: [ImportIssue], issueCount: Int) {
        self.rows = rows
        self.issues = issues
        self.issueCount = issueCount
    }

    /// Whether the file can be imported: no problem at all.
    public var isValid: Bool { issueCount == 0 }
}
