import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// The outbox of reminders: queued idempotently, sent by `goalstat remind`, listed in-app per recipient.
public enum Outbox {
    /// Queues the messages whose dedupe key is new and returns how many were; a key already queued (sent or not) is
    /// left alone, so running the same day twice queues nothing the second time. The unique key holds even when two
    /// runs race.
    @discardableResult
    public static func enqueue(_ messages: [OutboxMessage], on db: any Database) async throws -> Int {
        guard !messages.isEmpty else { return 0 }
        return try await Transactions.run(on: db) { tx in
            let sql = try ReadModel.sqlDatabase(tx)
            var added = 0
            for chunk in messages.chunked(200) {
                let existing = try await sql.select().column("dedupe_key").from(OutboxTable.name)
                    .where("dedupe_key", .in, chunk.map(\.dedupeKey)).all()
                    .map { try $0.decode(column: "dedupe_key", as: String.self) }
                let known = Set(existing)
                var seen = Set<String>()
                for message in chunk where !known.contains(message.dedupeKey) && seen.insert(message.dedupeKey).inserted {
                    try await sql.insert(into: OutboxTable.name)
                        .columns(
                            "id", "recipient_email", "recipient_name", "subject", "body", "kind", "dedupe_key",
                            "indicator_code", "period_start", "stage", "created_at", "attempts"
                        )
                        .values(
                            SQLBind(message.id.uuidString), SQLBind(message.recipientEmail), SQLBind(message.recipientName),
                            SQLBind(message.subject), SQLBind(message.body), SQLBind(message.kind.rawValue), SQLBind(message.dedupeKey),
                            SQLBind(message.indicator), SQLBind(message.periodStart), SQLBind(message.stage?.rawValue),
                            SQLBind(OutboxTime.text(message.createdAt)), SQLBind(0)
                        )
                        .ignoringConflicts(with: ["dedupe_key"])
                        .run()
                    added += 1
                }
            }
            return added
        }
    }

    /// How often a message is tried before it is left for a person to look at (`lastError` says why).
    public static let maxAttempts = 10

    /// Messages not sent yet and not given up on, oldest first.
    public static func unsent(limit: Int = 500, on db: any Database) async throws -> [OutboxMessage] {
        let sql = try ReadModel.sqlDatabase(db)
        let rows = try await sql.select().column("*").from(OutboxTable.name).where("sent_at", .is, SQLLiteral.null)
            .where("attempts", .lessThan, SQLBind(maxAttempts))
            .orderBy("created_at").orderBy("dedupe_key").limit(limit).all()
        return try rows.map(message)
    }

    /// Claims an unsent message for one sender until `now + seconds`; false when it was sent meanwhile or another
    /// sender holds it. One statement (`UPDATE … RETURNING`), so of two runs at once only one gets it.
    public static func claim(_ id: UUID, now: Date, for seconds: TimeInterval = 300, on db: any Database) async throws -> Bool {
        try await Transactions.run(on: db) { tx in
            let sql = try ReadModel.sqlDatabase(tx)
            let rows = try await sql.update(OutboxTable.name).set("claimed_until", to: OutboxTime.text(now.addingTimeInterval(seconds)))
                .where("id", .equal, id.uuidString).where("sent_at", .is, SQLLiteral.null)
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, OutboxTime.text(now)) }
                .returning("id").all()
            return !rows.isEmpty
        }
    }

    public static func markSent(_ id: UUID, at time: Date, on db: any Database) async throws {
        try await update(id, on: db) { $0.set("sent_at", to: OutboxTime.text(time)).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1")) }
    }

    /// Records a failed attempt; the message stays unsent and the next run tries again.
    public static func markFailed(_ id: UUID, error: String, on db: any Database) async throws {
        try await update(id, on: db) {
            $0.set("last_error", to: String(error.prefix(1000))).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .set(SQLIdentifier("claimed_until"), to: SQLLiteral.null)
        }
    }

    /// A person's notifications, newest first.
    public static func notifications(for email: String, limit: Int = 100, on db: any Database) async throws -> [OutboxMessage] {
        let sql = try ReadModel.sqlDatabase(db)
        let rows = try await sql.select().column("*").from(OutboxTable.name).where("recipient_email", .equal, email.lowercased())
            .orderBy("created_at", .descending).orderBy("dedupe_key").limit(limit).all()
        return try rows.map(message)
    }

    /// Marks a person's unread notifications read; returns how many were unread.
    @discardableResult
    public static func markRead(for email: String, at time: Date, on db: any Database) async throws -> Int {
        try await Transactions.run(on: db) { tx in
            let sql = try ReadModel.sqlDatabase(tx)
            let unread = try await sql.select().column("id").from(OutboxTable.name)
                .where("recipient_email", .equal, email.lowercased()).where("read_at", .is, SQLLiteral.null).all()
            guard !unread.isEmpty else { return 0 }
            try await sql.update(OutboxTable.name).set("read_at", to: OutboxTime.text(time))
                .where("recipient_email", .equal, email.lowercased()).where("read_at", .is, SQLLiteral.null).run()
            return unread.count
        }
    }

    /// Every message, oldest first: what an operator (or a test) reads to see the whole outbox.
    public static func all(on db: any Database) async throws -> [OutboxMessage] {
        let sql = try ReadModel.sqlDatabase(db)
        return try await sql.select().column("*").from(OutboxTable.name).orderBy("created_at").orderBy("dedupe_key").all().map(message)
    }

    private static func update(_ id: UUID, on db: any Database, _ change: @escaping @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws {
        try await Transactions.run(on: db) { tx in
            let sql = try ReadModel.sqlDatabase(tx)
            try await change(sql.update(OutboxTable.name)).where("id", .equal, id.uuidString).run()
        }
    }

    private static func message(_ row: any SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: UUID(uuidString: try row.decode(column: "id", as: String.self)) ?? UUID(),
            recipientEmail: try row.decode(column: "recipient_email", as: String.self),
            recipientName: try row.decode(column: "recipient_name", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            kind: OutboxMessage.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .valueReminder,
            dedupeKey: try row.decode(column: "dedupe_key", as: String.self),
            indicator: try row.decode(column: "indicator_code", as: String?.self),
            periodStart: try row.decode(column: "period_start", as: String?.self),
            stage: try row.decode(column: "stage", as: String?.self).flatMap(ReminderStage.init(rawValue:)),
            createdAt: OutboxTime.date(try row.decode(column: "created_at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
            sentAt: try row.decode(column: "sent_at", as: String?.self).flatMap(OutboxTime.date),
            readAt: try row.decode(column: "read_at", as: String?.self).flatMap(OutboxTime.date),
            attempts: try row.decode(column: "attempts", as: Int.self),
            lastError: try row.decode(column: "last_error", as: String?.self)
        )
    }
}

/// Outbox times as ISO 8601 text with fractional seconds in UTC, which sorts in time order.
enum OutboxTime {
    static func text(_ date: Date) -> String { formatter().string(from: date) }

    static func date(_ text: String) -> Date? { formatter().date(from: text) }

    /// A formatter per call: `ISO8601DateFormatter` is not `Sendable`, and the outbox is read a page at a time.
    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
