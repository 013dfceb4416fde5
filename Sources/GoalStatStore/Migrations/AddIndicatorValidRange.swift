import FluentKit

/// An indicator's declared range of plausible values (issue 10), as JSON: `{"min": 0, "max": 100}`.
struct AddIndicatorValidRange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorModel.schema).field("valid_range_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorModel.schema).deleteField("valid_range_json").update()
    }
}
