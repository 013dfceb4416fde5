import FluentKit

struct CreateIndicatorGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorGoalModel.schema)
            .id()
            .field("indicator_code", .string, .required)
            .field("goal_code", .string, .required)
            .field("position", .int, .required)
            .unique(on: "indicator_code", "goal_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorGoalModel.schema).delete()
    }
}
