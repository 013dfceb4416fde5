import FluentSQLiteDriver
import GoalStatCore

/// The SQLite fast path for bulk inserts (SPEC §8: a million rows in a few seconds): one INSERT prepared once on the
/// connection's handle (`SQLiteHandle`) and stepped per row with the values bound by position, as sqlite3's own
/// `.import` does. `OR FAIL`: a conflict fails the load (the caller's transaction is then rolled back) without SQLite
/// keeping a statement journal to undo a partial statement, which multi-row INSERTs needed.
enum SQLiteBulkInsert {
    /// Rows between progress reports.
    static let progressEvery = 1_000

    /// `withLines`: the table has a `line` column for each row's line (the staging table of a correction). False
    /// when the connection's handle cannot be reached: nothing was written, and the caller takes SQLKit's way.
    static func insert(
        _ rows: [ParsedMeasurement], batchID: String, into sqlite: any SQLiteDatabase, table: String, withLines: Bool = false,
        progress: (@Sendable (Int) -> Void)?
    ) async throws -> Bool {
        let done: Void? = try await SQLiteHandle.run(on: sqlite) { handle in
            try insert(rows, batchID: batchID, on: handle, table: table, withLines: withLines, progress: progress)
        }
        return done != nil
    }

    /// `table` is one of ours (the measurements, or the staging table of a correction), never input.
    private static func insert(
        _ rows: [ParsedMeasurement], batchID: String, on db: OpaquePointer, table: String, withLines: Bool,
        progress: (@Sendable (Int) -> Void)?
    ) throws {
        let columns = "indicator_code, org_unit_code, period_start, value, level, note, status, reason" + (withLines ? ", line" : "")
        let statement = try SQLiteRawStatement(
            "INSERT OR FAIL INTO \(table) (\(columns), revision, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
                + (withLines ? ", ?9" : "") + ", 0, ?10)",
            on: db
        )
        statement.bind(10, batchID)
        var starts = PeriodStarts()
        for (index, row) in rows.enumerated() {
            statement.bind(1, row.indicator)
            statement.bind(2, row.orgUnit ?? "")
            statement.bind(3, starts.of(row.period))
            statement.bind(4, row.value)
            statement.bind(5, row.level)
            statement.bind(6, row.note)
            statement.bind(7, row.status.rawValue)
            statement.bind(8, row.reason)
            if withLines { statement.bind(9, row.line) }
            try statement.run()
            if (index + 1) % progressEvery == 0 || index + 1 == rows.count { progress?(index + 1) }
        }
    }
}
