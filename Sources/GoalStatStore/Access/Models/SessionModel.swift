import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// A signed-in browser. In the database, not in memory, so that every server process sees every session.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    /// SHA-256 of the cookie's token: a copy of the table does not let anyone sign in.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// Per-session secret that form CSRF tokens are checked against.
    @Field(key: "csrf_secret") var csrfSecret: String

    init() {}
}
