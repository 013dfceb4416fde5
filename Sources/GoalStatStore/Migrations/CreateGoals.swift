import FluentKit

struct CreateGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GoalModel.schema)
            .id()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("parent_code", .string)
            .field("name", .string, .required)
            .field("statement", .string)
            .field("org_unit_code", .string)
            .field("leader_email", .string)
            .field("deputies_json", .string, .required)
            .field("period_from", .string)
            .field("period_to", .string)
            .field("perspective", .string)
            .field("focus", .bool, .required)
            .field("is_public", .bool, .required)
            .field("position", .int, .required)
            .field("version", .int, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GoalModel.schema).delete()
    }
}
