import FluentKit
import Foundation
import GoalStatCore

/// Applies `SignInThrottle` to the attempts stored in the database (so all processes agree).
public enum LoginThrottle {
    /// Stores one attempt.
    public static func register(attempt: LoginAttempt, on db: any Database) async throws {
        let model = LoginAttemptModel()
        model.email = UserAccount.normalizedEmail(attempt.email)
        model.address = attempt.address
        model.at = attempt.at
        model.succeeded = attempt.succeeded
        try await Transactions.run(on: db) { tx in try await model.create(on: tx) }
    }

    /// Whether a sign-in for this email from this address may be tried now, after what delay, or until when not.
    public static func status(
        email: String, address: String, now: Date, rules: SignInThrottle = .standard, on db: any Database
    ) async throws -> LoginThrottleStatus {
        let since = now.addingTimeInterval(-rules.window)
        let email = UserAccount.normalizedEmail(email)
        let accountSuccess = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == true).filter(\.$at > since).filter(\.$at <= now)
            .sort(\.$at, .descending).first()?.at
        let pairSuccess = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$address == address).filter(\.$succeeded == true)
            .filter(\.$at > since).filter(\.$at <= now).sort(\.$at, .descending).first()?.at
        let pairFailures = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$address == address).filter(\.$succeeded == false)
            .filter(\.$at > max(since, pairSuccess ?? since)).filter(\.$at <= now).sort(\.$at).all(\.$at)
        let accountFailures = try await LoginAttemptModel.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false)
            .filter(\.$at > max(since, accountSuccess ?? since)).filter(\.$at <= now).count()
        // A success on one account must not reset an attacker's count against others.
        let addressFailures = try await LoginAttemptModel.query(on: db)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since).filter(\.$at <= now).count()
        return rules.status(pairFailures: pairFailures, accountFailures: accountFailures, addressFailures: addressFailures)
    }

    /// Removes attempts older than the window; returns how many. Attempts are not audit records.
    @discardableResult
    public static func prune(now: Date, rules: SignInThrottle = .standard, on db: any Database) async throws -> Int {
        let before = now.addingTimeInterval(-rules.window)
        return try await Transactions.run(on: db) { tx in
            let count = try await LoginAttemptModel.query(on: tx).filter(\.$at <= before).count()
            try await LoginAttemptModel.query(on: tx).filter(\.$at <= before).delete()
            return count
        }
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
