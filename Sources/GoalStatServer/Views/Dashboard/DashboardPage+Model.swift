import GoalStatCore

/// The agency dashboard: the plan's framing and every goal with its status, why, and key indicators' sparklines.
struct DashboardPageModel: Sendable {
    var planName: String
    var mission: String?
    var vision: String?
    var values: [PlanValue]
    /// Goals in tree order; `depth` 0 for strategic goals, 1 for their objectives, and so on.
    var goals: [GoalCard]
    var today: CalendarDate

    /// Priority goals (agency and cross-agency) and the focus are shown in full, with their key indicators, above
    /// the tree; every other goal shows its status and reason in the tree, its strategic goal folded, so that the
    /// page stays short at a few hundred goals.
    static func showsInFull(_ goal: Goal) -> Bool {
        goal.focus || goal.kind == .priorityGoal || goal.kind == .crossAgencyGoal
    }
}

/// A goal as the dashboard and goal pages list it.
struct GoalCard: Sendable {
    var code: String
    var name: String
    var kind: GoalKind
    var depth: Int
    var status: StatusAssessment
    var isFocus: Bool
    var isPublic: Bool
    var leaderName: String?
    var perspective: String?
    var keyIndicators: [IndicatorSummary]
}

/// An indicator in a list: latest value, status with its reason, and the recent values for a sparkline.
struct IndicatorSummary: Sendable {
    var code: String
    var name: String
    var unit: String
    var stage: ValueChainStage
    var rank: IndicatorRank
    var guardrail: Bool
    var direction: ImprovementDirection
    /// The latest period's label and value as text ("2026-10", "14.2 minutes"), nil without data.
    var latestPeriod: String?
    var latestValue: String?
    /// The target in force for the latest period as text, nil without one.
    var target: String?
    var status: StatusAssessment
    /// Up to the last 24 numeric values, oldest first.
    var sparkline: [Double]
}
