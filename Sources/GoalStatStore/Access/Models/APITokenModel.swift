import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// A machine's bearer token: only its SHA-256 is stored; the token itself is shown once, at creation.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The user the token acts for; deactivating them stops the token.
    @Field(key: "user_id") var userID: UUID
    /// The roles and units the token may use, as JSON text (`[RoleGrant]`).
    @Field(key: "grants") var grants: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
}
