import FluentKit
import SQLKit

/// The append-only audit log. Besides the table, a trigger in each database refuses UPDATE and DELETE,
/// so that not even a bug in GoalStat (or a stray SQL session without owner rights) rewrites history.
struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string)
            .field("entity_kind", .string, .required)
            .field("entity_key", .string, .required)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .field("source", .string, .required)
            .field("batch_id", .uuid)
            .field("sequence", .int, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "sqlite":
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                CREATE TRIGGER audit_entries_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                """).run()
            }
        case "postgresql":
            try await sql.raw("""
            CREATE OR REPLACE FUNCTION goalstat_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
            """).run()
            try await sql.raw("""
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION goalstat_audit_append_only()
            """).run()
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema).delete()
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS goalstat_audit_append_only()").run()
        }
    }
}
