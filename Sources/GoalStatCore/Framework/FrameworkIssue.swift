/// One problem found in a framework document, named by its field path (`goals[2].leader`).
public struct FrameworkIssue: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
