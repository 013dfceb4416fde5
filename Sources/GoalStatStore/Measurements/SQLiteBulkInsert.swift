import FluentSQLiteDriver
import GoalStatCore

/// The SQLite fast path for bulk inserts (SPEC §8: a million rows in a few seconds): multi-row INSERTs with the
/// values bound straight as `SQLiteData`, skipping SQLKit's per-value `Encodable` bridging, and the values that are
/// the same for every row of a batch written once into the statement rather than bound per row.
enum SQLiteBulkInsert {
    /// Rows per statement: 9 binds each stays far below SQLite's limit of 32,766 variables.
    static let chunkSize = 1_000

    /// `withLines`: the table has a `line` column for each row's line (the staging table of a correction).
    static func insert(
        _ rows: [ParsedMeasurement], batchID: String, into sqlite: any SQLiteDatabase, table: String, withLines: Bool = false,
        progress: (@Sendable (Int) -> Void)?
    ) async throws {
        var startCache: [Period: SQLiteData] = [:]
        var binds: [SQLiteData] = []
        binds.reserveCapacity(chunkSize * 9)
        var statements: [Int: String] = [:]
        var done = 0
        // The batch id is a UUID we generated: safe to write as a literal.
        let constantTail = ", 0, '\(batchID)')"
        for chunkStart in stride(from: 0, to: rows.count, by: chunkSize) {
            let chunk = rows[chunkStart..<min(chunkStart + chunkSize, rows.count)]
            binds.removeAll(keepingCapacity: true)
            for row in chunk {
                let start: SQLiteData
                if let cached = startCache[row.period] {
                    start = cached
                } else {
                    start = .text(PeriodStorage.start(row.period))
                    startCache[row.period] = start
                }
                binds.append(.text(row.indicator))
                binds.append(.text(row.orgUnit ?? ""))
                binds.append(start)
                binds.append(row.value.map(SQLiteData.float) ?? .null)
                binds.append(row.level.map(SQLiteData.text) ?? .null)
                binds.append(row.note.map(SQLiteData.text) ?? .null)
                binds.append(.text(row.status.rawValue))
                binds.append(row.reason.map(SQLiteData.text) ?? .null)
                if withLines { binds.append(.integer(row.line)) }
            }
            let sql: String
            if let cached = statements[chunk.count] {
                sql = cached
            } else {
                sql = statement(table: table, rows: chunk.count, withLines: withLines, tail: constantTail)
                statements[chunk.count] = sql
            }
            _ = try await sqlite.query(sql, binds)
            done += chunk.count
            progress?(done)
        }
    }

    /// `table` is one of ours (the measurements, or the staging table of a correction), never input.
    private static func statement(table: String, rows: Int, withLines: Bool, tail: String) -> String {
        let row = (withLines ? "(?, ?, ?, ?, ?, ?, ?, ?, ?" : "(?, ?, ?, ?, ?, ?, ?, ?") + tail
        let columns = "indicator_code, org_unit_code, period_start, value, level, note, status, reason" + (withLines ? ", line" : "")
        return "INSERT INTO \(table) (\(columns), revision, batch_id) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
