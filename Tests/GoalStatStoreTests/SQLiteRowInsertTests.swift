import FluentKit
import FluentSQLiteDriver
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import SQLKit
import Testing

/// The prepared INSERTs stepped on SQLite's raw handle (`SQLiteRowInsert`, the audit log's) store what SQLKit's
/// multi-row INSERTs and Fluent's create store: the same storage class and value in every column.
@Suite("SQLite's prepared INSERTs store rows as SQLKit and Fluent do", .enabled(if: TestDatabase.kind == .sqlite))
struct SQLiteRowInsertTests {
    /// Each expression's value for every row, in `order`.
    private static func stored(_ table: String, _ expressions: [String], order: String, on sql: any SQLDatabase) async throws -> [[String]] {
        let list = expressions.enumerated().map { "\($0.element) AS c\($0.offset)" }.joined(separator: ", ")
        return try await sql.raw("SELECT \(unsafeRaw: list) FROM \(unsafeRaw: table) ORDER BY \(unsafeRaw: order)").all().map { row in
            try expressions.indices.map { try row.decode(column: "c\($0)", as: String.self) }
        }
    }

    /// A column's storage class and SQL literal.
    private static func cell(_ column: String) -> String {
        "typeof(\(column)) || ':' || quote(\(column))"
    }

    @Test("UUIDs, dates, booleans, whole and decimal numbers, text, JSON and NULLs are stored as SQLKit's INSERT stores them")
    func valuesAsSQLKit() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let sql = try #require(store.database as? any SQLDatabase)
            let columns = ["k", "a", "b", "c", "d", "e", "f", "g", "h", "i"]
            // No declared types: no column affinity converts a value, so each is stored as it was bound.
            for table in ["fast", "kit"] { try await sql.raw("CREATE TABLE \(unsafeRaw: table) (k, a, b, c, d, e, f, g, h, i)").run() }
            let id = UUID()
            let rows: [[any SQLExpression]] = [
                [
                    SQLBind(1), SQLBind(id), SQLBind(Date(timeIntervalSince1970: 1_790_000_000.123456)), SQLBind(true), SQLBind(false),
                    SQLBind(42), SQLBind(-0.000125), SQLBind("it's \"quoted\"\non two lines, café ✓ 🙂"), SQLBind(""), SQLLiteral.null,
                ],
                [
                    SQLBind(2), SQLBind(UUID?.none), SQLBind(String?.none), SQLBind(String?.some("x")), SQLBind(Int.min),
                    SQLBind(1e300), SQLBind(["a", "b"]), SQLBind(Double?.some(2.5)), SQLBind(Bool?.some(true)), SQLBind(0),
                ],
            ]
            #expect(try await SQLiteRowInsert.insert(into: "fast", columns: columns, rows, on: sqlite))
            let insert = sql.insert(into: "kit").columns(columns)
            for row in rows { insert.values(row) }
            try await insert.run()
            let fast = try await Self.stored("fast", columns.map(Self.cell), order: "k", on: sql)
            #expect(fast.count == 2)
            #expect(fast == (try await Self.stored("kit", columns.map(Self.cell), order: "k", on: sql)))
            #expect(fast.first?[1] == "text:'\(id.uuidString)'")
        }
    }

    @Test("a value that is neither a bind nor NULL leaves the rows to SQLKit: nothing is written")
    func otherExpressionsFallBack() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.raw("CREATE TABLE t (a, b)").run()
            let rows: [[any SQLExpression]] = [[SQLBind(1), SQLBind(2)], [SQLBind(3), SQLLiteral.default]]
            #expect(try await SQLiteRowInsert.insert(into: "t", columns: ["a", "b"], rows, on: sqlite) == false)
            #expect(try await Self.stored("t", ["a"], order: "a", on: sql).isEmpty)
        }
    }

    @Test("audit entries are stored as Fluent's create stores them, each with its own time, actor, source and batch")
    func auditEntriesAsFluent() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let sql = try #require(db as? any SQLDatabase)
            let at = Date(timeIntervalSince1970: 1_790_000_000.123456)
            var first = AuditEntry(
                actor: "K.Osei@Example.gov", at: at, entity: .indicator, key: "IND-1", field: "name", oldValue: nil,
                newValue: "\"Wait, in days\"", source: .import
            )
            first.batch = UUID()
            var second = first
            second.field = "unit"
            second.oldValue = "\"days\""
            let third = AuditEntry(
                actor: nil, at: at.addingTimeInterval(1.5), entity: .goal, key: "G1", field: "", oldValue: "{\"a\":1}", newValue: nil,
                source: .form
            )
            let entries = [first, second, third, first]
            try await AuditLog.record(entries, on: db)
            for (offset, entry) in entries.enumerated() { try await AuditEntryModel(entry, sequence: 100 + offset).create(on: db) }
            let columns = ["at", "actor", "entity_kind", "entity_key", "field", "old_value", "new_value", "source", "batch_id"]
            let id = "typeof(id) || ':' || length(id) || ':' || (id = upper(id))"
            let rows = try await Self.stored("audit_entries", [id, Self.cell("sequence")] + columns.map(Self.cell), order: "sequence", on: sql)
            #expect(rows.count == 8)
            #expect(rows.map { $0[1] } == (0..<4).map { "integer:\($0)" } + (100..<104).map { "integer:\($0)" })
            let recorded = rows.prefix(4).map { [$0[0]] + $0.dropFirst(2) }
            #expect(recorded == rows.suffix(4).map { [$0[0]] + $0.dropFirst(2) })
            #expect(recorded.first?[0] == "text:36:1")
        }
    }
}
