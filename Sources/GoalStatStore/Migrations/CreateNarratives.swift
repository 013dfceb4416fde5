import FluentKit

struct CreateNarratives: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NarrativeModel.schema)
            .id()
            .field("goal_code", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("accomplishments", .string)
            .field("challenges", .string)
            .field("next_steps", .string)
            .field("author", .string)
            .unique(on: "goal_code", "period_start", "period_end")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NarrativeModel.schema).delete()
    }
}
