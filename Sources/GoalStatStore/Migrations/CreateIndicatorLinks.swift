import FluentKit

struct CreateIndicatorLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorLinkModel.schema)
            .id()
            .field("driver_code", .string, .required)
            .field("result_code", .string, .required)
            .field("expected_sign", .string, .required)
            .field("lag_periods", .int, .required)
            .field("position", .int, .required)
            .unique(on: "driver_code", "result_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorLinkModel.schema).delete()
    }
}
