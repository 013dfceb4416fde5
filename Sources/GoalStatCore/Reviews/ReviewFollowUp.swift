import Foundation

/// Relentless follow-up (seed 002, practice 8): what an earlier review decided, assigned and asked comes back on
/// every later review's agenda — every action still open, every action closed since the previous review, every
/// ask still open or answered since — until it is closed.
public struct ReviewFollowUp: Sendable, Equatable {
    public var openActions: [ActionItem]
    public var closedSinceLastReview: [ActionItem]
    public var openAsks: [GoalAssessment]
    public var answeredSinceLastReview: [GoalAssessment]
    /// The previous review sharing the scope, whose decisions the agenda recalls.
    public var previous: Review?

    /// `earlier`: the reviews before `review` that share a goal or org unit with it (or all, for a review without a
    /// scope), with their actions and assessments.
    public static func make(
        for review: Review, earlier: [Review], actions: [ActionItem], assessments: [GoalAssessment]
    ) -> ReviewFollowUp {
        let before = earlier.filter { $0.id != review.id && $0.date < review.date && Self.shareScope($0, review) }
            .sorted { $0.date < $1.date }
        let ids = Set(before.map(\.id))
        let previous = before.last
        let since = previous?.date ?? ""
        let ours = actions.filter { ids.contains($0.review) }
        let asked = assessments.filter { ids.contains($0.review) && $0.ask != nil }
        // What the previous review itself assigned or asked comes back once it is closed or answered, even when that
        // happened before the review's own date (a review recorded ahead of its meeting); older items come back when
        // they were closed or answered since the previous review.
        let fromPrevious = { (review: UUID) in review == previous?.id }
        return ReviewFollowUp(
            openActions: ours.filter { $0.status == .open }.sorted { $0.due < $1.due },
            closedSinceLastReview: ours.filter { $0.status != .open && (fromPrevious($0.review) || ($0.closedOn ?? "") >= since) }
                .sorted { ($0.closedOn ?? "") < ($1.closedOn ?? "") },
            openAsks: asked.filter { $0.ask?.isOpen == true },
            answeredSinceLastReview: asked.filter { fromPrevious($0.review) || (($0.ask?.answeredOn).map { $0 >= since } ?? false) }
                .filter { $0.ask?.isOpen == false },
            previous: previous
        )
    }

    static func shareScope(_ a: Review, _ b: Review) -> Bool {
        if a.goals.isEmpty && a.orgUnits.isEmpty || b.goals.isEmpty && b.orgUnits.isEmpty { return true }
        return !Set(a.goals).isDisjoint(with: b.goals) || !Set(a.orgUnits).isDisjoint(with: b.orgUnits)
    }
}
