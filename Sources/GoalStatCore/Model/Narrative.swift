/// A goal's quarterly progress update, like those on Performance.gov.
public struct Narrative: Codable, Sendable, Equatable {
    public var goal: String
    /// A quarter in a SPEC §3.1 form (`2026-Q1` or `FY2026-Q2`).
    public var period: String
    public var accomplishments: String?
    public var challenges: String?
    public var nextSteps: String?
    public var author: String?

    public init(goal: String, period: String, accomplishments: String? = nil, challenges: String? = nil, nextSteps: String? = nil, author: String? = nil) {
        self.goal = goal
        self.period = period
        self.accomplishments = accomplishments
        self.challenges = challenges
        self.nextSteps = nextSteps
        self.author = author
    }
}
