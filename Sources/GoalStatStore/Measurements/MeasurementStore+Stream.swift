import FluentKit
import FluentSQLiteDriver
import Foundation
import GoalStatCore
import SQLKit

extension MeasurementStore {
    /// Stores the rows of files as ONE bulk-load batch (kind `import` or `demo`), as `store` does, but takes them a
    /// chunk at a time as the files are read: `feed` calls its argument with each chunk, in file order, and nothing
    /// is held beyond a chunk (SPEC §8). The rows must be free of duplicates, a row naming its indicator's own unit
    /// counting as the total (`MeasurementsCSV.read` with `catalog` ensures both, and the caller stops feeding at
    /// the first bad row and throws, which rolls the transaction back).
    ///
    /// As in `store`: values into an indicator that had none before the import go straight in; the others are
    /// staged and compared with the stored values in the database, set-based. Every indicator of the framework is
    /// looked up once, before the first chunk (`IndicatorEntry`), so that a chunk is made ready while the one before
    /// is being stored and the database never waits between chunks. Call inside a transaction.
    public static func storeStreaming(
        kind: EntryKind, label: String, audit: AuditContext, on db: any Database,
        progress: (@Sendable (Int) -> Void)? = nil,
        feed: (_ store: ([ParsedMeasurement]) async throws -> Void) async throws -> Void
    ) async throws -> MeasurementImportSummary {
        precondition(isBulkLoad(kind), "a form or API entry is audited row by row: use store(_:kind:…)")
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var summary = MeasurementImportSummary()
        if !(db is any SQLiteDatabase) {
            try await sql.raw("LOCK TABLE \(ident: MeasurementTable.name) IN SHARE ROW EXCLUSIVE MODE").run()
        }
        var audit = audit
        let batch = audit.batch ?? UUID()
        audit.batch = batch
        let batchID = batch.uuidString
        let entries = try await IndicatorEntry.all(on: sql)
        var staging: MeasurementStaging?
        var (done, added, staged) = (0, 0, 0)
        // Each chunk is stored while the reader reads the next and this task makes it ready: the database's side
        // (SQLite's thread pool, PostgreSQL's server) works beside them. One chunk is stored at a time (the
        // connection is the transaction's one).
        var storing: Task<Void, any Error>?
        do {
            try await feed { (chunk: [ParsedMeasurement]) async throws -> Void in
                let rows = normalizingOwnUnit(chunk) { entries[$0]?.ownUnit }
                var series: [String: Set<String>] = [:]
                for row in rows { series[row.indicator, default: []].insert(row.orgUnit ?? "") }
                ReadModelChanges.mark(series: series)
                summary.heldProvisional += rows.lazy.filter(\.heldProvisional).count
                // An indicator's values go straight in when it had none before this import.
                let straight = Set(series.keys.filter { entries[$0]?.hasValues == false })
                let direct = straight.count == series.count ? rows : rows.filter { straight.contains($0.indicator) }
                let compared = direct.count == rows.count ? [] : rows.filter { !straight.contains($0.indicator) }
                try await storing?.value
                if !compared.isEmpty, staging == nil {
                    staging = MeasurementStaging(sql)
                    try await staging?.create()
                }
                let offset = done, directCount = direct.count
                let directProgress = progress.map { progress in { @Sendable (stored: Int) in progress(offset + stored) } }
                let stagedProgress = progress.map { progress in { @Sendable (stored: Int) in progress(offset + directCount + stored) } }
                let stagingTable = staging
                storing = Task { () async throws -> Void in
                    if !direct.isEmpty {
                        try await bulkInsert(direct, batchID: batchID, into: MeasurementTable.name, on: sql, progress: directProgress)
                    }
                    if let stagingTable, !compared.isEmpty {
                        try await stagingTable.add(compared, batchID: batchID, progress: stagedProgress)
                    }
                }
                done += rows.count
                added += direct.count
                staged += compared.count
            }
            try await storing?.value
        } catch {
            // Nothing is still being written when the transaction rolls back.
            _ = try? await storing?.value
            throw error
        }
        summary.added = added
        if let staging {
            try await staging.requireReasons()
            summary.revised = try await staging.keepRevisions(batchID: batchID)
            summary.added += try await staging.apply() - summary.revised
            summary.unchanged = done - summary.added - summary.revised
            try await staging.drop()
        }
        guard summary.added > 0 || summary.revised > 0 else { return summary }
        try await refreshStatistics(afterWriting: summary.added + summary.revised, on: sql)
        try await recordBatch(batch, kind: kind, label: label, summary: summary, audit: audit, on: db)
        try await AuditLog.record(auditEntries(kind: kind, label: label, summary: summary, additions: [], revisions: [], audit: audit), on: db)
        summary.batchID = batchID
        return summary
    }

    /// PostgreSQL plans from statistics that a bulk load leaves behind (a table loaded from empty has none): the read
    /// model's read-back of each group then ran as a parallel scan and a sort, workers started and stopped for every
    /// query, instead of one index scan in key order. ANALYZE reads a fixed sample, sees the transaction's own rows
    /// and is rolled back with it; only the two columns those queries select by are analysed (0.07 s for a million
    /// rows, where every column took 0.16 s), the others are left to autovacuum, which analyses the table once the
    /// load is committed. SQLite reads the index without statistics.
    static func refreshStatistics(afterWriting rows: Int, on sql: any SQLDatabase) async throws {
        guard rows >= 10_000, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ANALYZE \(ident: MeasurementTable.name) (indicator_code, org_unit_code)").run()
    }

    /// A row naming its indicator's own unit (`ownUnit` of its code) is the total: stored with no org unit. Rows
    /// already free of such units are returned as they are.
    static func normalizingOwnUnit(_ rows: [ParsedMeasurement], ownUnit: (String) -> String?) -> [ParsedMeasurement] {
        guard rows.contains(where: { $0.orgUnit != nil && $0.orgUnit == ownUnit($0.indicator) }) else { return rows }
        return rows.map { row in
            var row = row
            if row.orgUnit != nil, row.orgUnit == ownUnit(row.indicator) { row.orgUnit = nil }
            return row
        }
    }
}

/// What a bulk load needs to know of an indicator before storing its rows.
struct IndicatorEntry: Sendable {
    /// A row naming this unit is the indicator's total.
    var ownUnit: String
    /// Whether values of it were stored before: its rows are then compared with them instead of going straight in.
    var hasValues: Bool

    /// Every indicator of the framework, in one statement: a probe of the measurements' index per indicator (a
    /// correlated subquery with LIMIT 1, which neither database turns into a scan of the table). One framework's
    /// worth of small entries, read once, where looking up each chunk's new indicators made the database wait for
    /// them between chunks.
    static func all(on sql: any SQLDatabase) async throws -> [String: IndicatorEntry] {
        let rows = try await sql.raw("""
            SELECT i.code, i.org_unit_code, \
            (SELECT 1 FROM \(ident: MeasurementTable.name) m WHERE m.indicator_code = i.code LIMIT 1) AS has_values \
            FROM \(ident: IndicatorModel.schema) i
            """).all()
        var entries: [String: IndicatorEntry] = [:]
        entries.reserveCapacity(rows.count)
        for row in rows {
            entries[try row.decode(column: "code", as: String.self)] = IndicatorEntry(
                ownUnit: try row.decode(column: "org_unit_code", as: String.self),
                hasValues: try row.decode(column: "has_values", as: Int?.self) != nil
            )
        }
        return entries
    }
}
