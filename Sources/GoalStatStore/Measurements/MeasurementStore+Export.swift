import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import GoalStatCore
import SQLKit

extension MeasurementStore {
    /// Rows per page of an export: a page is what is held in memory at once, whatever the size of the table.
    public static let exportPageSize = 20_000

    /// Every current value (or those of `indicators` only) in export order, by indicator, org unit (the
    /// indicator's own unit first) and period, handed to `body` a page at a time.
    public static func forEachExportPage(
        indicators only: Set<String>? = nil, pageSize: Int = exportPageSize, on db: any Database,
        _ body: ([ExportMeasurement]) async throws -> Void
    ) async throws {
        var periods = PeriodCache()
        try await forEachExportBatch(indicators: only, pageSize: pageSize, on: db) { batch in
            var page: [ExportMeasurement] = []
            page.reserveCapacity(batch.rows.count)
            for row in batch.rows {
                guard let period = periods.period(start: row.periodStart, frequency: batch.frequency) else { continue }
                page.append(ExportMeasurement(
                    indicator: batch.indicator, period: period, orgUnit: row.orgUnit.isEmpty ? nil : row.orgUnit,
                    value: row.value, level: row.level, status: MeasurementStatus(rawValue: row.status) ?? .final, note: row.note
                ))
            }
            try await body(page)
        }
    }

    /// Every current value (or those of `indicators` only) in export order, as stored: one indicator's rows of a
    /// page at a time, in (org unit, period start) order. The export's fast path: nothing is parsed per row that
    /// the writer can look up once per period.
    ///
    /// Pages follow the unique key (indicator, org unit, period start): one group of indicators after another in
    /// code order (one indicator per query on SQLite, a few on PostgreSQL: `indicatorsPerQuery`), and within a
    /// group keyset pagination on the key, so each page is one index range scan and nothing is held beyond a page.
    /// Codes are ASCII (`Codes`), so the database's byte order (SQLite's BINARY, PostgreSQL's "C" collation of the
    /// key columns) is Swift's order; a page that comes back otherwise is sorted here.
    /// Values of indicators no longer in the framework are left out, as they always were.
    ///
    /// The next page is asked for as soon as this one's last key is known, before `body` writes this one: the
    /// database's side (SQLite's thread pool, which also turns the rows into `ExportRow`s; PostgreSQL's server and
    /// the connection's event loop) reads the next page while this task writes the current one.
    static func forEachExportBatch(
        indicators only: Set<String>? = nil, pageSize: Int = exportPageSize, on db: any Database,
        _ body: (ExportBatch) async throws -> Void
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let frequencies = try await indicatorFrequencies(on: db)
        let codes = frequencies.keys.filter { only?.contains($0) ?? true }.sorted()
        let source: any ExportPageSource = if let sqlite = db as? any SQLiteDatabase {
            SQLiteExportPages(sqlite: sqlite)
        } else if let postgres = db as? any PostgresDatabase {
            PostgresExportPages(postgres: postgres)
        } else {
            SQLKitExportPages(sql: sql)
        }
        // Pages asked for and on their way, in export order: a continuation of the current group of indicators goes
        // first, then the next groups' first pages, `source.pagesAhead` of them.
        let groups = codes.chunked(source.indicatorsPerQuery)
        func ask(_ group: Int, after: ExportKey?) -> Task<ExportPage, any Error> {
            Task { try await source.page(indicators: groups[group], after: after, limit: pageSize) }
        }
        var pending: [(group: Int, task: Task<ExportPage, any Error>)] = []
        var next = 0
        func askAhead() {
            while pending.count < source.pagesAhead, next < groups.count {
                pending.append((next, ask(next, after: nil)))
                next += 1
            }
        }
        askAhead()
        do {
            while !pending.isEmpty {
                let (group, current) = pending.removeFirst()
                let page = try await current.value
                if let resume = page.resume {
                    pending.insert((group, ask(group, after: resume)), at: 0)
                }
                askAhead()
                for var part in page.groups {
                    guard !part.rows.isEmpty, let frequency = frequencies[part.indicator] else { continue }
                    if zip(part.rows, part.rows.dropFirst()).contains(where: { !$0.isBefore($1) }) {
                        part.rows.sort { $0.isBefore($1) }
                    }
                    // A page of whole series (PostgreSQL's) may hold more of an indicator's rows than `pageSize`.
                    var start = 0
                    while start < part.rows.count {
                        let end = min(start + pageSize, part.rows.count)
                        let rows = start == 0 && end == part.rows.count ? part.rows : Array(part.rows[start ..< end])
                        try await body(ExportBatch(indicator: part.indicator, frequency: frequency, rows: rows))
                        start = end
                    }
                }
            }
        } catch {
            // No read outlives the export (its connection may be a transaction's).
            for (_, task) in pending { _ = try? await task.value }
            throw error
        }
    }
}

