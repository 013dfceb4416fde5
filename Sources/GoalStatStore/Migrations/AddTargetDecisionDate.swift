import FluentKit

/// The date a target decision was taken, beside the date its version was recorded (issue 10).
struct AddTargetDecisionDate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetModel.schema).field("decided_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetModel.schema).deleteField("decided_on").update()
    }
}
