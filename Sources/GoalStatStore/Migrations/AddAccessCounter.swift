import FluentKit
import SQLKit

/// The row of the access counter (`AccessState`) beside the read model's.
struct AddAccessCounter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: ReadModelTables.state).columns("name", "counter").values(SQLBind(AccessState.row), SQLBind(0)).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.delete(from: ReadModelTables.state).where("name", .equal, AccessState.row).run()
    }
}
