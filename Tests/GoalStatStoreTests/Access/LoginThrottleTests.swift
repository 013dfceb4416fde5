import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Login throttle: locks per account and address, delays per account and per address")
struct LoginThrottleTests {
    private func fail(_ email: String, from address: String = "10.0.0.1", at minutes: Double, on db: any Database) async throws {
        try await LoginThrottle.register(attempt: LoginAttempt(email: email, address: address, at: Fixtures.now.addingTimeInterval(minutes * 60), succeeded: false), on: db)
    }

    private func at(_ minutes: Double) -> Date { Fixtures.now.addingTimeInterval(minutes * 60) }

    @Test("five failures from one address lock that address out of the account, and the lock lifts as they age out")
    func pairLimit() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for minute in 0..<4 { try await fail("a@example.gov", at: Double(minute), on: db) }
            #expect(try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.1", now: at(4), on: db) == .allowed(delay: 0))
            try await fail("A@example.gov", at: 4, on: db)
            let status = try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.1", now: at(5), on: db)
            #expect(status == .blocked(until: at(15)))
            #expect(status.message(now: at(5)) == "Too many failed sign-ins for this account from your network address. Try again in 10 minutes, or from another network.")
            #expect(try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.1", now: at(14.9), on: db).isBlocked)
            #expect(try await !LoginThrottle.status(email: "a@example.gov", address: "10.0.0.1", now: at(15), on: db).isBlocked)
            #expect(try await LoginThrottle.status(email: "b@example.gov", address: "10.0.0.1", now: at(5), on: db) == .allowed(delay: 0))
        }
    }

    @Test("failures from elsewhere only slow the owner down: growing delays, never a lock")
    func accountDelays() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for index in 0..<9 { try await fail("a@example.gov", from: "198.51.100.\(index)", at: Double(index) * 0.1, on: db) }
            let status = try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.9", now: at(1), on: db)
            #expect(status == .allowed(delay: 16), "9 failures: 4 beyond the allowance of 5, so 1 s doubled 4 times")
            for index in 9..<40 { try await fail("a@example.gov", from: "198.51.100.\(index)", at: 1 + Double(index) * 0.1, on: db) }
            #expect(try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.9", now: at(6), on: db) == .allowed(delay: 30))
        }
    }

    @Test("a successful sign-in clears the account's delay and that address's count")
    func successResets() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for minute in 0..<4 { try await fail("a@example.gov", at: Double(minute) * 0.1, on: db) }
            for minute in 0..<3 { try await fail("a@example.gov", from: "10.0.0.5", at: 0.5 + Double(minute) * 0.1, on: db) }
            try await LoginThrottle.register(attempt: LoginAttempt(email: "a@example.gov", address: "10.0.0.1", at: at(4), succeeded: true), on: db)
            try await fail("a@example.gov", at: 5, on: db)
            #expect(try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.1", now: at(6), on: db) == .allowed(delay: 0))
            #expect(try await LoginThrottle.status(email: "a@example.gov", address: "10.0.0.2", now: at(6), on: db) == .allowed(delay: 0))
        }
    }

    @Test("an address failing across many accounts is slowed, not locked: an office behind it can still sign in")
    func addressDelays() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            for index in 0..<22 { try await fail("user\(index)@example.gov", from: "203.0.113.7", at: Double(index) * 0.2, on: db) }
            #expect(try await LoginThrottle.status(email: "new@example.gov", address: "203.0.113.7", now: at(10), on: db) == .allowed(delay: 4))
            #expect(try await LoginThrottle.status(email: "new@example.gov", address: "203.0.113.8", now: at(10), on: db) == .allowed(delay: 0))
            #expect(try await LoginThrottle.status(email: "new@example.gov", address: "203.0.113.7", now: at(16), on: db) == .allowed(delay: 0))
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
