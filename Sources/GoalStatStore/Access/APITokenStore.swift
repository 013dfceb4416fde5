import FluentKit
import Foundation
import GoalStatCore

/// Bearer tokens for machines: created for a user with scoped roles, shown once, stored as SHA-256, revocable.
public enum APITokenStore {
    /// Every token starts with this, so that secret scanners and people recognise a leaked one.
    public static let prefix = "gst_"

    /// Creates a token; the returned `token` is the only copy there will ever be.
    public static func create(
        name: String, owner: UserID, grants: [RoleGrant], expiresAt: Date? = nil,
        context: AuditContext, on db: any Database
    ) async throws -> NewAPIToken {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw AccessError.emptyName }
        if let problem = TextRules.problem(in: name, as: .name) { throw AccessError.invalidText(field: "name", problem) }
        guard let user = try await UserStore.find(id: owner, on: db), user.isActive else { throw AccessError.unknownUser(owner.description) }
        let token = SecretToken.make(prefix: prefix)
        let model = APITokenModel()
        model.name = name
        model.tokenHash = TokenHash.hex(of: token)
        model.userID = owner.rawValue
        model.grants = JSONColumn.encode(grants)
        model.createdAt = context.now
        model.expiresAt = expiresAt
        return try await Transactions.run(on: db) { db in
            try await model.create(on: db)
            let record = model.domain
            try await AuditLog.record(
                context.entries(.apiToken, key: record.id.uuidString, old: nil as AuditedToken?, new: AuditedToken(record, ownerEmail: user.email)),
                on: db
            )
            return NewAPIToken(token: token, record: record)
        }
    }

    /// The token's record and owner, if the token is known, not revoked, not expired, and its owner is active.
    /// Notes the time of use, to the minute: a write on every call would queue every request of a busy client
    /// behind the database's one writer.
    public static func verify(token: String, now: Date, on db: any Database) async throws -> VerifiedAPIToken? {
        guard token.hasPrefix(prefix),
              let model = try await APITokenModel.query(on: db).filter(\.$tokenHash == TokenHash.hex(of: token)).first(),
              model.revokedAt == nil,
              model.expiresAt.map({ $0 > now }) ?? true,
              let owner = try await UserStore.find(id: UserID(model.userID), on: db), owner.isActive
        else { return nil }
        var verified = VerifiedAPIToken(record: model.domain, owner: owner)
        try await noteUse(of: &verified, now: now, on: db)
        return verified
    }

    /// Notes the use of a verified token, at most once per `lastUseResolution`: a process that keeps verified tokens
    /// (the server's cache) calls this on each use instead of `verify`.
    public static func noteUse(of token: inout VerifiedAPIToken, now: Date, on db: any Database) async throws {
        guard token.record.lastUsedAt.map({ now.timeIntervalSince($0) >= lastUseResolution || now < $0 }) ?? true else { return }
        let id = token.record.id
        try await Transactions.run(on: db) { db in
            try await APITokenModel.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
        }
        token.record.lastUsedAt = now
    }

    /// How precisely the last use of a token is kept, in seconds.
    static let lastUseResolution: TimeInterval = 60

    /// Revokes a token for good; returns false when there is no such token or it was already revoked.
    @discardableResult
    public static func revoke(id: UUID, context: AuditContext, on db: any Database) async throws -> Bool {
        guard let model = try await APITokenModel.find(id, on: db), model.revokedAt == nil else { return false }
        try await Transactions.run(on: db) { db in
            model.revokedAt = context.now
            try await model.update(on: db)
            try await AccessState.changed(on: db)
            try await AuditLog.record([
                AuditEntry(actor: context.actor, at: context.now, entity: .apiToken, key: id.uuidString, field: "revokedAt",
                           oldValue: nil, newValue: AuditDiff.flatten(context.now)[""], source: context.source, batch: context.batch),
            ], on: db)
        }
        return true
    }

    /// The tokens of one owner, or of everyone, newest first.
    public static func list(owner: UserID? = nil, on db: any Database) async throws -> [APITokenRecord] {
        let query = APITokenModel.query(on: db).sort(\.$createdAt, .descending)
        if let owner { query.filter(\.$userID == owner.rawValue) }
        return try await query.all().map(\.domain)
    }
}

/// What the audit log records of a new token.
private struct AuditedToken: Encodable {
    var name: String
    var owner: String
    var grants: [String]
    var expiresAt: Date?

    init(_ record: APITokenRecord, ownerEmail: String) {
        name = record.name
        owner = ownerEmail
        grants = record.grants.map(\.description)
        expiresAt = record.expiresAt
    }
}
