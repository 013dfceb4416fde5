import FluentKit
import FluentSQLiteDriver
import Foundation
import GoalStatCore
import SQLKit

extension MeasurementStore {
    /// Stores the rows of checked files as ONE bulk-load batch (kind `import` or `demo`), as `store` does, but takes
    /// them a chunk at a time: `feed` calls its argument with each chunk, in file order, and nothing is held beyond
    /// a chunk (SPEC §8). `indicators` are every indicator the rows name and `count` how many rows there are, both
    /// known from checking the files first; the rows must be free of duplicates, a row naming its indicator's own
    /// unit counting as the total (`MeasurementsCSV.read` with `catalog` ensures both).
    ///
    /// As in `store`: values into indicators that have none yet go straight in; otherwise the chunks are staged and
    /// compared with the stored values in the database, set-based. Call inside a transaction.
    public static func storeStreaming(
        indicators: Set<String>, count: Int, kind: EntryKind, label: String, audit: AuditContext, on db: any Database,
        progress: (@Sendable (Int) -> Void)? = nil,
        feed: (_ store: ([ParsedMeasurement]) async throws -> Void) async throws -> Void
    ) async throws -> MeasurementImportSummary {
        precondition(isBulkLoad(kind), "a form or API entry is audited row by row: use store(_:kind:…)")
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var summary = MeasurementImportSummary()
        guard count > 0 else { return summary }
        if !(db is any SQLiteDatabase) {
            try await sql.raw("LOCK TABLE \(ident: MeasurementTable.name) IN SHARE ROW EXCLUSIVE MODE").run()
        }
        let ownUnits = try await ownUnits(of: indicators, on: db)
        var audit = audit
        let batch = audit.batch ?? UUID()
        audit.batch = batch
        let batchID = batch.uuidString
        let direct = try await !hasValues(indicators: indicators, on: sql)
        let staging = MeasurementStaging(sql)
        if !direct { try await staging.create() }

        var done = 0
        // Each chunk is stored while the reader reads the next: the database's side (SQLite's thread pool,
        // PostgreSQL's server) works beside the reader's task. One chunk is stored at a time.
        var storing: Task<Void, any Error>?
        do {
            try await feed { (chunk: [ParsedMeasurement]) async throws -> Void in
                let rows = normalizingOwnUnit(chunk, ownUnits: ownUnits)
                var series: [String: Set<String>] = [:]
                for row in rows { series[row.indicator, default: []].insert(row.orgUnit ?? "") }
                ReadModelChanges.mark(series: series)
                summary.heldProvisional += rows.lazy.filter(\.heldProvisional).count
                let offset = done
                let reportProgress = progress.map { progress in { @Sendable (stored: Int) in progress(offset + stored) } }
                try await storing?.value
                storing = Task {
                    if !direct {
                        try await staging.add(rows, batchID: batchID, progress: reportProgress)
                    } else {
                        try await bulkInsert(rows, batchID: batchID, into: MeasurementTable.name, on: sql, progress: reportProgress)
                    }
                }
                done += rows.count
            }
            try await storing?.value
        } catch {
            // Nothing is still being written when the transaction rolls back.
            _ = try? await storing?.value
            throw error
        }
        if direct {
            summary.added = done
        } else {
            try await staging.requireReasons()
            summary.revised = try await staging.keepRevisions(batchID: batchID)
            summary.added = try await staging.apply() - summary.revised
            summary.unchanged = done - summary.added - summary.revised
            try await staging.drop()
            guard summary.added > 0 || summary.revised > 0 else { return summary }
        }
        try await refreshStatistics(afterWriting: summary.added + summary.revised, on: sql)
        try await recordBatch(batch, kind: kind, label: label, summary: summary, audit: audit, on: db)
        try await AuditLog.record(auditEntries(kind: kind, label: label, summary: summary, additions: [], revisions: [], audit: audit), on: db)
        summary.batchID = batchID
        return summary
    }

    /// PostgreSQL plans from statistics that a bulk load leaves behind (a table loaded from empty has none): the read
    /// model's read-back of each group then ran as a parallel scan and a sort, workers started and stopped for every
    /// query, instead of one index scan in key order. ANALYZE reads a fixed sample (0.17 s for a million rows), sees
    /// the transaction's own rows and is rolled back with it. SQLite reads the index without statistics.
    static func refreshStatistics(afterWriting rows: Int, on sql: any SQLDatabase) async throws {
        guard rows >= 10_000, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ANALYZE \(ident: MeasurementTable.name)").run()
    }

    /// A row naming its indicator's own unit is the total: stored with no org unit.
    private static func normalizingOwnUnit(_ rows: [ParsedMeasurement], ownUnits: [String: String]) -> [ParsedMeasurement] {
        guard rows.contains(where: { $0.orgUnit != nil && $0.orgUnit == ownUnits[$0.indicator] }) else { return rows }
        return rows.map { row in
            var row = row
            if row.orgUnit != nil, row.orgUnit == ownUnits[row.indicator] { row.orgUnit = nil }
            return row
        }
    }
}
