import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Session store: database sessions shared by every process")
struct SessionStoreTests {
    private func user(on db: any Database) async throws -> UserAccount {
        try await UserStore.create(email: "a@example.gov", name: "A", password: "correct horse battery", hasher: TestPasswordHasher(), context: .cli(Fixtures.now), on: db)
    }

    @Test("a new session is found by its token until it expires, and only its hash is stored")
    func findUntilExpiry() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await user(on: db)
            let new = try await SessionStore.create(for: user.id, now: Fixtures.now, lifetime: 3600, on: db)
            let found = try #require(try await SessionStore.find(token: new.token, now: Fixtures.now.addingTimeInterval(3599), on: db))
            #expect(found.user.id == user.id)
            #expect(found.csrfSecret == new.session.csrfSecret)
            #expect(found.expiresAt == new.session.expiresAt)
            #expect(try await SessionStore.find(token: new.token, now: Fixtures.now.addingTimeInterval(3600), on: db) == nil)
            let row = try #require(try await SessionModel.query(on: db).first())
            #expect(row.tokenHash == TokenHash.hex(of: new.token))
            #expect(row.tokenHash != new.token)
        }
    }

    @Test("an unknown token finds nothing")
    func unknownToken() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            _ = try await SessionStore.create(for: try await user(on: db).id, now: Fixtures.now, on: db)
            #expect(try await SessionStore.find(token: SecretToken.make(), now: Fixtures.now, on: db) == nil)
        }
    }

    @Test("signing out deletes the session; expired sessions are swept")
    func deleteAndSweep() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await user(on: db)
            let first = try await SessionStore.create(for: user.id, now: Fixtures.now, lifetime: 60, on: db)
            let second = try await SessionStore.create(for: user.id, now: Fixtures.now, lifetime: 7200, on: db)
            let third = try await SessionStore.create(for: user.id, now: Fixtures.now, lifetime: 7200, on: db)
            try await SessionStore.delete(token: third.token, on: db)
            #expect(try await SessionStore.find(token: third.token, now: Fixtures.now, on: db) == nil)
            #expect(try await SessionStore.deleteExpired(now: Fixtures.now.addingTimeInterval(120), on: db) == 1)
            #expect(try await SessionModel.query(on: db).count() == 1)
            #expect(try await SessionStore.find(token: first.token, now: Fixtures.now, on: db) == nil)
            #expect(try await SessionStore.find(token: second.token, now: Fixtures.now, on: db) != nil)
        }
    }

    @Test("deactivating a user ends their sessions, and no session opens for them")
    func deactivated() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let user = try await user(on: db)
            let session = try await SessionStore.create(for: user.id, now: Fixtures.now, on: db)
            try await UserStore.setActive(false, for: user.id, context: .cli(Fixtures.now), on: db)
            #expect(try await SessionStore.find(token: session.token, now: Fixtures.now, on: db) == nil)
            await #expect(throws: AccessError.unknownUser(user.id.description)) {
                _ = try await SessionStore.create(for: user.id, now: Fixtures.now, on: db)
            }
        }
    }
}
