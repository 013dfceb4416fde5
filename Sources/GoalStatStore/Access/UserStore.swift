import FluentKit
import Foundation
import GoalStatCore

/// Accounts and their roles. Every change is written to the audit log in the same transaction.
///
/// Hashing goes through a `PasswordHasher` value: the store does not depend on Vapor, whose Bcrypt the server
/// and command line wrap as `BcryptPasswordHasher`; tests pass a fast hasher.
public enum UserStore {
    /// Adds an active user with `grants`; refuses a taken email, an implausible email, an empty name or a weak password.
    public static func create(
        email: String, name: String, password: String, grants: [RoleGrant] = [],
        hasher: some PasswordHasher, context: AuditContext, on db: any Database
    ) async throws -> UserAccount {
        let email = UserAccount.normalizedEmail(email)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextRules.problem(in: email, as: .email) { throw AccessError.invalidText(field: "email", problem) }
        guard UserAccount.isPlausibleEmail(email) else { throw AccessError.invalidEmail(email) }
        guard !name.isEmpty else { throw AccessError.emptyName }
        if let problem = TextRules.problem(in: name, as: .name) { throw AccessError.invalidText(field: "name", problem) }
        try PasswordRules.validate(password, email: email)
        guard try await UserModel.query(on: db).filter(\.$email == email).first() == nil else { throw AccessError.emailTaken(email) }
        let hash = try await hasher.hash(password)
        let user = UserModel()
        user.email = email
        user.name = name
        user.passwordHash = hash
        user.isActive = true
        user.createdAt = context.now
        user.updatedAt = context.now
        return try await Transactions.run(on: db) { db in
            try await user.create(on: db)
            let userID = UserID(try user.requireID())
            let unique = grants.reduce(into: [RoleGrant]()) { if !$0.contains($1) { $0.append($1) } }
            for grant in unique { try await insert(grant, for: userID, at: context.now, on: db) }
            var entries = context.entries(.user, key: email, old: nil as AuditedUser?, new: user.audited)
            entries += context.entries(.user, key: email, old: nil as [String]?, new: unique.isEmpty ? nil : unique.map(\.description))
                .map { var entry = $0; entry.field = "grants"; return entry }
            try await AuditLog.record(entries, on: db)
            return user.domain(grants: unique)
        }
    }

    public static func find(email: String, on db: any Database) async throws -> UserAccount? {
        guard TextRules.problem(in: email, as: .email) == nil else { return nil }
        guard let user = try await UserModel.query(on: db).filter(\.$email == UserAccount.normalizedEmail(email)).first() else { return nil }
        return user.domain(grants: try await grants(of: user.requireID(), on: db))
    }

    public static func find(id: UserID, on db: any Database) async throws -> UserAccount? {
        guard let user = try await UserModel.find(id.rawValue, on: db) else { return nil }
        return user.domain(grants: try await grants(of: id.rawValue, on: db))
    }

    /// Every user, by email, with their roles.
    public static func all(on db: any Database) async throws -> [UserAccount] {
        let users = try await UserModel.query(on: db).sort(\.$email).all()
        let grants = try await RoleGrantModel.query(on: db).sort(\.$createdAt).all()
        let byUser = Dictionary(grouping: grants, by: \.userID)
        return users.map { user in user.domain(grants: (byUser[user.id ?? UUID()] ?? []).compactMap(\.domain)) }
    }

    public static func count(on db: any Database) async throws -> Int {
        try await UserModel.query(on: db).count()
    }

    /// The active user with this email and password, or nil. An unknown email costs one hash too, so that the
    /// answer time does not tell an attacker which emails have accounts.
    public static func authenticate(
        email: String, password: String, hasher: some PasswordHasher, on db: any Database
    ) async throws -> UserAccount? {
        // A text no account can have (a NUL byte, which PostgreSQL refuses) is not looked up, only hashed for time.
        guard TextRules.problem(in: email, as: .email) == nil,
              let user = try await UserModel.query(on: db).filter(\.$email == UserAccount.normalizedEmail(email)).first()
        else {
            _ = try await hasher.hash(password)
            return nil
        }
        guard try await hasher.verify(password, against: user.passwordHash), user.isActive else { return nil }
        return user.domain(grants: try await grants(of: user.requireID(), on: db))
    }

