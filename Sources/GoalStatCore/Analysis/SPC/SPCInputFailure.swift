/// Why `goalstat spc` cannot chart its input.
public enum SPCInputFailure: Error, Sendable, Equatable {
    /// Bad rows: the first issues by line (at most `MeasurementsCSV.maximumIssues`) and how many there are in all.
    case rows([ImportIssue], count: Int)
    /// A `--rebase` period that is in no unit's series.
    case rebaseNotInData(Period)
}

/// The issues of an spc input as they are found (a unit's duplicates only once the unit is complete): keeps the first
/// `limit` by line, in the order found within a line, and counts them all, so that memory does not grow with a file
/// of bad rows.
struct SPCIssueList {
    static let limit = MeasurementsCSV.maximumIssues

    private var kept: [(issue: ImportIssue, order: Int)] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ issue: ImportIssue) {
        count += 1
        kept.append((issue, count))
        if kept.count >= 2 * Self.limit { trim() }
    }

    mutating func append(contentsOf other: SPCIssueList) {
        for (issue, _) in other.sortedKept { append(issue) }
        count += other.count - other.kept.count
    }

    /// The first issues by line.
    var first: [ImportIssue] {
        Array(sortedKept.prefix(Self.limit).map(\.issue))
    }

    private var sortedKept: [(issue: ImportIssue, order: Int)] {
        kept.sorted { ($0.issue.line, $0.order) < ($1.issue.line, $1.order) }
    }

    private mutating func trim() {
        kept = Array(sortedKept.prefix(Self.limit))
    }
}
