import FluentKit
import SQLKit

/// The access counter (SPEC §6): it goes up, in the same transaction, with every change to who may do what — a
/// session ended, a token revoked, a user deactivated, a role given or taken, a password changed. Every request
/// reads it with the read model's state (one query, `ReadModel.state`), so a process may keep the sessions and
/// tokens it verified under it: a revocation through one process holds at the next request on every other.
enum AccessState {
    static let row = "access"

    static func changed(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update(ReadModelTables.state)
            .set(SQLIdentifier("counter"), to: SQLRaw("counter + 1"))
            .where("name", .equal, row)
            .run()
    }
}
