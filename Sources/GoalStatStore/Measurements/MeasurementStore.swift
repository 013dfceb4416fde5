import FluentKit
import Foundation
import GoalStatCore
import FluentSQLiteDriver
import SQLKit

/// Reads and writes measurement values through SQLKit: bulk paths never go row by row through the ORM.
public enum MeasurementStore {
    /// The indicators, org units and calendar an import is checked against.
    public static func catalog(on db: any Database) async throws -> MeasurementCatalog {
        let indicators = try await IndicatorModel.query(on: db).all()
        var entries: [String: CatalogIndicator] = [:]
        for indicator in indicators {
            entries[indicator.code] = CatalogIndicator(
                frequency: Frequency(rawValue: indicator.frequency) ?? .monthly,
                levels: JSONColumn.decode([String].self, from: indicator.levelsJSON)
            )
        }
        let orgUnits = Set(try await OrgUnitModel.query(on: db).all(\.$code))
        let reporting = try await FrameworkStore.reporting(on: db)
        return MeasurementCatalog(indicators: entries, orgUnits: orgUnits, calendar: reporting.calendar)
    }

    /// Stores parsed rows as one batch: new values are added, changed ones revised (the old value kept), equal ones left alone.
    /// Call inside a transaction; the caller rolls back for a dry run.
    ///
    /// The batch is entered by `audit.actor` at `audit.now`. Its id is `audit.batch` when the caller gives one (an
    /// import gives its framework changes and its values the same id), else a new one; either way one batch per call.
    /// In the same transaction the audit log records, every entry with the batch id:
    /// - each revised value: one `measurement` entry per changed field (`value`, `level`, `status`, `note`),
    ///   old → new as JSON text, keyed as `auditKey` says;
    /// - each added value of a form or API entry: one `measurement` entry, field "", the value as a JSON object;
    /// - a bulk load (kind `import`, a file, or `demo`) instead of an entry per added value: ONE `importBatch` entry,
    ///   key the batch id, field "", new value `{"label":…,"rowsAdded":…,"rowsRevised":…}`. The added values name
    ///   their batch, so the entry stands for them; an entry per row would break the budget of a million-row import
    ///   (docs/benchmarks.md).
    public static func store(
        _ rows: [ParsedMeasurement], kind: EntryKind, label: String, audit: AuditContext,
        on db: any Database, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> MeasurementImportSummary {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let rows = try await normalizingOwnUnit(rows, on: db)
        let existing = try await storedValues(for: Set(rows.map(\.indicator)), on: sql)
        var summary = MeasurementImportSummary()
        var additions: [ParsedMeasurement] = []
        var revisions: [(row: ParsedMeasurement, old: StoredValue)] = []
        // Into indicators with no values yet (every bulk load), every row is new: skip building a key per row.
        for row in existing.isEmpty ? [] : rows {
            let key = MeasurementKey(indicator: row.indicator, orgUnit: row.orgUnit ?? "", periodStart: PeriodStorage.start(row.period))
            if let old = existing[key] {
                if old.value == row.value && old.level == row.level && old.status == row.status.rawValue && old.note == row.note {
                    summary.unchanged += 1
                } else {
                    revisions.append((row, old))
                }
            } else {
                additions.append(row)
            }
        }
        if existing.isEmpty { additions = rows }
        summary.added = additions.count
        summary.revised = revisions.count
        guard !additions.isEmpty || !revisions.isEmpty else { return summary }

        var audit = audit
        audit.batch = audit.batch ?? UUID()
        let batch = ImportBatchModel()
        batch.id = audit.batch
        batch.kind = kind.rawValue
        batch.label = label
        batch.enteredBy = audit.actor
        batch.enteredAt = audit.now
        batch.rowsAdded = additions.count
        batch.rowsRevised = revisions.count
        try await batch.create(on: db)
        let batchID = try batch.requireID().uuidString
        summary.batchID = batchID

        if let sqlite = db as? any SQLiteDatabase {
            try await SQLiteBulkInsert.insert(additions, batchID: batchID, into: sqlite, progress: progress)
        } else {
            try await insert(additions, batchID: batchID, on: sql, progress: progress)
        }
        for (row, old) in revisions {
            try await revise(row, old: old, batchID: batchID, on: sql)
        }
        try await AuditLog.record(auditEntries(kind: kind, label: label, additions: additions, revisions: revisions, audit: audit), on: db)
        return summary
    }

    /// An `org_unit` naming the indicator's own unit means the total, the same as an empty one (SPEC §3.1);
    /// after that reading, two rows for the same key are refused naming both lines.
    private static func normalizingOwnUnit(_ rows: [ParsedMeasurement], on db: any Database) async throws -> [ParsedMeasurement] {
        let ownUnits = Dictionary(
            try await IndicatorModel.query(on: db).field(\.$code).field(\.$orgUnitCode).all().map { ($0.code, $0.orgUnitCode) },
            uniquingKeysWith: { first, _ in first }
        )
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

    /// Multi-row INSERTs of a few hundred rows each: one statement per chunk keeps a million rows to seconds.
    private static func insert(
        _ rows: [ParsedMeasurement], batchID: String, on sql: any SQLDatabase, progress: (@Sendable (Int) -> Void)?
    ) async throws {
        let chunkSize = 500
        var done = 0
        var startCache: [Period: String] = [:]
        for chunkStart in stride(from: 0, to: rows.count, by: chunkSize) {
            let chunk = rows[chunkStart..<min(chunkStart + chunkSize, rows.count)]
            let builder = sql.insert(into: MeasurementTable.name)
                .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision", "batch_id")
            for row in chunk {
                let start: String
                if let cached = startCache[row.period] {
                    start = cached
                } else {
                    start = PeriodStorage.start(row.period)
                    startCache[row.period] = start
                }
                builder.values([
                    SQLBind(row.indicator), SQLBind(row.orgUnit ?? ""), SQLBind(start), SQLBind(row.value),
                    SQLBind(row.level), SQLBind(row.status.rawValue), SQLBind(row.note), SQLLiteral.numeric("0"), SQLBind(batchID),
                ] as [any SQLExpression])
            }
            try await builder.run()
            done += chunk.count
            progress?(done)
        }
    }

    private static func revise(_ row: ParsedMeasurement, old: StoredValue, batchID: String, on sql: any SQLDatabase) async throws {
        let orgUnit = row.orgUnit ?? ""
        let start = PeriodStorage.start(row.period)
        try await sql.raw("""
            INSERT INTO \(ident: MeasurementTable.revisions)
                (indicator_code, org_unit_code, period_start, revision, value, level, status, note, batch_id, superseded_by)
            SELECT indicator_code, org_unit_code, period_start, revision, value, level, status, note, batch_id, \(bind: batchID)
            FROM \(ident: MeasurementTable.name)
            WHERE indicator_code = \(bind: row.indicator) AND org_unit_code = \(bind: orgUnit) AND period_start = \(bind: start)
            """).run()
        try await sql.update(MeasurementTable.name)
            .set("value", to: row.value)
            .set("level", to: row.level)
            .set("status", to: row.status.rawValue)
            .set("note", to: row.note)
            .set("revision", to: old.revision + 1)
            .set("batch_id", to: batchID)
            .where("indicator_code", .equal, row.indicator)
            .where("org_unit_code", .equal, orgUnit)
            .where("period_start", .equal, start)
            .run()
    }

    /// Current values of the given indicators, keyed for comparison with an import.
    private static func storedValues(for indicators: Set<String>, on sql: any SQLDatabase) async throws -> [MeasurementKey: StoredValue] {
        var result: [MeasurementKey: StoredValue] = [:]
        let codes = Array(indicators)
        for chunkStart in stride(from: 0, to: codes.count, by: 500) {
            let chunk = Array(codes[chunkStart..<min(chunkStart + 500, codes.count)])
            let rows = try await sql.select()
                .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision")
                .from(MeasurementTable.name)
                .where("indicator_code", .in, chunk)
                .all()
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
        }
        return result
    }
}

/// A failure of the store itself (not of the input).
public enum StoreError: Error, Sendable, Equatable {
    case notSQL
    case unknown(String)
}
