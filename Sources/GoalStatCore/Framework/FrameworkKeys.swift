/// The keys already stored, so that a framework file may refer to records it does not itself contain.
public struct FrameworkKeys: Sendable, Equatable {
    public var orgUnits: Set<String>
    public var people: Set<String>
    public var goals: Set<String>
    public var indicators: Set<String>
    public var fiscalYearStartMonth: Int
    public var perspectives: [String]

    public init(
        orgUnits: Set<String> = [], people: Set<String> = [], goals: Set<String> = [], indicators: Set<String> = [],
        fiscalYearStartMonth: Int = 10, perspectives: [String] = []
    ) {
        self.orgUnits = orgUnits
        self.people = people
        self.goals = goals
        self.indicators = indicators
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.perspectives = perspectives
    }
}
