import FluentKit

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("org_unit_code", .string)
            .field("title", .string)
            .field("position", .int, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema).delete()
    }
}
