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
