import FluentKit
import SQLKit

/// Goal statuses now name their indicators, sub-goals and milestones by name rather than by code (issue 10: plain
/// words on every page). Nothing changes in the schema; the read model is marked as never built, so that the next
/// reader or writer works it out whole and no stored reason keeps the codes.
struct RebuildReasonsWithNames: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update(ReadModelTables.state).set("as_of", to: SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {}
}
