import FluentKit
import SQLKit

/// Every value a measurement held before a correction: nothing a user entered is silently lost.
struct CreateMeasurementRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeasurementTable.revisions)
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("period_start", .string, .required)
            .field("revision", .int, .required)
            .field("value", .double)
            .field("level", .string)
            .field("status", .string, .required)
            .field("note", .string)
            .field("batch_id", .string, .required)
            .field("superseded_by", .string, .required)
            .unique(on: "indicator_code", "org_unit_code", "period_start", "revision")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasurementTable.revisions).delete()
    }
}
