import GoalStatCore

/// The form that revises a target: a new version with its reason; the old one is kept.
struct TargetFormPageModel: Sendable {
    var indicatorCode: String
    var indicatorName: String
    var unit: String
    /// What the form shows (prefilled from the current target, or the rejected input).
    var period: String
    var orgUnit: String
    var value: String
    var rangeMin: String
    var rangeMax: String
    var rationale: String
    var decidedOn: String
    var benchmarkKind: String
    var benchmarkValue: String
    var benchmarkSource: String
    /// Who the version will be recorded as set by (the signed-in person) and on which day (the server's today).
    var recordedBy: String
    var recordedOn: String
    var orgUnits: [(code: String, name: String)]
    /// Field name → message, for a rejected submission.
    var errors: [String: String]
    var currentTargets: [TargetRow]
    /// How many target versions the person sees; sent back so that a revision made meanwhile is not overlooked.
    var basedOn: Int
    /// Set when the submission was refused because someone else revised the targets meanwhile.
    var staleNotice: String?
}
