import FluentKit
import FluentPostgresDriver
import Foundation
import GoalStatCore
import FluentSQLiteDriver
import SQLKit

/// Reads and writes measurement values through SQLKit: bulk paths never go row by row through the ORM.
public enum MeasurementStore {
    /// The indicators (these only, or every one), org units and calendar an import or an entry is checked against.
    /// Read through SQLKit: a Fluent model per indicator would cost a one-value entry more than the entry.
    /// `today`, when given, holds a `final` value of a period not yet ended as `provisional` (the entry's day).
    public static func catalog(indicators codes: Set<String>? = nil, today: CalendarDate? = nil, on db: any Database) async throws -> MeasurementCatalog {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var entries: [String: CatalogIndicator] = [:]
        func read(_ query: SQLSelectBuilder) async throws {
            for row in try await query.all() {
                entries[try row.decode(column: "code", as: String.self)] = CatalogIndicator(
                    frequency: Frequency(rawValue: try row.decode(column: "frequency", as: String.self)) ?? .monthly,
                    levels: JSONColumn.decode([String].self, from: try row.decode(column: "levels_json", as: String?.self)),
                    unit: IndicatorUnit(try row.decode(column: "unit", as: String.self)),
                    validRange: JSONColumn.decode(ValidRange.self, from: try row.decode(column: "valid_range_json", as: String?.self))
                )
            }
        }
        let base = { sql.select().columns("code", "frequency", "levels_json", "unit", "valid_range_json").from(IndicatorModel.schema) }
        if let codes {
            for chunk in Array(codes).chunked(500) { try await read(base().where("code", .in, chunk)) }
        } else {
            try await read(base())
        }
        let orgUnits = Set(try await sql.select().column("code").from(OrgUnitModel.schema).all().map { try $0.decode(column: "code", as: String.self) })
        let reporting = try await FrameworkStore.reporting(on: db)
        return MeasurementCatalog(indicators: entries, orgUnits: orgUnits, calendar: reporting.calendar, today: today)
    }

