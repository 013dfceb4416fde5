/// A node of a plan's goal tree.
public struct Goal: Codable, Sendable, Equatable {
    public var code: String
    public var kind: GoalKind
    public var parent: String?
    public var name: String
    public var statement: String?
    public var orgUnit: String?
    public var leader: String?
    public var deputies: [String]
    public var period: PeriodSpan?
    public var perspective: String?
    /// The most consequential performance deficit (seed 002, practice 2): at most one per plan or org unit.
    public var focus: Bool
    public var `public`: Bool

    public init(
        code: String, kind: GoalKind, parent: String? = nil, name: String, statement: String? = nil,
        orgUnit: String? = nil, leader: String? = nil, deputies: [String] = [], period: PeriodSpan? = nil,
        perspective: String? = nil, focus: Bool = false, public: Bool = false
    ) {
        self.code = code
        self.kind = kind
        self.parent = parent
        self.name = name
        self.statement = statement
        self.orgUnit = orgUnit
        self.leader = leader
        self.deputies = deputies
        self.period = period
        self.perspective = perspective
        self.focus = focus
        self.public = `public`
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        kind = try c.decode(GoalKind.self, forKey: .kind)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        name = try c.decode(String.self, forKey: .name)
        statement = try c.decodeIfPresent(String.self, forKey: .statement)
        orgUnit = try c.decodeIfPresent(String.self, forKey: .orgUnit)
        leader = try c.decodeIfPresent(String.self, forKey: .leader)
        deputies = try c.decodeIfPresent([String].self, forKey: .deputies) ?? []
        period = try c.decodeIfPresent(PeriodSpan.self, forKey: .period)
        perspective = try c.decodeIfPresent(String.self, forKey: .perspective)
        focus = try c.decodeIfPresent(Bool.self, forKey: .focus) ?? false
        `public` = try c.decodeIfPresent(Bool.self, forKey: .public) ?? false
    }
}
