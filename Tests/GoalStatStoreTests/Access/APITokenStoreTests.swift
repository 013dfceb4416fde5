import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("API tokens: shown once, hashed at rest, scoped, revocable")
struct APITokenStoreTests {
    let tree = OrgTree([
        OrgUnit(code: "DMV", name: "DMV", kind: .agency),
        OrgUnit(code: "DMV-FO", name: "Field Operations", kind: .office, parent: "DMV"),
    ])

    private func owner(on db: any Database) async throws -> UserAccount {
        try await UserStore.create(
            email: "steward@example.gov", name: "Steward", password: "correct horse battery",
            grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV")], hasher: TestPasswordHasher(), context: .cli(Fixtures.now), on: db
        )
    }

    @Test("the token is returned once, and the database holds only its SHA-256")
    func shownOnce() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let owner = try await owner(on: db)
            let new = try await APITokenStore.create(
                name: "nightly import", owner: owner.id, grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")],
                context: .cli(Fixtures.now, actor: owner.email), on: db
            )
            #expect(new.token.hasPrefix("gst_"))
            let row = try #require(try await APITokenModel.query(on: db).first())
            #expect(row.tokenHash == TokenHash.hex(of: new.token))
            #expect(![row.tokenHash, row.name, row.grants].contains { $0.contains(new.token.dropFirst(4)) })
            #expect(try await APITokenStore.list(owner: owner.id, on: db) == [new.record])
            let audit = try await AuditLog.entries(entity: .apiToken, key: new.record.id.uuidString, on: db)
            #expect(audit.allSatisfy { !($0.newValue ?? "").contains(new.token.dropFirst(4)) })
            #expect(audit.contains { $0.field == "name" && $0.newValue == "\"nightly import\"" })
        }
    }

    @Test("a token verifies by its hash, carries its scope, and notes when it was used")
    func verify() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let owner = try await owner(on: db)
            let scope = [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")]
            let new = try await APITokenStore.create(name: "sync", owner: owner.id, grants: scope, context: .cli(Fixtures.now), on: db)
            let later = Fixtures.now.addingTimeInterval(300)
            let verified = try #require(try await APITokenStore.verify(token: new.token, now: later, on: db))
            #expect(verified.owner.id == owner.id)
            #expect(verified.record.grants == scope)
            #expect(verified.effectiveGrants(tree: tree) == scope)
            #expect(try await APITokenStore.list(on: db).first?.lastUsedAt == later)
            // Kept to the minute: a use seconds later writes nothing; one two minutes later does.
            _ = try await APITokenStore.verify(token: new.token, now: later.addingTimeInterval(5), on: db)
            #expect(try await APITokenStore.list(on: db).first?.lastUsedAt == later)
            _ = try await APITokenStore.verify(token: new.token, now: later.addingTimeInterval(120), on: db)
            #expect(try await APITokenStore.list(on: db).first?.lastUsedAt == later.addingTimeInterval(120))
            #expect(try await APITokenStore.verify(token: new.token + "x", now: later, on: db) == nil)
            #expect(try await APITokenStore.verify(token: "gst_" + SecretToken.make(), now: later, on: db) == nil)
        }
    }

    @Test("a revoked token fails at once, and revoking twice reports false")
    func revoked() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let owner = try await owner(on: db)
            let new = try await APITokenStore.create(name: "sync", owner: owner.id, grants: [], context: .cli(Fixtures.now), on: db)
            #expect(try await APITokenStore.revoke(id: new.record.id, context: .cli(Fixtures.now), on: db))
            #expect(try await APITokenStore.verify(token: new.token, now: Fixtures.now, on: db) == nil)
            #expect(try await !APITokenStore.revoke(id: new.record.id, context: .cli(Fixtures.now), on: db))
            let audit = try await AuditLog.entries(entity: .apiToken, key: new.record.id.uuidString, on: db)
            #expect(audit.last?.field == "revokedAt")
        }
    }

    @Test("an expired token, or one whose owner was deactivated, fails")
    func expiredOrDeactivated() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let owner = try await owner(on: db)
            let expiring = try await APITokenStore.create(name: "short", owner: owner.id, grants: [], expiresAt: Fixtures.now.addingTimeInterval(60), context: .cli(Fixtures.now), on: db)
            #expect(try await APITokenStore.verify(token: expiring.token, now: Fixtures.now.addingTimeInterval(59), on: db) != nil)
            #expect(try await APITokenStore.verify(token: expiring.token, now: Fixtures.now.addingTimeInterval(60), on: db) == nil)
            let lasting = try await APITokenStore.create(name: "long", owner: owner.id, grants: [], context: .cli(Fixtures.now), on: db)
            try await UserStore.setActive(false, for: owner.id, context: .cli(Fixtures.now), on: db)
            #expect(try await APITokenStore.verify(token: lasting.token, now: Fixtures.now, on: db) == nil)
        }
    }

    @Test("taking a role from the owner takes it from their tokens too")
    func ownerLosesRole() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let owner = try await owner(on: db)
            let new = try await APITokenStore.create(name: "sync", owner: owner.id, grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")], context: .cli(Fixtures.now), on: db)
            try await UserStore.revoke(RoleGrant(role: .dataSteward, orgUnit: "DMV"), from: owner.id, context: .cli(Fixtures.now), on: db)
            let verified = try #require(try await APITokenStore.verify(token: new.token, now: Fixtures.now, on: db))
            #expect(verified.effectiveGrants(tree: tree).isEmpty)
        }
    }
}
