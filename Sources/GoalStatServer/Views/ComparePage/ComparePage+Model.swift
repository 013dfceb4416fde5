import GoalStatCore
import GoalStatStore

/// Org units compared on one indicator: a league table, and a funnel plot for a ratio of counts (practice 5).
struct ComparePageModel: Sendable {
    var indicatorCode: String
    var indicatorName: String
    var comparison: UnitComparison
    var unitNames: [String: String]
}
