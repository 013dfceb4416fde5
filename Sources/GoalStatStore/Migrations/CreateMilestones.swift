import FluentKit

struct CreateMilestones: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MilestoneModel.schema)
            .id()
            .field("code", .string, .required)
            .field("goal_code", .string, .required)
            .field("name", .string, .required)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("completed_on", .string)
            .field("position", .int, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MilestoneModel.schema).delete()
    }
}
