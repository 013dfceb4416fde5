import FluentKit
import SQLKit

/// On PostgreSQL, the key columns of the current values collate "C", byte order, as the integrity findings' key does
/// (issue 9). The export and the read model read values in byte order of (indicator, org unit, period start); with
/// the database's default collation the unique index could not give that order, and every page of a five-million-row
/// export was sorted. Codes are ASCII and first days ISO dates, so equality and order mean what they meant; the
/// unique index is rebuilt in the new collation. SQLite's TEXT compares bytes already.
struct CollateMeasurementKeysInByteOrder: AsyncMigration {
    static let columns = ["indicator_code", "org_unit_code", "period_start"]

    func prepare(on database: any Database) async throws {
        try await collate(database, as: "C")
    }

    func revert(on database: any Database) async throws {
        try await collate(database, as: "default")
    }

    private func collate(_ database: any Database, as collation: String) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        let changes = Self.columns.map { "ALTER COLUMN \($0) TYPE TEXT COLLATE \"\(collation)\"" }.joined(separator: ", ")
        try await sql.raw("ALTER TABLE \(ident: MeasurementTable.name) \(unsafeRaw: changes)").run()
    }
}
