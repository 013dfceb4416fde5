import FluentKit

/// Files uploaded in the browser and previewed, kept until the person commits or discards them, or they expire.
/// In the database rather than on one server's disk, so that any process serving the database can commit them.
struct CreatePendingUploads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingUploadModel.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingUploadModel.schema).delete()
    }
}
