import FluentPostgresDriver
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// The read model's series come from PostgreSQL as arrays read from the binary format in place (`PostgresArrays`).
@Suite("PostgreSQL arrays read in place", .enabled(if: TestDatabase.kind == .postgres))
struct PostgresArraysTests {
    @Test("texts, numbers and whole numbers come back as sent; an empty array is empty; a NULL element is an error")
    func readsArrays() async throws {
        try await TestDatabase.withFresh { store in
            let postgres = try #require(store.database as? any PostgresDatabase)
            let rows = try await postgres.query("""
                SELECT ARRAY['IND-0001', '', 'café ✓']::text[], ARRAY[1.5, -0.000125, 'NaN']::float8[], ARRAY[0, 3]::int8[],
                ARRAY[7]::int4[], ARRAY[]::text[], ARRAY['a', NULL]::text[]
                """, []).get().rows
            let row = try #require(rows.first)
            let cells = Array(row)
            try #require(cells.count == 6)
            let (texts, doubles, bigs, smalls, empty, withNull) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
            #expect(try PostgresArrays.texts(texts) == ["IND-0001", "", "café ✓"])
            let numbers = try PostgresArrays.doubles(doubles)
            #expect(numbers.prefix(2) == [1.5, -0.000125])
            #expect(numbers.last?.isNaN == true)
            #expect(try PostgresArrays.integers(bigs) == [0, 3])
            #expect(try PostgresArrays.integers(smalls) == [7])
            #expect(try PostgresArrays.texts(empty).isEmpty)
            #expect(throws: StoreError.self) { try PostgresArrays.texts(withNull) }
        }
    }
}
