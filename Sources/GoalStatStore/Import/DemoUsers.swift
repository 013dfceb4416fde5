import FluentKit
import Foundation
import GoalStatCore

/// One demo user per role, so that a new user can try what each role sees and may change. Their passwords are
/// random, made at load time and returned once (the store keeps only Bcrypt hashes): there is no default password.
public enum DemoUsers {
    /// Who the demo users are: real people of the demo agency where one fits the role.
    public static let accounts: [(email: String, name: String, grant: RoleGrant)] = [
        ("admin@example.gov", "Demo Administrator", RoleGrant(role: .admin)),
        ("r.alvarez@example.gov", "Rosa Alvarez", RoleGrant(role: .pio)),
        ("k.osei@example.gov", "Kwame Osei", RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")),
        ("w.greene@example.gov", "Wendy Greene", RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")),
        ("d.nakamura@example.gov", "Daniel Nakamura", RoleGrant(role: .reviewer)),
        ("p.raman@example.gov", "Priya Raman", RoleGrant(role: .viewer, orgUnit: "DMV-DS")),
        // Appraisals (issue 13): HR for the whole agency, and an employee whose plan is still to be written by her
        // supervisor, Kwame Osei (the goal leader above, whom HR's records name as her rating official).
        ("s.lindqvist@example.gov", "Sofia Lindqvist", RoleGrant(role: .hr)),
        ("n.ortiz@example.gov", "Nadia Ortiz", RoleGrant(role: .employee, orgUnit: "DMV-FO-NORTH")),
    ]

    /// Creates the demo users that do not exist yet; returns the sign-ins made, with their passwords.
    public static func create(hasher: some PasswordHasher, now: Date, on db: any Database) async throws -> [DemoSignIn] {
        var created: [DemoSignIn] = []
        let context = AuditContext(actor: nil, source: .system, now: now)
        for account in accounts where try await UserStore.find(email: account.email, on: db) == nil {
            let password = makePassword(for: account.email)
            _ = try await UserStore.create(
                email: account.email, name: account.name, password: password, grants: [account.grant],
                hasher: hasher, context: context, on: db
            )
            created.append(DemoSignIn(email: account.email, name: account.name, grant: account.grant, password: password))
        }
        return created
    }

    /// 16 characters of a random token that pass the password rules (almost every draw does).
    static func makePassword(for email: String) -> String {
        while true {
            let candidate = String(SecretToken.make().prefix(16))
            if (try? PasswordRules.validate(candidate, email: email)) != nil { return candidate }
        }
    }

    /// The lines that show the sign-ins once, for the terminal.
    public static func describe(_ signIns: [DemoSignIn]) -> [String] {
        guard !signIns.isEmpty else { return [] }
        let width = signIns.map(\.email.count).max() ?? 0
        return ["Demo sign-ins, one per role (shown only now; keep them, or add users with `goalstat users add`):"]
            + signIns.map { signIn in
                "  \(signIn.email.padding(toLength: width, withPad: " ", startingAt: 0))  \(signIn.password)  \(signIn.grant)"
            }
    }
}

/// A demo user just made, with the only copy of their password.
public struct DemoSignIn: Sendable, Equatable {
    public var email: String
    public var name: String
    public var grant: RoleGrant
    public var password: String
}
