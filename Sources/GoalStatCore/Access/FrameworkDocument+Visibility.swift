/// What of a framework a principal may read: everything published, and the private records of the units where
/// they hold `readPrivate`. Whole records are kept or dropped, never edited, so that a record read through the
/// API and written back loses nothing the reader could not see.
extension FrameworkDocument {
    public func visible(to principal: Principal) -> FrameworkDocument {
        let tree = OrgTree(orgUnits)
        let scope = principal.scope(.readPrivate, tree: tree)
        guard scope != .everywhere else { return self }
        var result = self
        result.goals = goals.filter { $0.public || scope.contains($0.orgUnit) }
        result.indicators = indicators.filter { $0.public || scope.contains($0.orgUnit) }
        let goalCodes = Set(result.goals.map(\.code))
        let indicatorCodes = Set(result.indicators.map(\.code))
        // The leaders of visible goals are named on the public pages, as on Performance.gov.
        let named = Set(result.goals.flatMap { [$0.leader].compactMap { $0 } + $0.deputies })
        result.people = people.filter { named.contains($0.email) || ($0.orgUnit.map { scope.contains($0) } ?? false) }
        result.links = links.filter { indicatorCodes.contains($0.driver) && indicatorCodes.contains($0.result) }
        result.targets = targets.filter { indicatorCodes.contains($0.indicator) }
        result.rebases = rebases.filter { indicatorCodes.contains($0.indicator) }
        result.milestones = milestones.filter { goalCodes.contains($0.goal) }
        result.narratives = narratives.filter { goalCodes.contains($0.goal) }
        return result
    }

    /// The unit that owns a record and whether it is published, or nil when there is no such record.
    /// Milestones belong to their goal; org units are public (the organisation chart), and people are when they
    /// lead a published goal. An org unit's roles are its parent's: changing a unit is the business of the unit above.
    public func ownership(of kind: RecordKind, key: String) -> RecordOwnership? {
        switch kind {
        case .orgUnit:
            return orgUnits.first { $0.code == key }.map { RecordOwnership(orgUnit: $0.parent, isPublic: true) }
        case .person:
            // The leaders of published goals are named publicly (see `visible(to:)`); other people are not.
            let leadsPublishedGoal = goals.contains { $0.public && ($0.leader == key || $0.deputies.contains(key)) }
            return people.first { $0.email == key }.map { RecordOwnership(orgUnit: $0.orgUnit, isPublic: leadsPublishedGoal) }
        case .goal:
            return goals.first { $0.code == key }.map { RecordOwnership(orgUnit: $0.orgUnit, isPublic: $0.public) }
        case .indicator:
            return indicators.first { $0.code == key }.map { RecordOwnership(orgUnit: $0.orgUnit, isPublic: $0.public) }
        case .milestone:
            return milestones.first { $0.code == key }.flatMap { ownership(of: .goal, key: $0.goal) }
        }
    }
}

/// The kinds of framework record a route can address by key.
public enum RecordKind: String, Sendable, CaseIterable {
    case orgUnit, person, goal, indicator, milestone
}

/// Who owns a record (for roles) and whether anyone may read it.
public struct RecordOwnership: Sendable, Equatable {
    public var orgUnit: String?
    public var isPublic: Bool

    public init(orgUnit: String?, isPublic: Bool) {
        self.orgUnit = orgUnit
        self.isPublic = isPublic
    }
}
