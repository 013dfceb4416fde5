import FluentSQLiteDriver
import SQLKit

/// Rows as SQLKit would insert them (each value an `SQLBind` or NULL), written on SQLite through one INSERT prepared
/// on the connection's handle and stepped per row (`SQLiteHandle`): SQLiteNIO parses every multi-row INSERT anew.
/// The values are made by SQLiteKit's own encoder, as SQLKit's INSERT would bind them, so the stored rows are the same.
enum SQLiteRowInsert {
    /// False when nothing was written: a value is neither a bind nor NULL, or the handle cannot be reached; the
    /// caller then takes SQLKit's way. `table` and `columns` are ours, never input.
    static func insert(
        into table: String, columns: [String], _ rows: [[any SQLExpression]], on sqlite: any SQLiteDatabase
    ) async throws -> Bool {
        let encoder = SQLiteDataEncoder()
        var values: [[SQLiteData]] = []
        values.reserveCapacity(rows.count)
        for row in rows {
            var data: [SQLiteData] = []
            data.reserveCapacity(row.count)
            for value in row {
                if let bind = value as? SQLBind {
                    data.append(try encoder.encode(bind.encodable))
                } else if let literal = value as? SQLLiteral, case .null = literal {
                    data.append(.null)
                } else {
                    return false
                }
            }
            values.append(data)
        }
        let sql = "INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) VALUES ("
            + (1...max(columns.count, 1)).map { "?\($0)" }.joined(separator: ", ") + ")"
        let done: Void? = try await SQLiteHandle.run(on: sqlite) { [values] handle in
            let statement = try SQLiteRawStatement(sql, on: handle)
            for row in values {
                for (index, value) in row.enumerated() { statement.bind(Int32(index + 1), value) }
                try statement.run()
            }
        }
        return done != nil
    }

    private static func quoted(_ identifier: String) -> String {
        "\"\(identifier)\""
    }
}