    /// Sets a new password and signs the user out everywhere (the caller opens a new session if they want one).
    public static func changePassword(
        of id: UserID, to password: String, hasher: some PasswordHasher, context: AuditContext, on db: any Database
    ) async throws {
        let user = try await require(id, on: db)
        try PasswordRules.validate(password, email: user.email)
        let hash = try await hasher.hash(password)
        try await Transactions.run(on: db) { db in
            user.passwordHash = hash
            user.updatedAt = context.now
            try await user.update(on: db)
            try await SessionStore.deleteAll(for: id, on: db)
            try await AuditLog.record([
                AuditEntry(actor: context.actor, at: context.now, entity: .user, key: user.email, field: "password",
                           oldValue: nil, newValue: "\"(changed)\"", source: context.source, batch: context.batch),
            ], on: db)
        }
    }

    /// Deactivates (or reactivates) a user; deactivating ends their sessions at once. Users are never deleted.
    public static func setActive(_ isActive: Bool, for id: UserID, context: AuditContext, on db: any Database) async throws {
        let user = try await require(id, on: db)
        guard user.isActive != isActive else { return }
        let before = user.audited
        try await Transactions.run(on: db) { db in
            user.isActive = isActive
            user.updatedAt = context.now
            try await user.update(on: db)
            if !isActive { try await SessionStore.deleteAll(for: id, on: db) }
            try await AccessState.changed(on: db)
            try await AuditLog.record(context.entries(.user, key: user.email, old: before, new: user.audited), on: db)
        }
    }

    /// Gives a user a role at a unit; giving one they already hold changes nothing.
    public static func grant(_ grant: RoleGrant, to id: UserID, context: AuditContext, on db: any Database) async throws {
        try await changeGrants(of: id, context: context, on: db) { $0.contains(grant) ? nil : $0 + [grant] }
    }

    /// Takes a role at a unit away from a user; taking one they do not hold changes nothing.
    public static func revoke(_ grant: RoleGrant, from id: UserID, context: AuditContext, on db: any Database) async throws {
        try await changeGrants(of: id, context: context, on: db) { $0.contains(grant) ? $0.filter { $0 != grant } : nil }
    }

    /// The roles a user holds.
    public static func grants(of id: UUID, on db: any Database) async throws -> [RoleGrant] {
        try await RoleGrantModel.query(on: db).filter(\.$userID == id).sort(\.$createdAt).all().compactMap(\.domain)
    }

    private static func changeGrants(
        of id: UserID, context: AuditContext, on db: any Database, _ change: @escaping @Sendable ([RoleGrant]) -> [RoleGrant]?
    ) async throws {
        let user = try await require(id, on: db)
        try await Transactions.run(on: db) { db in
            let before = try await grants(of: id.rawValue, on: db)
            guard let after = change(before) else { return }
            for grant in before where !after.contains(grant) {
                let query = RoleGrantModel.query(on: db).filter(\.$userID == id.rawValue).filter(\.$role == grant.role.rawValue)
                if let unit = grant.orgUnit { query.filter(\.$orgUnitCode == unit) } else { query.filter(\.$orgUnitCode == nil) }
                try await query.delete()
            }
            for grant in after where !before.contains(grant) { try await insert(grant, for: id, at: context.now, on: db) }
            try await AccessState.changed(on: db)
            let entries = context.entries(.user, key: user.email, old: before.map(\.description), new: after.map(\.description))
                .map { var entry = $0; entry.field = "grants"; return entry }
            try await AuditLog.record(entries, on: db)
        }
    }

    private static func insert(_ grant: RoleGrant, for id: UserID, at date: Date, on db: any Database) async throws {
        let model = RoleGrantModel()
        model.userID = id.rawValue
        model.role = grant.role.rawValue
        model.orgUnitCode = grant.orgUnit
        model.createdAt = date
        try await model.create(on: db)
    }

    private static func require(_ id: UserID, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.find(id.rawValue, on: db) else { throw AccessError.unknownUser(id.description) }
        return user
    }
}
