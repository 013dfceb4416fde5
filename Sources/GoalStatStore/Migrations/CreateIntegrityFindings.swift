import FluentKit
import SQLKit

/// The integrity findings of the read model (issue 9): each series' questions of SPEC §4, worked out with its
/// verdict, so that the review and `goalstat analyze` read them instead of every stored value. The model is marked
/// as never built, so that the next reader or writer works it out whole, findings included.
struct CreateIntegrityFindings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // The key sorts in byte order, as it is made for, on every database: SQLite's TEXT does; PostgreSQL's default
        // collation would ignore the separators, and its index could not serve an ORDER BY in byte order.
        let isSQLite = (database as? any SQLDatabase)?.dialect.name == "sqlite"
        try await database.schema(ReadModelTables.integrity)
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("sort_key", isSQLite ? .string : .custom(SQLRaw("TEXT COLLATE \"C\"")), .required)
            .field("finding", .string, .required)
            .unique(on: "sort_key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "integrity_findings_series").on(ReadModelTables.integrity)
            .column("indicator_code").column("org_unit_code").run()
        try await sql.update(ReadModelTables.state).set("as_of", to: SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "integrity_findings_series").run() }
        try await database.schema(ReadModelTables.integrity).delete()
    }
}
