import FluentSQLiteDriver
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import SQLKit
import Testing

/// The bulk paths on SQLite's raw handle (`SQLiteHandle`): an import's prepared INSERT and the read model's read-back.
@Suite("SQLite's raw handle", .enabled(if: TestDatabase.kind == .sqlite))
struct SQLiteHandleTests {
    private static let awkward = "it's \"quoted\", on two\nlines; café ✓ and a NUL-free emoji 🙂"

    private static let rows: [ParsedMeasurement] = {
        var quarterly = ParsedMeasurement(
            line: 4, indicator: "IND-B", period: .fiscalQuarter(fiscalYear: 2026, quarter: 1, calendar: .federal), orgUnit: "",
            value: -0.000125, level: "Green", status: .provisional, note: ""
        )
        quarterly.reason = "Late extract"
        return [
            ParsedMeasurement(line: 2, indicator: "IND-A", period: .month(year: 2026, month: 1), value: 12.5),
            ParsedMeasurement(
                line: 3, indicator: "IND-A", period: .month(year: 2026, month: 1), orgUnit: "OFFICE-NORTH", status: .missing, note: awkward
            ),
            quarterly,
        ]
    }()

    /// A table of the measurements' columns; `extra` is a column or a constraint more.
    private static func createTable(_ name: String, extra: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            CREATE TABLE \(unsafeRaw: name) (indicator_code TEXT, org_unit_code TEXT, period_start TEXT, value DOUBLE, level TEXT,
            status TEXT, note TEXT, revision INTEGER, batch_id TEXT, reason TEXT, \(unsafeRaw: extra))
            """).run()
    }

    @Test("the handle of the connection is reached, so imports take the fast path")
    func handleIsReached() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let version = try await SQLiteHandle.run(on: sqlite) { handle in
                let statement = try SQLiteRawStatement("SELECT sqlite_version()", on: handle, persistent: false)
                return try statement.step() ? statement.text(0) : ""
            }
            #expect(version?.hasPrefix("3.") == true)
        }
    }

    @Test("the prepared INSERT stores every value as given: text, NULL, the empty text, numbers, lines")
    func storesValuesAsGiven() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let sql = try #require(store.database as? any SQLDatabase)
            try await Self.createTable("t", extra: "line INTEGER", on: sql)
            let reached = try await SQLiteBulkInsert.insert(Self.rows, batchID: "B-1", into: sqlite, table: "t", withLines: true, progress: nil)
            #expect(reached)
            let stored = try await sql.raw("""
                SELECT indicator_code, org_unit_code, period_start, value, level, status, note, revision, batch_id, reason, line,
                typeof(org_unit_code) AS unit_type, typeof(value) AS value_type FROM t ORDER BY line
                """).all()
            #expect(stored.count == 3)
            for (row, given) in zip(stored, Self.rows) {
                #expect(try row.decode(column: "indicator_code", as: String.self) == given.indicator)
                #expect(try row.decode(column: "org_unit_code", as: String.self) == given.orgUnit ?? "")
                #expect(try row.decode(column: "unit_type", as: String.self) == "text")
                #expect(try row.decode(column: "period_start", as: String.self) == PeriodStorage.start(given.period))
                #expect(try row.decode(column: "value", as: Double?.self) == given.value)
                #expect(try row.decode(column: "value_type", as: String.self) == (given.value == nil ? "null" : "real"))
                #expect(try row.decode(column: "level", as: String?.self) == given.level)
                #expect(try row.decode(column: "status", as: String.self) == given.status.rawValue)
                #expect(try row.decode(column: "note", as: String?.self) == given.note)
                #expect(try row.decode(column: "revision", as: Int.self) == 0)
                #expect(try row.decode(column: "batch_id", as: String.self) == "B-1")
                #expect(try row.decode(column: "reason", as: String?.self) == given.reason)
                #expect(try row.decode(column: "line", as: Int.self) == given.line)
            }
        }
    }

    @Test("a row that breaks a constraint fails the load with SQLite's message, not a crash")
    func conflictFails() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let sql = try #require(store.database as? any SQLDatabase)
            try await Self.createTable("u", extra: "UNIQUE (indicator_code, org_unit_code, period_start)", on: sql)
            let twice = [Self.rows[0], Self.rows[0]]
            await #expect {
                _ = try await SQLiteBulkInsert.insert(twice, batchID: "B-1", into: sqlite, table: "u", progress: nil)
            } throws: { error in
                (error as? SQLiteStatementError)?.primaryCode == 19 && "\(error)".contains("UNIQUE")
            }
        }
    }

    @Test("a text equal to the row before's is that row's string; a different one is read afresh")
    func sameTextIsShared() async throws {
        try await TestDatabase.withFresh { store in
            let sqlite = try #require(store.database as? any SQLiteDatabase)
            let texts = try await SQLiteHandle.run(on: sqlite) { handle -> [String] in
                let statement = try SQLiteRawStatement(
                    "SELECT 'IND-0001' UNION ALL SELECT 'IND-0001' UNION ALL SELECT 'IND-0002' UNION ALL SELECT ''", on: handle,
                    persistent: false
                )
                var texts: [String] = []
                var last = "IND-0001"
                while try statement.step() {
                    last = statement.text(0, same: last)
                    texts.append(last)
                }
                return texts
            }
            #expect(texts == ["IND-0001", "IND-0001", "IND-0002", ""])
        }
    }
}
