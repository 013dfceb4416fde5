import Foundation
import GoalStatCore

/// The outbox table's name, shared by its migration and its reads.
enum OutboxTable {
    static let name = "outbox_messages"
}

/// One message in the outbox: a reminder to send by e-mail and to show in the recipient's notification list.
public struct OutboxMessage: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var recipientEmail: String
    public var recipientName: String
    public var subject: String
    public var body: String
    public var kind: Kind
    /// What makes this message unique: the same key is never queued twice.
    public var dedupeKey: String
    public var indicator: String?
    /// The first day of the period it is about, ISO 8601.
    public var periodStart: String?
    public var stage: ReminderStage?
    public var createdAt: Date
    public var sentAt: Date?
    public var readAt: Date?
    public var attempts: Int
    public var lastError: String?

    /// Who a reminder is for.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// To the steward, about a value of theirs.
        case valueReminder
        /// To a goal leader (or performance officer), about a value that stays late.
        case escalation
        /// To the owner of an action from a review.
        case actionReminder
    }

    public init(
        id: UUID = UUID(), recipientEmail: String, recipientName: String, subject: String, body: String, kind: Kind,
        dedupeKey: String, indicator: String? = nil, periodStart: String? = nil, stage: ReminderStage? = nil,
        createdAt: Date, sentAt: Date? = nil, readAt: Date? = nil, attempts: Int = 0, lastError: String? = nil
    ) {
        self.id = id
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.kind = kind
        self.dedupeKey = dedupeKey
        self.indicator = indicator
        self.periodStart = periodStart
        self.stage = stage
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.readAt = readAt
        self.attempts = attempts
        self.lastError = lastError
    }
}
