import FluentKit

/// Roles per user and org unit (SPEC §7); a null unit means everywhere.
struct CreateRoleGrants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrantModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("role", .string, .required)
            .field("org_unit_code", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "role", "org_unit_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleGrantModel.schema).delete()
    }
}
