import Foundation
import GoalStatCore

/// What is known about an API token; never the token itself.
public struct APITokenRecord: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var owner: UserID
    /// The roles and units the token may use; effective only as far as the owner still holds them.
    public var grants: [RoleGrant]
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var lastUsedAt: Date?
}

/// A token just created: `token` is shown to the person once and is not stored anywhere (only its hash is).
public struct NewAPIToken: Sendable {
    public var token: String
    public var record: APITokenRecord
}

/// A token that verified: its record and its active owner.
public struct VerifiedAPIToken: Sendable, Equatable {
    public var record: APITokenRecord
    public var owner: UserAccount

    /// The token's grants that the owner still holds (directly or through a wider grant): taking a role away
    /// from a person also takes it away from their tokens.
    public func effectiveGrants(tree: OrgTree) -> [RoleGrant] {
        record.grants.filter { AccessPolicy.covers(owner.grants, [$0], tree: tree) }
    }
}

extension APITokenModel {
    var domain: APITokenRecord {
        APITokenRecord(
            id: id ?? UUID(), name: name, owner: UserID(userID),
            grants: JSONColumn.decode([RoleGrant].self, from: grants) ?? [],
            createdAt: createdAt, expiresAt: expiresAt, revokedAt: revokedAt, lastUsedAt: lastUsedAt
        )
    }
}
