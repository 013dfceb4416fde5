import FluentKit

struct CreateRebases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RebaseModel.schema)
            .id()
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("period_start", .string, .required)
            .field("period_granularity", .string, .required)
            .field("reason", .string, .required)
            .field("set_by", .string)
            .unique(on: "indicator_code", "org_unit_code", "period_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RebaseModel.schema).delete()
    }
}
