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
    /// staged and compared with the stored values in the database, set-based. Each indicator is looked up once, when
    /// its first row comes. Call inside a transaction.
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
        var ownUnits: [String: String] = [:]
        // Whether an indicator's values go straight in: it had none before this import.
        var straight: [String: Bool] = [:]
        var staging: MeasurementStaging?
        var (done, added, staged) = (0, 0, 0)
        // Each chunk is stored while the reader reads the next: the database's side (SQLite's thread pool,
        // PostgreSQL's server) works beside the reader's task. One chunk is stored at a time, and the lookups of a
        // chunk's new indicators wait for the chunk before (the connection is the transaction's one).
        var storing: Task<Void, any Error>?
        do {
            try await feed { (chunk: [ParsedMeasurement]) async throws -> Void in
                try await storing?.value
                let fresh = Set(chunk.lazy.map(\.indicator)).filter { straight[$0] == nil }
                if !fresh.isEmpty {
                    ownUnits.merge(try await Self.ownUnits(of: fresh, on: db)) { first, _ in first }
                    let withValues = try await indicatorsWithValues(fresh, on: sql)
                    for code in fresh { straight[code] = !withValues.contains(code) }
                }
                let rows = normalizingOwnUnit(chunk, ownUnits: ownUnits)
                var series: [String: Set<String>] = [:]
                for row in rows { series[row.indicator, default: []].insert(row.orgUnit ?? "") }
                ReadModelChanges.mark(series: series)
                summary.heldProvisional += rows.lazy.filter(\.heldProvisional).count
                let direct = rows.allSatisfy { straight[$0.indicator] == true } ? rows : rows.filter { straight[$0.indicator] == true }
                let compared = direct.count == rows.count ? [] : rows.filter { straight[$0.indicator] != true }
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

    /// Those of `indicators` that have values stored: one probe of the index each (LIMIT 1), a few hundred to a
    /// statement, where a DISTINCT would read every value of each indicator.
    static func indicatorsWithValues(_ indicators: Set<String>, on sql: any SQLDatabase) async throws -> Set<String> {
        var found = Set<String>()
        for chunk in Array(indicators).sorted().chunked(200) {
            var query = SQLQueryString("")
            for (index, code) in chunk.enumerated() {
                if index > 0 { query.appendLiteral(" UNION ALL ") }
                query.appendLiteral("SELECT indicator_code FROM (SELECT indicator_code FROM \(MeasurementTable.name) WHERE indicator_code = ")
                query.appendInterpolation(bind: code)
                query.appendLiteral(" LIMIT 1) AS probe")
            }
            for row in try await sql.raw(query).all() {
                found.insert(try row.decode(column: "indicator_code", as: String.self))
            }
        }
        return found
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
