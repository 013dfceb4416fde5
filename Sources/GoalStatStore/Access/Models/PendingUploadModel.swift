import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// One uploaded file awaiting its commit: the bytes as sent, whose they are, and until when they are kept.
final class PendingUploadModel: Model, @unchecked Sendable {
    static let schema = "pending_uploads"

    /// The token the preview page's commit form carries: random, and good only for `userID`.
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: Data
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
