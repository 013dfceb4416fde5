import GoalStatCore

/// Values that would replace final ones without a reason (issue 10, SPEC §2a): nothing was stored. Each row names
/// its line (a file's line, an API item's position) so that the caller can point at it.
public struct CorrectionsNeedReasons: Error, Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var indicator: String
        /// "" for the indicator's total.
        public var orgUnit: String
        public var periodStart: String
    }

    public var rows: [Row]

    /// The reason given for each row, in plain words.
    public static let reason = "this changes a final value already stored; a correction needs a reason (the reason column, --reason, or the reason field)"

    public var issues: [ImportIssue] {
        rows.map { ImportIssue(line: $0.line, column: "reason", reason: Self.reason) }
    }
}
