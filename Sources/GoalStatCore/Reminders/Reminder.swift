/// One reminder about a missing value, worked out by `ReminderWriter` and queued in the outbox by the store.
public struct Reminder: Sendable, Equatable {
    public var recipientEmail: String
    public var recipientName: String
    public var subject: String
    public var body: String
    public var stage: ReminderStage
    /// The same key is never queued twice (person, indicator, period, stage).
    public var dedupeKey: String

    public init(recipientEmail: String, recipientName: String, subject: String, body: String, stage: ReminderStage, dedupeKey: String) {
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.stage = stage
        self.dedupeKey = dedupeKey
    }

    public var isEscalation: Bool { stage == .escalated }
}

/// A person a reminder can go to.
public struct ReminderRecipient: Sendable, Equatable, Hashable {
    public var email: String
    public var name: String

    public init(email: String, name: String) {
        self.email = email
        self.name = name
    }
}