/// A page of values, and where the next page of the same indicators starts if there may be one.
struct ExportPage: Sendable {
    var groups: [ExportRows]
    var resume: ExportKey?
}

/// One indicator's rows of a page, in (org unit, period start) order.
struct ExportRows: Sendable {
    var indicator: String
    var rows: [ExportRow]
}

/// One page of one indicator's stored values, in (org unit, period start) order.
struct ExportBatch {
    var indicator: String
    var frequency: Frequency
    var rows: [ExportRow]
}

/// Periods parsed from their stored first day, once per (frequency, first day).
private struct PeriodCache {
    private var periods: [Frequency: [String: Period]] = [:]

    mutating func period(start: String, frequency: Frequency) -> Period? {
        if let cached = periods[frequency]?[start] { return cached }
        guard let parsed = PeriodStorage.period(start: start, frequency: frequency) else { return nil }
        periods[frequency, default: [:]][start] = parsed
        return parsed
    }
}

/// One stored row of an indicator, as a page of an export reads it. `orgUnit` is empty for the indicator's total.
struct ExportRow: Sendable, Equatable {
    var orgUnit: String
    var periodStart: String
    var value: Double?
    var level: String?
    var status: String
    var note: String?

    /// Key order within an indicator: byte order of the org unit, then of the first day (ISO dates sort as text).
    func isBefore(_ other: ExportRow) -> Bool {
        orgUnit != other.orgUnit ? orgUnit < other.orgUnit : periodStart < other.periodStart
    }
}

/// Where a page of values starts: after this (indicator, org unit, period start); after this (indicator, org unit)
/// for a source that reads whole series (PostgreSQL's), which leaves `periodStart` empty.
struct ExportKey: Sendable {
    var indicator: String
    var orgUnit: String
    var periodStart: String
}

/// Reads one page of the values of a few indicators in key order, after the given key if any.
protocol ExportPageSource: Sendable {
    /// Pages asked for ahead of the one being written.
    var pagesAhead: Int { get }
    /// Indicators one query reads; a page holds at most `limit` rows whatever the number.
    var indicatorsPerQuery: Int { get }
    /// The rows of `indicators` (in code order) after `after`, about `limit` of them, grouped by indicator.
    func page(indicators: [String], after: ExportKey?, limit: Int) async throws -> ExportPage
}

/// SQLite: the statement stepped on the connection's handle, columns read by position (`SQLiteHandle`, as the read
/// model reads its values back): the database-level `query` that returns the rows submitted every row to the event
/// loop as a task of its own and gathered a future per row, five million of them for a five-million-row export,
/// whose CPU time fell from 22 s to 9 s without them and with the byte writer (measured together,
/// docs/benchmarks.md). When the handle cannot be reached, SQLiteNIO's rows by name.
struct SQLiteExportPages: ExportPageSource {
    let sqlite: any SQLiteDatabase
    /// One: a transaction's pages share its one connection, whose statements SQLiteNIO does not queue.
    let pagesAhead = 1
    /// One: a query costs no round trip in process, and one indicator's rows need no column of its code.
    let indicatorsPerQuery = 1

    func page(indicators: [String], after: ExportKey?, limit: Int) async throws -> ExportPage {
        guard let indicator = indicators.first else { return ExportPage(groups: [], resume: nil) }
        var binds = [indicator]
        if let after { binds += [after.orgUnit, after.orgUnit, after.periodStart] }
        let query = Self.query(resuming: after != nil, limit: limit)
        if let rows = try await SQLiteHandle.run(on: sqlite, { [binds] handle in try Self.read(query, binds, on: handle) }) {
            return ExportPage(rows: rows, of: indicator, limit: limit)
        }
        let rows = try await sqlite.query(query, binds.map(SQLiteData.text)).map { row in
            ExportRow(
                orgUnit: row.column("org_unit_code")?.string ?? "", periodStart: row.column("period_start")?.string ?? "",
                value: row.column("value")?.double, level: row.column("level")?.string,
                status: row.column("status")?.string ?? "", note: row.column("note")?.string
            )
        }
        return ExportPage(rows: rows, of: indicator, limit: limit)
    }

