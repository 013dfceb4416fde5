import FluentKit
import SQLKit

/// The outbox of reminders (issue 10): every message `goalstat remind` decides to send, written before it is sent,
/// so a failed send is retried and nothing is sent twice (`dedupe_key` is unique). The same rows are the in-app
/// notification list, read per recipient. A sender claims a message (`claimed_until`) before sending it, so two runs
/// at once never send the same one. Times are ISO 8601 text, which sorts in time order on both databases.
struct CreateOutboxMessages: AsyncMigration {
    static let indexes: [(name: String, columns: [String])] = [
        ("outbox_messages_recipient", ["recipient_email", "created_at"]),
        ("outbox_messages_unsent", ["sent_at", "created_at"]),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxTable.name)
            .field("id", .string, .identifier(auto: false))
            .field("recipient_email", .string, .required)
            .field("recipient_name", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("indicator_code", .string)
            .field("period_start", .string)
            .field("stage", .string)
            .field("created_at", .string, .required)
            .field("sent_at", .string)
            .field("claimed_until", .string)
            .field("read_at", .string)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .unique(on: "dedupe_key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            let builder = sql.create(index: index.name).on(OutboxTable.name)
            for column in index.columns { builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxTable.name).delete()
    }
}
