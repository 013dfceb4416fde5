import FluentKit
import SQLKit

/// Indexes for browsing the audit log by record, person and batch, newest first, and for the running number
/// `AuditLog.record` reads on every write: the log grows with every correction, so none of these may scan it.
struct AddAuditEntryIndexes: AsyncMigration {
    static let indexes: [(name: String, columns: [String])] = [
        ("audit_entries_entity", ["entity_kind", "entity_key"]),
        ("audit_entries_actor", ["actor"]),
        ("audit_entries_batch", ["batch_id"]),
        ("audit_entries_at", ["at", "sequence"]),
        ("audit_entries_sequence", ["sequence"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            let builder = sql.create(index: index.name).on(AuditEntryModel.schema)
            for column in index.columns { builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
