import FluentKit

/// Sign-in attempts, for rate limiting per account and per address.
struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttemptModel.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttemptModel.schema).delete()
    }
}
