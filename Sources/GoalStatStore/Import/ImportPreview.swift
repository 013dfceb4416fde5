import Foundation
import GoalStatCore

/// What an import of one file would do, worked out without storing anything: the rows or records it would add or
/// change, those it refuses with their line, column and reason, and whether its corrections need a reason.
public struct ImportPreview: Sendable {
    /// How many changed lines or records a preview lists; the counts always cover the whole file.
    public static let listLimit = 500

    public var fileName: String
    public var problems: [ImportProblem] = []
    /// Every problem, of which `problems` holds the first (at most 1,000).
    public var problemCount = 0
    public var measurements: Measurements?
    public var framework: Framework?
    /// What a StratML file held that the import did not understand or had to guess, one sentence each.
    public var notes: [String] = []

    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Whether committing the file could store it: nothing refused and something to change.
    public var canCommit: Bool {
        guard problemCount == 0 else { return false }
        if let measurements { return measurements.added + measurements.corrected > 0 }
        if let framework { return !framework.summary.changesNothing }
        return false
    }

    /// Whether the commit needs a reason: it corrects final values whose lines give none.
    public var needsReason: Bool { (measurements?.needingReason ?? 0) > 0 }

    /// A measurements file: counts over all its good rows, and the first new or changed lines in file order.
    public struct Measurements: Sendable {
        public var rows = 0
        public var added = 0
        public var corrected = 0
        public var unchanged = 0
        /// Corrections of final values whose line gives no reason: the commit's reason is theirs.
        public var needingReason = 0
        /// Values given as final for periods not yet ended, which would be kept as provisional.
        public var heldProvisional = 0
        public var lines: [Line] = []

        public init() {}
    }

    /// One new or changed line of a measurements file.
    public struct Line: Sendable, Equatable {
        public var line: Int
        public var indicator: String
        /// The indicator's name, for the page (its code when it has none).
        public var indicatorName: String
        /// nil for the indicator's own unit (the total).
        public var orgUnit: String?
        public var period: String
        /// The stored value and status it replaces; nil for a new value.
        public var old: Value?
        public var new: Value
        /// Whether it corrects a final value without a reason of its own.
        public var needsReason: Bool

        public var isNew: Bool { old == nil }
    }

    /// A value as a person reads it: the number or level (`—` for none) and its status.
    public struct Value: Sendable, Equatable {
        public var value: String
        public var status: String
        public var note: String?
    }

    /// A framework file: the counts per kind of record and each changed record with its changes in words.
    public struct Framework: Sendable {
        public var summary: FrameworkImportSummary
        public var records: [Record]
    }

    /// One record a framework file adds or changes.
    public struct Record: Sendable, Equatable {
        public var entity: AuditEntityKind
        public var key: String
        public var isNew: Bool
        /// The changes in words (`Name: Old → New; Public: no → yes`), as the audit log would record them.
        public var changes: String
    }
}
