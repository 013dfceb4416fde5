import FluentKit

/// Who entered values, when and how (form, API or file import); measurements name their batch.
struct CreateImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportBatchModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("label", .string, .required)
            .field("entered_by", .string)
            .field("entered_at", .datetime, .required)
            .field("rows_added", .int, .required)
            .field("rows_revised", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportBatchModel.schema).delete()
    }
}
