import FluentSQLiteDriver
import GoalStatCore
import SQLKit

/// Corrections in bulk, set-based: the incoming rows go into a temporary table on the transaction's connection, and
/// a few statements compare and write them all at once: the old values of the rows that differ are copied into
/// `measurement_revisions`, then one upsert adds the new rows and updates the changed ones. Nothing is held per row
/// in memory and no row costs a round trip, so a million corrections take seconds, as a million new values do.
/// The same SQL runs on SQLite and PostgreSQL but for the null-safe comparison and how a count of changed rows is read.
struct MeasurementStaging {
    let sql: any SQLDatabase
    let isSQLite: Bool

    init(_ sql: any SQLDatabase) {
        self.sql = sql
        isSQLite = sql.dialect.name == "sqlite"
    }

    /// Schema-qualified, so that dropping it can never reach a real table of the same name.
    var table: String { isSQLite ? "temp.measurement_staging" : "pg_temp.measurement_staging" }
    var distinct: String { isSQLite ? "IS NOT" : "IS DISTINCT FROM" }

    /// Creates the table (empty) and loads the rows into it, through the same bulk path as new values.
    func stage(_ rows: [ParsedMeasurement], batchID: String, progress: (@Sendable (Int) -> Void)?) async throws {
        try await create()
        try await add(rows, batchID: batchID, progress: progress)
    }

    /// Creates the table, empty.
    func create() async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: table)").run()
        try await sql.raw("""
            CREATE TEMPORARY TABLE measurement_staging (
                indicator_code TEXT NOT NULL, org_unit_code TEXT NOT NULL, period_start TEXT NOT NULL,
                value \(unsafeRaw: isSQLite ? "REAL" : "DOUBLE PRECISION"), level TEXT, status TEXT NOT NULL, note TEXT,
                revision INTEGER NOT NULL, batch_id TEXT NOT NULL, reason TEXT, line \(unsafeRaw: isSQLite ? "INTEGER" : "BIGINT") NOT NULL
            )
            """).run()
    }

    /// Adds rows to the table (a streamed import adds a chunk of the file at a time).
    func add(_ rows: [ParsedMeasurement], batchID: String, progress: (@Sendable (Int) -> Void)?) async throws {
        try await MeasurementStore.bulkInsert(rows, batchID: batchID, into: table, withLines: true, on: sql, progress: progress)
    }

    func drop() async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: table)").run()
    }

    /// The stored values the staged rows would replace (unchanged ones included), for the audit of a form or API
    /// entry, which records each changed field; a bulk load never reads them.
    func storedValues() async throws -> [MeasurementKey: StoredValue] {
        let rows = try await sql.raw("""
            SELECT m.indicator_code, m.org_unit_code, m.period_start, m.value, m.level, m.status, m.note, m.revision
            FROM \(unsafeRaw: table) s JOIN \(ident: MeasurementTable.name) m \(unsafeRaw: Self.sameKey)
            """).all()
        var result: [MeasurementKey: StoredValue] = [:]
        for row in rows {
            let key = MeasurementKey(
                indicator: try row.decode(column: "indicator_code", as: String.self),
                orgUnit: try row.decode(column: "org_unit_code", as: String.self),
                periodStart: try row.decode(column: "period_start", as: String.self)
            )
            result[key] = StoredValue(
                value: try row.decode(column: "value", as: Double?.self),
                level: try row.decode(column: "level", as: String?.self),
                status: try row.decode(column: "status", as: String.self),
                note: try row.decode(column: "note", as: String?.self),
                revision: try row.decode(column: "revision", as: Int.self)
            )
        }
        return result
    }

    /// Keeps the current value of every staged row that differs in `measurement_revisions`, superseded by the batch,
    /// with the reason the correction gives.
    /// Returns how many were kept: the number of rows revised.
    func keepRevisions(batchID: String) async throws -> Int {
        try await counting("""
            INSERT INTO \(MeasurementTable.revisions)
                (indicator_code, org_unit_code, period_start, revision, value, level, status, note, batch_id, superseded_by, reason)
            SELECT m.indicator_code, m.org_unit_code, m.period_start, m.revision, m.value, m.level, m.status, m.note, m.batch_id, '\(batchID)', s.reason
            FROM \(table) s JOIN \(MeasurementTable.name) m \(Self.sameKey)
            WHERE \(differs(old: "m", new: "s"))
            """)
    }

    /// Adds the staged rows that are new and updates those that differ, one revision up; equal rows stay untouched.
    /// Returns how many rows were added or updated.
    func apply() async throws -> Int {
        let current = MeasurementTable.name
        // SQLite needs the WHERE to tell the upsert's ON CONFLICT from a join constraint of the SELECT.
        return try await counting("""
            INSERT INTO \(current) (indicator_code, org_unit_code, period_start, value, level, status, note, revision, batch_id, reason)
            SELECT indicator_code, org_unit_code, period_start, value, level, status, note, revision, batch_id, reason
            FROM \(table) WHERE true
            ON CONFLICT (indicator_code, org_unit_code, period_start) DO UPDATE SET
                value = excluded.value, level = excluded.level, status = excluded.status, note = excluded.note,
                revision = \(current).revision + 1, batch_id = excluded.batch_id, reason = excluded.reason
            WHERE \(differs(old: current, new: "excluded"))
            """)
    }

    /// Refuses the staged rows that correct a final stored value (a different number or level) without a reason
    /// (issue 10). A provisional, estimated or missing value may be replaced without one: that is what it is for.
    func requireReasons() async throws {
        let rows = try await sql.raw("""
            SELECT s.line, s.indicator_code, s.org_unit_code, s.period_start
            FROM \(unsafeRaw: table) s JOIN \(ident: MeasurementTable.name) m \(unsafeRaw: Self.sameKey)
            WHERE m.status = 'final' AND (s.reason IS NULL OR s.reason = '')
                AND (m.value \(unsafeRaw: distinct) s.value OR m.level \(unsafeRaw: distinct) s.level)
            ORDER BY s.line LIMIT \(unsafeRaw: String(MeasurementsCSV.maximumIssues))
            """).all()
        guard !rows.isEmpty else { return }
        throw CorrectionsNeedReasons(rows: try rows.map { row in
            CorrectionsNeedReasons.Row(
                line: try row.decode(column: "line", as: Int.self),
                indicator: try row.decode(column: "indicator_code", as: String.self),
                orgUnit: try row.decode(column: "org_unit_code", as: String.self),
                periodStart: try row.decode(column: "period_start", as: String.self)
            )
        })
    }

    static let sameKey = """
        ON m.indicator_code = s.indicator_code AND m.org_unit_code = s.org_unit_code AND m.period_start = s.period_start
        """

    /// Whether a stored row and an incoming one differ in anything a person entered; NULL equals NULL.
    func differs(old: String, new: String) -> String {
        ["value", "level", "status", "note"].map { "\(old).\($0) \(distinct) \(new).\($0)" }.joined(separator: " OR ")
    }

    /// Runs a write and returns the number of rows it wrote: SQLite's `changes()` on the same connection, a
    /// `RETURNING` counted in a common table expression on PostgreSQL. The statement holds only table names and a
    /// batch id we generated, no input.
    private func counting(_ statement: String) async throws -> Int {
        if isSQLite {
            try await sql.raw("\(unsafeRaw: statement)").run()
            return try await sql.raw("SELECT changes() AS n").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return try await sql.raw("WITH written AS (\(unsafeRaw: statement) RETURNING 1) SELECT COUNT(*) AS n FROM written")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