    /// The page's rows on the raw handle; an org unit and a status equal to the row before's are that row's strings.
    private static func read(_ query: String, _ binds: [String], on db: OpaquePointer) throws -> [ExportRow] {
        let statement = try SQLiteRawStatement(query, on: db, persistent: false)
        for (index, bind) in binds.enumerated() { statement.bind(Int32(index + 1), bind) }
        var rows: [ExportRow] = []
        var last = ExportRow(orgUnit: "", periodStart: "", value: nil, level: nil, status: "", note: nil)
        while try statement.step() {
            let row = ExportRow(
                orgUnit: statement.text(0, same: last.orgUnit), periodStart: statement.text(1),
                value: statement.isNull(2) ? nil : statement.double(2), level: statement.isNull(3) ? nil : statement.text(3),
                status: statement.text(4, same: last.status), note: statement.isNull(5) ? nil : statement.text(5)
            )
            rows.append(row)
            last = row
        }
        return rows
    }

    /// The page's statement: binds the indicator, then after a key its org unit (twice) and period start.
    static func query(resuming: Bool, limit: Int) -> String {
        var query = "SELECT org_unit_code, period_start, value, level, status, note FROM \(MeasurementTable.name) WHERE indicator_code = ?"
        if resuming { query += " AND (org_unit_code > ? OR (org_unit_code = ? AND period_start > ?))" }
        return query + " ORDER BY org_unit_code, period_start LIMIT \(limit)"
    }
}

/// PostgreSQL: one row per series (indicator, org unit), its periods, values, levels, statuses and notes gathered into
/// arrays (`array_agg`), so a five-million-value export brings some 40,000 rows over the wire rather than five
/// million: the client's work per row in PostgresNIO (each `DataRow` through its state machines, then decoded) was
/// most of the export's time (`perf`, docs/benchmarks.md). PostgresNIO decodes an array with a NULL element as an
/// error (its `Array` decoding wants the has-nulls flag clear), so NULL values, levels and notes go into the arrays as
/// 0 and '' and a text of one digit per row says which of the three were NULL (bit 1 value, 2 level, 4 note).
///
/// The key columns collate "C" (`CollateMeasurementKeysInByteOrder`), so the unique index gives byte order and a
/// page is a group aggregate over one index range scan, no sort (checked with `EXPLAIN`). The aggregates take no
/// `ORDER BY`: on PostgreSQL 15 each would sort its group again, and all of a row's aggregates see its rows in the
/// same order, the index's, so the arrays stay aligned; a series that came in another order is sorted by
/// `forEachExportBatch`. Rows decoded by position, in the task that asked for the page, not on the event loop.
struct PostgresExportPages: ExportPageSource {
    let postgres: any PostgresDatabase
    /// Two: a second query in flight keeps the server reading while the first page's rows travel and are decoded;
    /// PostgresNIO queues queries on one connection, so a transaction's export stays correct.
    let pagesAhead = 2
    /// A page's worth of the data set's indicators (20 units × 125 months each).
    let indicatorsPerQuery = 8
    /// The rows a series is taken to hold when a page of `limit` rows becomes a number of series (ten years of months).
    /// A page holds whole series, so its size in rows follows the series' length: daily series make larger pages.
    static let rowsPerSeries = 125

    func page(indicators: [String], after: ExportKey?, limit: Int) async throws -> ExportPage {
        let seriesLimit = max(1, limit / Self.rowsPerSeries)
        var binds = [PostgresData(array: indicators.map { PostgresData(string: $0) }, elementType: .text)]
        if let after { binds += [PostgresData(string: after.indicator), PostgresData(string: after.orgUnit)] }
        let result = try await postgres.query(Self.query(resuming: after != nil, limit: seriesLimit), binds).get()
        var groups: [ExportRows] = []
        var resume: ExportKey?
        for row in result.rows {
            var cells = row.makeIterator()
            guard let code = cells.next(), let unit = cells.next(), let starts = cells.next(), let values = cells.next(),
                  let levels = cells.next(), let statuses = cells.next(), let notes = cells.next(), let nulls = cells.next()?.bytes
            else { throw StoreError.unknown("a series of measurements without its eight columns") }
            let orgUnit = try unit.decode(String.self)
            let series = try Self.rows(
                orgUnit: orgUnit, starts: starts.decode([String].self), values: values.decode([Double].self),
                levels: levels.decode([String].self), statuses: statuses.decode([String].self), notes: notes.decode([String].self),
                nulls: nulls
            )
            // The code's bytes are compared before a `String` is made of them: a page names a few indicators.
            if let last = groups.indices.last, code.bytes?.readableBytesView.elementsEqual(groups[last].indicator.utf8) == true {
                groups[last].rows += series
            } else {
                groups.append(ExportRows(indicator: try code.decode(String.self), rows: series))
            }
            resume = ExportKey(indicator: groups[groups.count - 1].indicator, orgUnit: orgUnit, periodStart: "")
        }
        return ExportPage(groups: groups, resume: result.rows.count >= seriesLimit ? resume : nil)
    }

