import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("User store: accounts and roles")
struct UserStoreTests {
    let hasher = TestPasswordHasher()
    let password = "correct horse battery"

    @Test("a user is stored with a normalized email, their roles, and a hash instead of the password")
    func create() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await UserStore.create(
                email: "  K.Osei@Example.gov ", name: "Kwame Osei", password: password,
                grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")], hasher: hasher, context: .cli(Fixtures.now), on: db
            )
            #expect(user.email == "k.osei@example.gov")
            #expect(user.isActive)
            #expect(user.grants == [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")])
            #expect(try await UserStore.find(email: "k.osei@EXAMPLE.gov", on: db) == user)
            #expect(try await UserStore.find(id: user.id, on: db) == user)
            let row = try #require(try await UserModel.query(on: db).first())
            #expect(row.passwordHash != password)
            #expect(!row.passwordHash.contains(password))
        }
    }

    @Test("emails are unique, whatever their case")
    func uniqueEmail() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await UserStore.create(email: "r.alvarez@example.gov", name: "Rosa", password: password, hasher: hasher, context: .cli(Fixtures.now), on: store.database)
            await #expect(throws: AccessError.emailTaken("r.alvarez@example.gov")) {
                _ = try await UserStore.create(email: "R.Alvarez@example.gov", name: "Other", password: password, hasher: hasher, context: .cli(Fixtures.now), on: store.database)
            }
            #expect(try await UserStore.count(on: store.database) == 1)
        }
    }

    @Test("a weak password, a bad email or an empty name stores nothing")
    func refusals() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            await #expect(throws: AccessError.weakPassword(.passwordTooShort)) {
                _ = try await UserStore.create(email: "a@example.gov", name: "A", password: "short1", hasher: hasher, context: .cli(Fixtures.now), on: db)
            }
            await #expect(throws: AccessError.invalidEmail("not-an-email")) {
                _ = try await UserStore.create(email: "not-an-email", name: "A", password: password, hasher: hasher, context: .cli(Fixtures.now), on: db)
            }
            await #expect(throws: AccessError.emptyName) {
                _ = try await UserStore.create(email: "a@example.gov", name: "  ", password: password, hasher: hasher, context: .cli(Fixtures.now), on: db)
            }
            let users = try await UserStore.count(on: db)
            let entries = try await AuditLog.all(on: db).total
            #expect(users == 0)
            #expect(entries == 0)
        }
    }

    @Test("sign-in needs the right password and an active account")
    func authenticate() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await UserStore.create(email: "a@example.gov", name: "A", password: password, hasher: hasher, context: .cli(Fixtures.now), on: db)
            #expect(try await UserStore.authenticate(email: "A@example.gov", password: password, hasher: hasher, on: db)?.id == user.id)
            #expect(try await UserStore.authenticate(email: "a@example.gov", password: password + "x", hasher: hasher, on: db) == nil)
            #expect(try await UserStore.authenticate(email: "b@example.gov", password: password, hasher: hasher, on: db) == nil)
            try await UserStore.setActive(false, for: user.id, context: .cli(Fixtures.now), on: db)
            #expect(try await UserStore.authenticate(email: "a@example.gov", password: password, hasher: hasher, on: db) == nil)
        }
    }

    @Test("changing the password signs the user out everywhere and is audited without the password")
    func changePassword() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await UserStore.create(email: "a@example.gov", name: "A", password: password, hasher: hasher, context: .cli(Fixtures.now), on: db)
            let session = try await SessionStore.create(for: user.id, now: Fixtures.now, on: db)
            try await UserStore.changePassword(of: user.id, to: "another long phrase", hasher: hasher, context: .cli(Fixtures.now, actor: "a@example.gov"), on: db)
            #expect(try await SessionStore.find(token: session.token, now: Fixtures.now, on: db) == nil)
            #expect(try await UserStore.authenticate(email: "a@example.gov", password: password, hasher: hasher, on: db) == nil)
            #expect(try await UserStore.authenticate(email: "a@example.gov", password: "another long phrase", hasher: hasher, on: db) != nil)
            let history = try await AuditLog.entries(entity: .user, key: "a@example.gov", on: db)
            #expect(history.last?.field == "password")
            #expect(history.allSatisfy { !($0.newValue ?? "").contains("another") && !($0.newValue ?? "").contains("test$") })
        }
    }

    @Test("granting and revoking roles changes the user's grants and leaves an audit trail")
    func grantsAreAudited() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let admin = try await UserStore.create(email: "admin@example.gov", name: "Admin", password: password, grants: [RoleGrant(role: .admin)], hasher: hasher, context: .cli(Fixtures.now), on: db)
            let user = try await UserStore.create(email: "a@example.gov", name: "A", password: password, hasher: hasher, context: .cli(Fixtures.now), on: db)
            let context = AuditContext(actor: admin.email, source: .form, now: Fixtures.now.addingTimeInterval(60))
            try await UserStore.grant(RoleGrant(role: .viewer, orgUnit: "DMV"), to: user.id, context: context, on: db)
            try await UserStore.grant(RoleGrant(role: .dataSteward, orgUnit: "DMV-FO"), to: user.id, context: context, on: db)
            try await UserStore.grant(RoleGrant(role: .viewer, orgUnit: "DMV"), to: user.id, context: context, on: db)
            try await UserStore.revoke(RoleGrant(role: .viewer, orgUnit: "DMV"), from: user.id, context: context, on: db)
            #expect(try await UserStore.find(id: user.id, on: db)?.grants == [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")])
            let byAdmin = try await AuditLog.entries(by: admin.email, on: db)
            #expect(byAdmin.map(\.newValue) == ["[\"viewer@DMV\"]", "[\"viewer@DMV\",\"dataSteward@DMV-FO\"]", "[\"dataSteward@DMV-FO\"]"])
            #expect(byAdmin.allSatisfy { $0.entity == .user && $0.key == "a@example.gov" && $0.field == "grants" && $0.source == .form })
        }
    }

    @Test("every user is listed by email with their roles")
    func list() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            _ = try await UserStore.create(email: "b@example.gov", name: "B", password: password, grants: [RoleGrant(role: .viewer, orgUnit: "DMV")], hasher: hasher, context: .cli(Fixtures.now), on: db)
            _ = try await UserStore.create(email: "a@example.gov", name: "A", password: password, grants: [RoleGrant(role: .admin)], hasher: hasher, context: .cli(Fixtures.now), on: db)
            let users = try await UserStore.all(on: db)
            #expect(users.map(\.email) == ["a@example.gov", "b@example.gov"])
            #expect(users.map(\.grants) == [[RoleGrant(role: .admin)], [RoleGrant(role: .viewer, orgUnit: "DMV")]])
        }
    }
}