    /// Stores parsed rows as one batch: new values are added, changed ones revised (the old value kept), equal ones left alone.
    /// Call inside a transaction; the caller rolls back for a dry run.
    ///
    /// The batch is entered by `audit.actor` at `audit.now`. Its id is `audit.batch` when the caller gives one (an
    /// import gives its framework changes and its values the same id), else a new one; either way one batch per call.
    /// In the same transaction the audit log records, every entry with the batch id:
    /// - a form or API entry: each added value as one `measurement` entry, field "", the value as a JSON object;
    ///   each revised value as one `measurement` entry per changed field (`value`, `level`, `status`, `note`),
    ///   old → new as JSON text, keyed as `auditKey` says;
    /// - a bulk load (kind `import`, a file, or `demo`): ONE `importBatch` entry, key the batch id, field "", new
    ///   value `{"label":…,"rowsAdded":…,"rowsRevised":…}`. The values name their batch and every value a correction
    ///   replaced is kept in `measurement_revisions`, superseded by the batch, so the entry and the history stand for
    ///   them; an entry per row would break the budget of a million-row import (docs/benchmarks.md).
    ///
    /// Values into indicators that have none yet go straight in. Otherwise the rows are compared with the stored ones
    /// in the database, set-based (`MeasurementStaging`): nothing is read back for a bulk load.
    public static func store(
        _ rows: [ParsedMeasurement], kind: EntryKind, label: String, audit: AuditContext,
        on db: any Database, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> MeasurementImportSummary {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let rows = try await normalizingOwnUnit(rows, on: db)
        var summary = MeasurementImportSummary()
        guard !rows.isEmpty else { return summary }
        var series: [String: Set<String>] = [:]
        for row in rows { series[row.indicator, default: []].insert(row.orgUnit ?? "") }
        ReadModelChanges.mark(series: series)
        summary.heldProvisional = rows.lazy.filter(\.heldProvisional).count
        if !(db is any SQLiteDatabase) {
            // One writer of values at a time, as SQLite has anyway: otherwise two corrections of one value could both
            // keep the same old revision. Readers are not blocked.
            try await sql.raw("LOCK TABLE \(ident: MeasurementTable.name) IN SHARE ROW EXCLUSIVE MODE").run()
        }
        var audit = audit
        let batch = audit.batch ?? UUID()
        audit.batch = batch
        let batchID = batch.uuidString

        guard try await hasValues(indicators: Set(rows.map(\.indicator)), on: sql) else {
            try await bulkInsert(rows, batchID: batchID, into: MeasurementTable.name, on: sql, progress: progress)
            summary.added = rows.count
            try await refreshStatistics(afterWriting: rows.count, on: sql)
            try await recordBatch(batch, kind: kind, label: label, summary: summary, audit: audit, on: db)
            try await AuditLog.record(auditEntries(kind: kind, label: label, summary: summary, additions: rows, revisions: [], audit: audit), on: db)
            summary.batchID = batchID
            return summary
        }

        let staging = MeasurementStaging(sql)
        try await staging.stage(rows, batchID: batchID, progress: progress)
        try await staging.requireReasons()
        var additions: [ParsedMeasurement] = []
        var revisions: [(row: ParsedMeasurement, old: StoredValue)] = []
        if !isBulkLoad(kind) {
            // A form or an API call: few rows, each audited with the value it replaces.
            let stored = try await staging.storedValues()
            for row in rows {
                let key = MeasurementKey(indicator: row.indicator, orgUnit: row.orgUnit ?? "", periodStart: PeriodStorage.start(row.period))
                if let old = stored[key] {
                    if !old.isSame(as: row) { revisions.append((row, old)) }
                } else {
                    additions.append(row)
                }
            }
        }
        summary.revised = try await staging.keepRevisions(batchID: batchID)
        summary.added = try await staging.apply() - summary.revised
        summary.unchanged = rows.count - summary.added - summary.revised
        try await staging.drop()
        guard summary.added > 0 || summary.revised > 0 else { return summary }
        try await refreshStatistics(afterWriting: summary.added + summary.revised, on: sql)
        try await recordBatch(batch, kind: kind, label: label, summary: summary, audit: audit, on: db)
        try await AuditLog.record(
            auditEntries(kind: kind, label: label, summary: summary, additions: additions, revisions: revisions, audit: audit), on: db
        )
        summary.batchID = batchID
        return summary
    }

    static func recordBatch(
        _ id: UUID, kind: EntryKind, label: String, summary: MeasurementImportSummary, audit: AuditContext, on db: any Database
    ) async throws {
        let batch = ImportBatchModel()
        batch.id = id
        batch.kind = kind.rawValue
        batch.label = label
        batch.enteredBy = audit.actor
        batch.enteredAt = audit.now
        batch.rowsAdded = summary.added
        batch.rowsRevised = summary.revised
        try await batch.create(on: db)
    }

    /// Whether any of the indicators has a stored value (one indexed probe per 500 indicators).
    static func hasValues(indicators: Set<String>, on sql: any SQLDatabase) async throws -> Bool {
        let codes = Array(indicators)
        for chunkStart in stride(from: 0, to: codes.count, by: 500) {
            let chunk = Array(codes[chunkStart..<min(chunkStart + 500, codes.count)])
            let found = try await sql.select().column("indicator_code").from(MeasurementTable.name)
                .where("indicator_code", .in, chunk).limit(1).first()
            if found != nil { return true }
        }
        return false
    }

    /// An `org_unit` naming the indicator's own unit means the total, the same as an empty one (SPEC §3.1);
    /// after that reading, two rows for the same key are refused naming both lines.
    private static func normalizingOwnUnit(_ rows: [ParsedMeasurement], on db: any Database) async throws -> [ParsedMeasurement] {
        let ownUnits = try await ownUnits(of: Set(rows.map(\.indicator)), on: db)
        guard rows.contains(where: { $0.orgUnit != nil && $0.orgUnit == ownUnits[$0.indicator] }) else { return rows }
        var seen: [MeasurementKey: Int] = [:]
        var problems: [ImportProblem] = []
        let normalized = rows.map { row in
            var row = row
            if row.orgUnit != nil, row.orgUnit == ownUnits[row.indicator] { row.orgUnit = nil }
            let key = MeasurementKey(indicator: row.indicator, orgUnit: row.orgUnit ?? "", periodStart: PeriodStorage.start(row.period))
            if let first = seen[key] {
                problems.append(ImportProblem(file: "", line: row.line, column: "org_unit", reason: "duplicate of line \(first): the indicator's own unit is the total"))
            } else {
                seen[key] = row.line
            }
            return row
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return normalized
    }

    /// Each indicator's own unit, read through SQLKit by key (a Fluent model per indicator would cost a save of one
    /// value far more than the value).
    public static func ownUnits(of indicators: Set<String>, on db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var result: [String: String] = [:]
        for chunk in Array(indicators).chunked(500) {
            for row in try await sql.select().columns("code", "org_unit_code").from(IndicatorModel.schema).where("code", .in, chunk).all() {
                result[try row.decode(column: "code", as: String.self)] = try row.decode(column: "org_unit_code", as: String.self)
            }
        }
        return result
    }

    /// Rows into the measurements table or the staging table (`withLines`: with each row's line), by each database's
    /// own fast path: SQLite's prepared INSERT stepped per row, PostgreSQL's COPY; SQLKit's multi-row INSERTs otherwise.
    static func bulkInsert(
        _ rows: [ParsedMeasurement], batchID: String, into table: String, withLines: Bool = false, on sql: any SQLDatabase,
        progress: (@Sendable (Int) -> Void)?
    ) async throws {
        if let sqlite = sql as? any SQLiteDatabase,
           try await SQLiteBulkInsert.insert(rows, batchID: batchID, into: sqlite, table: table, withLines: withLines, progress: progress) {
            return
        } else if let postgres = sql as? any PostgresDatabase {
            // COPY names its table quoted whole: the unqualified name, which finds a temporary table first.
            let name = table.split(separator: ".").last.map(String.init) ?? table
            try await PostgresBulkCopy.copy(rows, batchID: batchID, into: name, withLines: withLines, on: postgres, progress: progress)
        } else {
            try await insert(rows, batchID: batchID, into: SQLIdentifier(table), on: sql, withLines: withLines, progress: progress)
        }
    }

    /// Multi-row INSERTs of a few hundred rows each: one statement per chunk keeps a million rows to seconds.
    private static func insert(
        _ rows: [ParsedMeasurement], batchID: String, into table: any SQLExpression, on sql: any SQLDatabase, withLines: Bool = false,
        progress: (@Sendable (Int) -> Void)?
    ) async throws {
        let chunkSize = 500
        var done = 0
        var starts = PeriodStarts()
        for chunkStart in stride(from: 0, to: rows.count, by: chunkSize) {
            let chunk = rows[chunkStart..<min(chunkStart + chunkSize, rows.count)]
            let builder = sql.insert(into: table)
                .columns(["indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision", "batch_id", "reason"] + (withLines ? ["line"] : []))
            for row in chunk {
                let start = starts.of(row.period)
                var values: [any SQLExpression] = [
                    SQLBind(row.indicator), SQLBind(row.orgUnit ?? ""), SQLBind(start), SQLBind(row.value),
                    SQLBind(row.level), SQLBind(row.status.rawValue), SQLBind(row.note), SQLLiteral.numeric("0"), SQLBind(batchID),
                    SQLBind(row.reason),
                ]
                if withLines { values.append(SQLBind(row.line)) }
                builder.values(values)
            }
            try await builder.run()
            done += chunk.count
            progress?(done)
        }
    }
}

/// A failure of the store itself (not of the input).
public enum StoreError: Error, Sendable, Equatable {
    case notSQL
    case unknown(String)
}
