import FluentKit
import Foundation
import GoalStatCore

/// Rate limits sign-in per account and per address, from attempts stored in the database (so all processes agree).
///
/// An account is blocked after `maxFailuresPerAccount` failures within `window` since its last success; an
/// address after `maxFailuresPerAddress` failures within `window` whatever succeeded (a success on one account
/// must not reset an attacker's count against others). The block lifts as the oldest failures leave the window.
public enum LoginThrottle {
    public static let window: TimeInterval = 15 * 60
    public static let maxFailuresPerAccount = 5
    public static let maxFailuresPerAddress = 20

    /// Stores one attempt.
    public static func register(attempt: LoginAttempt, on db: any Database) async throws {
        let model = LoginAttemptModel()
        model.email = UserAccount.normalizedEmail(attempt.email)
        model.address = attempt.address
        model.at = attempt.at
        model.succeeded = attempt.succeeded
        try await model.create(on: db)
    }

    /// Whether a sign-in for this email from this address may be tried now, and if not, until when it may not.
    public static func status(email: String, address: String, now: Date, on db: any Database) async throws -> LoginThrottleStatus {
        let since = now.addingTimeInterval(-window)
        let email = UserAccount.normalizedEmail(email)
        let lastSuccess = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == true).filter(\.$at > since)
            .sort(\.$at, .descending).first()?.at
        let accountFailures = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$at > max(since, lastSuccess ?? since))
            .filter(\.$at <= now).sort(\.$at).all(\.$at)
        if let until = blockedUntil(accountFailures, limit: maxFailuresPerAccount) { return .blocked(.account, until: until) }
        let addressFailures = try await LoginAttemptModel.query(on: db)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since)
            .filter(\.$at <= now).sort(\.$at).all(\.$at)
        if let until = blockedUntil(addressFailures, limit: maxFailuresPerAddress) { return .blocked(.address, until: until) }
        return .allowed
    }

    public static func isBlocked(email: String, address: String, now: Date, on db: any Database) async throws -> Bool {
        try await status(email: email, address: address, now: now, on: db) != .allowed
    }

    /// Removes attempts older than the window; returns how many. Attempts are not audit records.
    @discardableResult
    public static func prune(now: Date, on db: any Database) async throws -> Int {
        let before = now.addingTimeInterval(-window)
        let count = try await LoginAttemptModel.query(on: db).filter(\.$at <= before).count()
        try await LoginAttemptModel.query(on: db).filter(\.$at <= before).delete()
        return count
    }

    /// With failures sorted oldest first: blocked while `limit` or more are in the window, that is until the
    /// failure that would leave `limit - 1` behind has aged out.
    static func blockedUntil(_ failures: [Date], limit: Int) -> Date? {
        guard failures.count >= limit else { return nil }
        return failures[failures.count - limit].addingTimeInterval(window)
    }
}

/// One sign-in attempt.
public struct LoginAttempt: Sendable, Equatable {
    public var email: String
    /// The client address as the server sees it (behind a proxy: the forwarded address the proxy vouches for).
    public var address: String
    public var at: Date
    public var succeeded: Bool

    public init(email: String, address: String, at: Date, succeeded: Bool) {
        self.email = email
        self.address = address
        self.at = at
        self.succeeded = succeeded
    }
}

/// Whether a sign-in may be tried.
public enum LoginThrottleStatus: Sendable, Equatable {
    case allowed
    case blocked(Reason, until: Date)

    public enum Reason: String, Sendable, Equatable {
        case account, address
    }

    /// The clear message the sign-in page shows.
    public func message(now: Date) -> String? {
        guard case .blocked(let reason, let until) = self else { return nil }
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        let who = reason == .account ? "this account" : "your network address"
        return "Too many failed sign-ins for \(who). Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
    }
}
