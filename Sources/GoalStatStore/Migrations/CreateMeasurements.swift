import FluentKit

/// Current values, one row per (indicator, org unit, period start). Older values live in `measurement_revisions`.
/// Written through SQLKit (bulk paths), so the table has no Fluent id: its key is its unique triple.
struct CreateMeasurements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeasurementTable.name)
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("period_start", .string, .required)
            .field("value", .double)
            .field("level", .string)
            .field("status", .string, .required)
            .field("note", .string)
            .field("revision", .int, .required)
            .field("batch_id", .string, .required)
            .unique(on: "indicator_code", "org_unit_code", "period_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasurementTable.name).delete()
    }
}
