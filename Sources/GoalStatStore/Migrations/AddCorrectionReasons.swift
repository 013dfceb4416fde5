import FluentKit

/// Why a value was corrected (issue 10): on the current row, the reason given when it was entered; on a superseded
/// revision, the reason of the correction that replaced it.
struct AddCorrectionReasons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeasurementTable.name).field("reason", .string).update()
        try await database.schema(MeasurementTable.revisions).field("reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasurementTable.revisions).deleteField("reason").update()
        try await database.schema(MeasurementTable.name).deleteField("reason").update()
    }
}
