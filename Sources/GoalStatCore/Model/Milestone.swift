/// A dated step toward a goal.
public struct Milestone: Codable, Sendable, Equatable {
    public var code: String
    public var goal: String
    public var name: String
    /// ISO date (`2026-03-31`).
    public var due: String
    public var status: MilestoneStatus
    public var completedOn: String?

    public init(code: String, goal: String, name: String, due: String, status: MilestoneStatus = .planned, completedOn: String? = nil) {
        self.code = code
        self.goal = goal
        self.name = name
        self.due = due
        self.status = status
        self.completedOn = completedOn
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        goal = try c.decode(String.self, forKey: .goal)
        name = try c.decode(String.self, forKey: .name)
        due = try c.decode(String.self, forKey: .due)
        status = try c.decodeIfPresent(MilestoneStatus.self, forKey: .status) ?? .planned
        completedOn = try c.decodeIfPresent(String.self, forKey: .completedOn)
    }
}
