import FluentKit
import SQLKit

/// The rows of the access counter (`AccessState`) and the framework counter beside the read model's
/// (`ReadModel.State`).
struct AddStateCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for row in [AccessState.row, ReadModel.frameworkRow] {
            try await sql.insert(into: ReadModelTables.state).columns("name", "counter").values(SQLBind(row), SQLBind(0)).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.delete(from: ReadModelTables.state).where("name", .in, [AccessState.row, ReadModel.frameworkRow]).run()
    }
}
