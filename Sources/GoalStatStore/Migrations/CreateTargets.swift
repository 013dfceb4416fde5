import FluentKit

struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetModel.schema)
            .id()
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("period_granularity", .string, .required)
            .field("value", .double)
            .field("range_min", .double)
            .field("range_max", .double)
            .field("rationale", .string)
            .field("set_on", .string, .required)
            .field("set_by", .string)
            .field("benchmark_kind", .string)
            .field("benchmark_value", .double)
            .field("benchmark_source", .string)
            .field("created_at", .datetime)
            .unique(on: "indicator_code", "org_unit_code", "period_start", "period_end", "set_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetModel.schema).delete()
    }
}
