import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Login throttle: per account and per address")
struct LoginThrottleTests {
    private func fail(_ email: String, from address: String = "10.0.0.1", at minutes: Double, on db: any Database) async throws {
        try await LoginThrottle.register(attempt: LoginAttempt(email: email, address: address, at: Fixtures.now.addingTimeInterval(minutes * 60), succeeded: false), on: db)
    }

    private func at(_ minutes: Double) -> Date { Fixtures.now.addingTimeInterval(minutes * 60) }

    @Test("an account is blocked after 5 failures within 15 minutes, and unblocked as they age out")
    func accountLimit() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for minute in 0..<4 { try await fail("a@example.gov", at: Double(minute), on: db) }
            #expect(try await !LoginThrottle.isBlocked(email: "a@example.gov", address: "10.0.0.9", now: at(4), on: db))
            try await fail("A@example.gov", at: 4, on: db)
            let status = try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.9", now: at(5), on: db)
            #expect(status == .blocked(.account, until: at(15)))
            #expect(status.message(now: at(5)) == "Too many failed sign-ins for this account. Try again in 10 minutes.")
            #expect(try await LoginThrottle.isBlocked(email: "a@example.gov", address: "10.0.0.9", now: at(14.9), on: db))
            #expect(try await !LoginThrottle.isBlocked(email: "a@example.gov", address: "10.0.0.9", now: at(15), on: db))
            #expect(try await !LoginThrottle.isBlocked(email: "b@example.gov", address: "10.0.0.9", now: at(5), on: db))
        }
    }

    @Test("a successful sign-in clears the account's count")
    func successResets() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for minute in 0..<4 { try await fail("a@example.gov", at: Double(minute), on: db) }
            try await LoginThrottle.register(attempt: LoginAttempt(email: "a@example.gov", address: "10.0.0.1", at: at(4), succeeded: true), on: db)
            try await fail("a@example.gov", at: 5, on: db)
            #expect(try await !LoginThrottle.isBlocked(email: "a@example.gov", address: "10.0.0.2", now: at(6), on: db))
        }
    }

    @Test("an address is blocked after 20 failures across accounts, even for an account it never tried")
    func addressLimit() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for index in 0..<20 { try await fail("user\(index)@example.gov", from: "203.0.113.7", at: Double(index) * 0.5, on: db) }
            let status = try await LoginThrottle.status(email: "new@example.gov", address: "203.0.113.7", now: at(10), on: db)
            #expect(status == .blocked(.address, until: at(15)))
            #expect(try await !LoginThrottle.isBlocked(email: "new@example.gov", address: "203.0.113.8", now: at(10), on: db))
            #expect(try await !LoginThrottle.isBlocked(email: "new@example.gov", address: "203.0.113.7", now: at(15), on: db))
        }
    }

    @Test("pruning removes attempts that can no longer count")
    func prune() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await fail("a@example.gov", at: 0, on: db)
            try await fail("a@example.gov", at: 10, on: db)
            #expect(try await LoginThrottle.prune(now: at(20), on: db) == 1)
            #expect(try await LoginAttemptModel.query(on: db).count() == 1)
        }
    }
}
