/// What a review covers: its goals with every goal below them, the goals of its org units (and of the units below
/// them), and the indicators that measure any of those goals or belong to any of those units.
public struct ReviewScope: Sendable, Equatable {
    public var goals: Set<String>
    public var indicators: Set<String>

    public init(_ review: Review, in document: FrameworkDocument) {
        let tree = OrgTree(document.orgUnits)
        let units = Set(document.orgUnits.map(\.code).filter { unit in review.orgUnits.contains { tree.isWithin(unit, $0) } })
        var goals = Set(review.goals).union(document.goals.filter { units.contains($0.orgUnit ?? "") }.map(\.code))
        var frontier = goals
        while !frontier.isEmpty {
            let below = Set(document.goals.filter { $0.parent.map(frontier.contains) ?? false }.map(\.code)).subtracting(goals)
            goals.formUnion(below)
            frontier = below
        }
        self.goals = goals
        indicators = Set(document.indicators.filter { !goals.isDisjoint(with: $0.goals) || units.contains($0.orgUnit) }.map(\.code))
    }
}
