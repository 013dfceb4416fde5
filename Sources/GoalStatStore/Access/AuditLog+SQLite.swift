import FluentSQLiteDriver
import Foundation
import GoalStatCore

extension AuditLog {
    /// Rows per statement on SQLite's fallback path: at most 11 numbered parameters a row stays below SQLite's 32,766.
    static let sqliteChunk = 1_000

    /// `record` on SQLite: one INSERT prepared on the connection's handle (`SQLiteHandle`) and stepped per entry, the
    /// values bound as SQLKit's encoder makes them (a UUID as its uppercase text, a date as seconds since 1970), so
    /// the stored rows are the same as Fluent's. A framework import writes 53,668 entries (docs/benchmarks.md):
    /// SQLiteNIO parsed each 1,000-row INSERT anew. When the handle cannot be reached, multi-row INSERTs through
    /// SQLiteNIO.
    static func recordOnSQLite(_ entries: [AuditEntry], firstSequence: Int, on sqlite: any SQLiteDatabase) async throws {
        let done: Void? = try await SQLiteHandle.run(on: sqlite) { handle in
            try insert(entries, firstSequence: firstSequence, on: handle)
        }
        if done == nil { try await recordInMultiRowInserts(entries, firstSequence: firstSequence, on: sqlite) }
    }

    private static func insert(_ entries: [AuditEntry], firstSequence: Int, on db: OpaquePointer) throws {
        let statement = try SQLiteRawStatement(
            "INSERT INTO audit_entries (id, at, actor, source, batch_id, entity_kind, entity_key, field, old_value, new_value, sequence)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            on: db
        )
        var previous: AuditEntry?
        for (offset, entry) in entries.enumerated() {
            statement.bind(1, UUID().uuidString)
            // Binds stay after a step: the time, actor, source and batch an import's entries share are bound once.
            if previous.map({ sameContext($0, entry) }) != true {
                for (index, value) in commonValues(of: entry).enumerated() { statement.bind(Int32(index + 2), value) }
            }
            statement.bind(6, entry.entity.rawValue)
            statement.bind(7, entry.key)
            statement.bind(8, entry.field)
            statement.bind(9, entry.oldValue)
            statement.bind(10, entry.newValue)
            statement.bind(11, firstSequence + offset)
            try statement.run()
            previous = entry
        }
    }

    /// Multi-row INSERTs through SQLiteNIO, the time, actor, source and batch that every entry of a chunk shares
    /// bound once as parameters ?1–?4 that each row names.
    private static func recordInMultiRowInserts(_ entries: [AuditEntry], firstSequence: Int, on sqlite: any SQLiteDatabase) async throws {
        var statements: [SQLiteAuditStatement: String] = [:]
        var binds: [SQLiteData] = []
        binds.reserveCapacity(sqliteChunk * 11)
        for start in stride(from: 0, to: entries.count, by: sqliteChunk) {
            let chunk = entries[start..<min(start + sqliteChunk, entries.count)]
            let first = chunk[chunk.startIndex]
            let shared = chunk.allSatisfy { sameContext($0, first) }
            binds.removeAll(keepingCapacity: true)
            if shared { binds += commonValues(of: first) }
            for (offset, entry) in zip(chunk.indices, chunk) {
                binds.append(.text(UUID().uuidString))
                if !shared { binds += commonValues(of: entry) }
                binds.append(.text(entry.entity.rawValue))
                binds.append(.text(entry.key))
                binds.append(.text(entry.field))
                binds.append(entry.oldValue.map(SQLiteData.text) ?? .null)
                binds.append(entry.newValue.map(SQLiteData.text) ?? .null)
                binds.append(.integer(firstSequence + offset))
            }
            let shape = SQLiteAuditStatement(rows: chunk.count, shared: shared)
            let sql = statements[shape] ?? shape.text
            statements[shape] = sql
            _ = try await sqlite.query(sql, binds)
        }
    }

    /// Whether two entries have the same time, actor, source and batch.
    private static func sameContext(_ one: AuditEntry, _ other: AuditEntry) -> Bool {
        one.at == other.at && one.actor == other.actor && one.source == other.source && one.batch == other.batch
    }

    /// The at, actor, source and batch columns, in that order.
    private static func commonValues(of entry: AuditEntry) -> [SQLiteData] {
        [
            .float(entry.at.timeIntervalSince1970), entry.actor.map { .text(UserAccount.normalizedEmail($0)) } ?? .null,
            .text(entry.source.rawValue), entry.batch.map { .text($0.uuidString) } ?? .null,
        ]
    }
}

/// One multi-row audit INSERT with numbered parameters: `shared`, the at, actor, source and batch columns are ?1–?4.
private struct SQLiteAuditStatement: Hashable {
    let rows: Int
    let shared: Bool

    var text: String {
        var next = shared ? 5 : 1
        func parameter() -> String {
            defer { next += 1 }
            return "?\(next)"
        }
        let rowsText = (0..<rows).map { _ in
            let id = parameter()
            let common = shared ? ["?1", "?2", "?3", "?4"] : (0..<4).map { _ in parameter() }
            let rest = (0..<6).map { _ in parameter() }
            return "(" + ([id] + common + rest).joined(separator: ", ") + ")"
        }
        return "INSERT INTO audit_entries (id, at, actor, source, batch_id, entity_kind, entity_key, field, old_value, new_value, sequence) VALUES "
            + rowsText.joined(separator: ", ")
    }
}
