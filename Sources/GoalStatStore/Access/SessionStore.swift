import FluentKit
import Foundation
import GoalStatCore

/// Browser sessions, stored in the database so that every server process shares them; only token hashes are kept.
public enum SessionStore {
    /// A working day: after this a person signs in again, however active they were.
    public static let defaultLifetime: TimeInterval = 8 * 60 * 60

    /// Opens a session for an active user.
    public static func create(
        for userID: UserID, now: Date, lifetime: TimeInterval = defaultLifetime, on db: any Database
    ) async throws -> NewUserSession {
        guard let user = try await UserStore.find(id: userID, on: db), user.isActive else {
            throw AccessError.unknownUser(userID.description)
        }
        let token = SecretToken.make()
        let model = SessionModel()
        model.tokenHash = TokenHash.hex(of: token)
        model.userID = userID.rawValue
        model.createdAt = now
        model.expiresAt = now.addingTimeInterval(lifetime)
        model.csrfSecret = SecretToken.make()
        try await Transactions.run(on: db) { db in try await model.create(on: db) }
        return NewUserSession(
            token: token,
            session: UserSession(id: try model.requireID(), user: user, expiresAt: model.expiresAt, csrfSecret: model.csrfSecret)
        )
    }

    /// The session a cookie's token opens, if it has not expired and its user is still active.
    public static func find(token: String, now: Date, on db: any Database) async throws -> UserSession? {
        guard let model = try await SessionModel.query(on: db).filter(\.$tokenHash == TokenHash.hex(of: token)).first(),
              model.expiresAt > now,
              let user = try await UserStore.find(id: UserID(model.userID), on: db), user.isActive
        else { return nil }
        return UserSession(id: try model.requireID(), user: user, expiresAt: model.expiresAt, csrfSecret: model.csrfSecret)
    }

    /// Signs out the session with this token (nothing happens for an unknown one).
    public static func delete(token: String, on db: any Database) async throws {
        try await Transactions.run(on: db) { db in
            try await SessionModel.query(on: db).filter(\.$tokenHash == TokenHash.hex(of: token)).delete()
            try await AccessState.changed(on: db)
        }
    }

    /// Signs a user out everywhere (password change, deactivation).
    public static func deleteAll(for userID: UserID, on db: any Database) async throws {
        try await Transactions.run(on: db) { db in
            try await SessionModel.query(on: db).filter(\.$userID == userID.rawValue).delete()
            try await AccessState.changed(on: db)
        }
    }

    /// Removes sessions that expired before `now`; returns how many. Safe to run from any process at any time.
    @discardableResult
    public static func deleteExpired(now: Date, on db: any Database) async throws -> Int {
        try await Transactions.run(on: db) { db in
            let count = try await SessionModel.query(on: db).filter(\.$expiresAt <= now).count()
            try await SessionModel.query(on: db).filter(\.$expiresAt <= now).delete()
            if count > 0 { try await AccessState.changed(on: db) }
            return count
        }
    }
}
