import Foundation

/// A member of the public's comment on a published goal (issue 12 item 5), moderated by the PIO before anything
/// of it is shown; a published one shows with the agency's response on the goal's public page.
public struct CitizenFeedback: Codable, Sendable, Equatable {
    public var id: UUID
    public var goal: String
    public var message: String
    /// The name the sender chose to show, if any (optional; no e-mail address is asked for).
    public var displayName: String?
    public var submittedAt: Date
    public var state: FeedbackState
    public var response: String?
    public var moderatedAt: Date?

    public init(
        id: UUID, goal: String, message: String, displayName: String?, submittedAt: Date, state: FeedbackState = .pending,
        response: String? = nil, moderatedAt: Date? = nil
    ) {
        self.id = id
        self.goal = goal
        self.message = message
        self.displayName = displayName
        self.submittedAt = submittedAt
        self.state = state
        self.response = response
        self.moderatedAt = moderatedAt
    }
}

/// Where a comment stands in moderation.
public enum FeedbackState: String, Codable, Sendable, CaseIterable {
    case pending, published, rejected

    public var title: String {
        switch self {
        case .pending: "Waiting for moderation"
        case .published: "Published"
        case .rejected: "Not published"
        }
    }
}

/// Our own spam protection for the feedback form (no third-party service): a honeypot field people never see, a
/// limit per sending address, and size limits.
public struct FeedbackRules: Sendable, Equatable {
    /// Comments one address may send in `window`.
    public var perAddress = 3
    public var window: TimeInterval = 60 * 60
    public var messageLimit = 2000
    public var nameLimit = 80
    public var responseLimit = 4000

    public static let standard = FeedbackRules()

    public init() {}

    public struct Refusal: Error, Equatable, Sendable {
        public var field: String
        public var message: String
        /// Too many comments from this address: answered 429, not as a mistake in a field.
        public var tooMany = false
    }

    /// What the form sends.
    public struct Submission: Sendable, Equatable {
        public var message: String
        public var displayName: String?
        /// The honeypot: a field hidden from people; anything in it is a robot.
        public var website: String?

        public init(message: String, displayName: String?, website: String?) {
            self.message = message
            self.displayName = displayName
            self.website = website
        }
    }

    /// The comment's text and name, trimmed, or why it is refused. `recentFromAddress` counts this address's
    /// comments inside the window. A filled honeypot is refused like any other mistake, without saying why, so
    /// that a robot learns nothing.
    public func check(_ submission: Submission, recentFromAddress: Int) throws(Refusal) -> (message: String, displayName: String?) {
        if !(submission.website ?? "").isEmpty { throw Refusal(field: "message", message: "Your comment could not be accepted.") }
        if recentFromAddress >= perAddress {
            throw Refusal(field: "message", message: "Thank you: we have received several comments from your address in the last hour. Please try again later.", tooMany: true)
        }
        let message = submission.message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { throw Refusal(field: "message", message: "Write your comment.") }
        if message.count > messageLimit { throw Refusal(field: "message", message: "At most \(messageLimit) characters (yours has \(message.count)).") }
        if let problem = TextRules.problem(in: message, as: .longText) { throw Refusal(field: "message", message: problem.message) }
        let name = submission.displayName?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.count > nameLimit { throw Refusal(field: "displayName", message: "At most \(nameLimit) characters.") }
        if let name, let problem = TextRules.problem(in: name, as: .name) { throw Refusal(field: "displayName", message: problem.message) }
        return (message, (name?.isEmpty ?? true) ? nil : name)
    }

    /// The address as stored: a hash, so that the rate limit needs no one's address in the database.
    public static func addressKey(_ address: String) -> String {
        TokenHash.hex(of: "goalstat-feedback:" + address)
    }
}
