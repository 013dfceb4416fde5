import GoalStatCore
import GoalStatStore

/// The performance review page: what to focus on, the balanced scorecard, and what the data says about the links.
struct ReviewPageModel: Sendable {
    var asOf: CalendarDate
    var focus: [FocusRow]
    var declaredFocus: [(code: String, name: String)]
    var scorecard: [ScorecardPerspective]
    var links: [LinkEvidence]
    /// One page of the integrity questions (of `integrityCheck`, or of every check).
    var integrity: [IntegrityFinding]
    var integrityCounts: [IntegrityCheck: Int] = [:]
    var integrityCheck: IntegrityCheck?
    var integrityPage = 1
    var questionsPerPage = 50
    var indicatorNames: [String: String]
    var goalNames: [String: String]

    init(review: PerformanceReview, integrity: [IntegrityFinding]) {
        self.integrity = integrity
        asOf = review.asOf
        focus = Array(review.focus().prefix(10))
        declaredFocus = review.document.goals.filter(\.focus).map { ($0.code, $0.name) }
        scorecard = review.scorecard()
        links = review.links()
        indicatorNames = Dictionary(review.document.indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        goalNames = Dictionary(review.document.goals.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
