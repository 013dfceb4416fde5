import FluentSQLiteDriver
import Foundation
import GoalStatCore

extension AuditLog {
    /// Rows per statement on SQLite: at most 11 numbered parameters a row stays below SQLite's 32,766.
    static let sqliteChunk = 1_000

    /// `record` on SQLite: multi-row INSERTs with the values bound straight as `SQLiteData`, made as SQLKit's encoder
    /// makes them (a UUID as its uppercase text, a date as seconds since 1970), so the stored rows are the same. The
    /// time, actor, source and batch that every entry of a chunk shares (an import's or a form's change) are bound
    /// once as parameters ?1–?4 that each row names. SQLKit bridged each of the 11 values a row through `Encodable`,
    /// a framework import writes 53,668 entries (docs/benchmarks.md).
    static func recordOnSQLite(_ entries: [AuditEntry], firstSequence: Int, on sqlite: any SQLiteDatabase) async throws {
        var statements: [SQLiteAuditStatement: String] = [:]
        var binds: [SQLiteData] = []
        binds.reserveCapacity(sqliteChunk * 11)
        for start in stride(from: 0, to: entries.count, by: sqliteChunk) {
            let chunk = entries[start..<min(start + sqliteChunk, entries.count)]
            let first = chunk[chunk.startIndex]
            let shared = chunk.allSatisfy {
                $0.at == first.at && $0.actor == first.actor && $0.source == first.source && $0.batch == first.batch
            }
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
