import FluentSQLiteDriver

/// Reads the rows of one SQLite statement straight from the driver, each made into a `Row` by `make` as the
/// statement steps. Bulk reads (an export, the read model's read-back of every value) go this way: the statement
/// runs on the connection itself (`SQLiteConnection.query` with a row handler), which calls the handler on
/// SQLiteNIO's thread-pool thread, where the database-level `query`, and SQLKit's `all()` on it, submit every row to
/// the event loop as a task of its own with a future each, and decode every value through `Decodable` by name.
/// `make` reads the columns by position, in the order of the SELECT.
enum SQLiteRows {
    static func read<Row: Sendable>(
        _ query: String, _ binds: [SQLiteData], on sqlite: any SQLiteDatabase,
        _ make: @escaping @Sendable ([SQLiteColumn]) -> Row?
    ) async throws -> [Row] {
        try await sqlite.withConnection { connection in
            let rows = Collector<Row>()
            try await connection.query(query, binds) { row in
                if let made = make(row.columns) { rows.rows.append(made) }
            }
            return rows.rows
        }
    }

    /// `@unchecked Sendable`: SQLiteNIO calls the row handler on the one thread-pool thread that steps the statement,
    /// one row after another, and the rows are read only after the query has returned (as SQLiteNIO's own `query`
    /// that returns rows gathers them); a lock per row cost 6% of an export.
    private final class Collector<Row>: @unchecked Sendable {
        var rows: [Row] = []
    }
}
