/// The framework file of SPEC §3.2: one document that sets up or updates a whole plan. Records refer to each other by key.
public struct FrameworkDocument: Codable, Sendable, Equatable {
    public var orgUnits: [OrgUnit]
    public var people: [Person]
    public var plan: Plan?
    public var goals: [Goal]
    public var indicators: [Indicator]
    public var links: [IndicatorLink]
    public var targets: [Target]
    public var milestones: [Milestone]
    public var narratives: [Narrative]
    /// GoalStat's addition to the format: recalculations of process limits with their reasons.
    public var rebases: [Rebase]

    public init(
        orgUnits: [OrgUnit] = [], people: [Person] = [], plan: Plan? = nil, goals: [Goal] = [],
        indicators: [Indicator] = [], links: [IndicatorLink] = [], targets: [Target] = [],
        milestones: [Milestone] = [], narratives: [Narrative] = [], rebases: [Rebase] = []
    ) {
        self.orgUnits = orgUnits
        self.people = people
        self.plan = plan
        self.goals = goals
        self.indicators = indicators
        self.links = links
        self.targets = targets
        self.milestones = milestones
        self.narratives = narratives
        self.rebases = rebases
    }

    /// Adds the records of `other` after this document's own, kind by kind; its plan, when it has one, replaces this
    /// one's. A document decoded in parts (`FrameworkFile`'s sections) is put back together this way.
    public mutating func append(contentsOf other: FrameworkDocument) {
        orgUnits += other.orgUnits
        people += other.people
        plan = other.plan ?? plan
        goals += other.goals
        indicators += other.indicators
        links += other.links
        targets += other.targets
        milestones += other.milestones
        narratives += other.narratives
        rebases += other.rebases
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        orgUnits = try c.decodeIfPresent([OrgUnit].self, forKey: .orgUnits) ?? []
        people = try c.decodeIfPresent([Person].self, forKey: .people) ?? []
        plan = try c.decodeIfPresent(Plan.self, forKey: .plan)
        goals = try c.decodeIfPresent([Goal].self, forKey: .goals) ?? []
        indicators = try c.decodeIfPresent([Indicator].self, forKey: .indicators) ?? []
        links = try c.decodeIfPresent([IndicatorLink].self, forKey: .links) ?? []
        targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
        milestones = try c.decodeIfPresent([Milestone].self, forKey: .milestones) ?? []
        narratives = try c.decodeIfPresent([Narrative].self, forKey: .narratives) ?? []
        rebases = try c.decodeIfPresent([Rebase].self, forKey: .rebases) ?? []
    }
}
