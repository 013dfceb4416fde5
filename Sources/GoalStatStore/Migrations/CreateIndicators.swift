import FluentKit

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("definition", .string)
            .field("methodology", .string)
            .field("source", .string)
            .field("unit", .string, .required)
            .field("per", .int)
            .field("decimals", .int, .required)
            .field("direction", .string, .required)
            .field("frequency", .string, .required)
            .field("aggregation", .string, .required)
            .field("stage", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("steward_email", .string)
            .field("rank", .string, .required)
            .field("guardrail", .bool, .required)
            .field("is_public", .bool, .required)
            .field("formula", .string)
            .field("levels_json", .string)
            .field("data_quality_json", .string)
            .field("position", .int, .required)
            .field("version", .int, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorModel.schema).delete()
    }
}