    /// A series' rows from its aggregated columns, NULL where its digit of `nulls` says so.
    private static func rows(
        orgUnit: String, starts: [String], values: [Double], levels: [String], statuses: [String], notes: [String], nulls: ByteBuffer
    ) throws -> [ExportRow] {
        let flags = nulls.readableBytesView
        guard [starts.count, values.count, levels.count, statuses.count, notes.count].allSatisfy({ $0 == flags.count }) else {
            throw StoreError.unknown("a series of measurements whose columns differ in length")
        }
        var rows: [ExportRow] = []
        rows.reserveCapacity(flags.count)
        for (index, flag) in zip(starts.indices, flags) {
            let null = flag &- UInt8(ascii: "0")
            rows.append(ExportRow(
                orgUnit: orgUnit, periodStart: starts[index], value: null & 1 == 0 ? values[index] : nil,
                level: null & 2 == 0 ? levels[index] : nil, status: statuses[index], note: null & 4 == 0 ? notes[index] : nil
            ))
        }
        return rows
    }

    /// The page's statement: binds the indicators (`text[]`), then after a series its indicator and org unit.
    static func query(resuming: Bool, limit: Int) -> String {
        var query = """
            SELECT indicator_code, org_unit_code, array_agg(period_start), array_agg(coalesce(value, 0)), \
            array_agg(coalesce(level, '')), array_agg(status), array_agg(coalesce(note, '')), \
            string_agg(chr(48 + (value IS NULL)::int + 2 * (level IS NULL)::int + 4 * (note IS NULL)::int), '') \
            FROM \(MeasurementTable.name) WHERE indicator_code = ANY($1)
            """
        if resuming { query += " AND (indicator_code, org_unit_code) > ($2, $3)" }
        return query + " GROUP BY indicator_code, org_unit_code ORDER BY indicator_code, org_unit_code LIMIT \(limit)"
    }
}

/// Any other SQL database, through SQLKit: ordered by byte order (`COLLATE "C"`), whatever the database's collation.
private struct SQLKitExportPages: ExportPageSource {
    let sql: any SQLDatabase
    let pagesAhead = 1
    let indicatorsPerQuery = 1

    func page(indicators: [String], after: ExportKey?, limit: Int) async throws -> ExportPage {
        guard let indicator = indicators.first else { return ExportPage(groups: [], resume: nil) }
        let unit = SQLRaw("org_unit_code COLLATE \"C\"")
        let query = sql.select()
            .columns("org_unit_code", "period_start", "value", "level", "status", "note")
            .from(MeasurementTable.name)
            .where("indicator_code", .equal, indicator)
        if let after {
            query.where { group in
                group.where(unit, .greaterThan, SQLBind(after.orgUnit))
                    .orWhere { inner in
                        inner.where("org_unit_code", .equal, after.orgUnit).where("period_start", .greaterThan, after.periodStart)
                    }
            }
        }
        let rows = try await query.orderBy(unit).orderBy("period_start").limit(limit).all().map { row in
            ExportRow(
                orgUnit: try row.decode(column: "org_unit_code", as: String.self),
                periodStart: try row.decode(column: "period_start", as: String.self),
                value: try row.decode(column: "value", as: Double?.self),
                level: try row.decode(column: "level", as: String?.self),
                status: try row.decode(column: "status", as: String.self),
                note: try row.decode(column: "note", as: String?.self)
            )
        }
        return ExportPage(rows: rows, of: indicator, limit: limit)
    }
}

extension ExportPage {
    /// One indicator's page of at most `limit` rows; a full one may have a next.
    init(rows: [ExportRow], of indicator: String, limit: Int) {
        let resume = rows.count >= limit ? rows.last.map { ExportKey(indicator: indicator, orgUnit: $0.orgUnit, periodStart: $0.periodStart) } : nil
        self.init(groups: [ExportRows(indicator: indicator, rows: rows)], resume: resume)
    }
}
