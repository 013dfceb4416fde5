/// Someone who works in GoalStat, identified by email.
public struct Person: Codable, Sendable, Equatable, Hashable {
    public var email: String
    public var name: String
    public var orgUnit: String?
    public var title: String?

    public init(email: String, name: String, orgUnit: String? = nil, title: String? = nil) {
        self.email = email
        self.name = name
        self.orgUnit = orgUnit
        self.title = title
    }
}
