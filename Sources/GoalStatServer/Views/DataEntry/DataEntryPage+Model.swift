import GoalStatCore

/// One grid where a data steward updates all of their indicators for a period at once (SPEC §2a).
struct DataEntryPageModel: Sendable {
    var stewards: [(email: String, name: String)]
    var steward: String?
    /// The units whose values the reader may enter, and the one the grid is for (nil: each indicator's total).
    var orgUnits: [(code: String, name: String)] = []
    var orgUnit: String?
    /// The month the grid is for ("2026-10"); quarterly and annual indicators show the period that contains it.
    var month: String
    var rows: [DataEntryRow]
    /// Indicator code → message, for a rejected submission.
    var errors: [String: String]
    /// Set after a successful save: "3 values added, 1 revised".
    var savedMessage: String?
    /// The reason typed for corrections, kept when the form comes back with errors.
    var reason = ""
    /// The pasted text, kept when a paste is refused, and every problem in it by line.
    var paste = ""
    var pasteProblems: [String] = []
}

/// One indicator's line in the grid.
struct DataEntryRow: Sendable {
    var code: String
    var name: String
    var unit: String
    var frequency: Frequency
    var period: String
    var value: String
    var level: String?
    var levels: [String]?
    var status: MeasurementStatus
    var note: String
    var previous: String?
}
