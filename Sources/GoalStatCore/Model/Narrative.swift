/// A goal's quarterly progress update, like those on Performance.gov.
public struct Narrative: Codable, Sendable, Equatable {
    public var goal: String
    /// A quarter in a SPEC §3.1 form (`2026-Q1` or `FY2026-Q2`).
    public var period: String
    public var accomplishments: String?
    public var challenges: String?
    public var nextSteps: String?
    public var author: String?
    /// Where it stands in its workflow (draft → submitted → approved → published); only published ones are public.
    public var state: NarrativeState

    public init(
        goal: String, period: String, accomplishments: String? = nil, challenges: String? = nil, nextSteps: String? = nil,
        author: String? = nil, state: NarrativeState = .draft
    ) {
        self.goal = goal
        self.period = period
        self.accomplishments = accomplishments
        self.challenges = challenges
        self.nextSteps = nextSteps
        self.author = author
        self.state = state
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        goal = try c.decode(String.self, forKey: .goal)
        period = try c.decode(String.self, forKey: .period)
        accomplishments = try c.decodeIfPresent(String.self, forKey: .accomplishments)
        challenges = try c.decodeIfPresent(String.self, forKey: .challenges)
        nextSteps = try c.decodeIfPresent(String.self, forKey: .nextSteps)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        // A framework file without states is a plan written by performance staff (and every narrative was public
        // before the workflow existed): its narratives stay published, as `AddNarrativeWorkflow` keeps stored ones.
        state = try c.decodeIfPresent(NarrativeState.self, forKey: .state) ?? .published
    }

    /// Whether two narratives say the same thing (the workflow state aside): an edit of the words starts it over.
    public func sameWords(as other: Narrative) -> Bool {
        (accomplishments, challenges, nextSteps) == (other.accomplishments, other.challenges, other.nextSteps)
    }
}
