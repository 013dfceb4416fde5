import Foundation

/// The sign-in throttle's rules: slow attackers down without letting anyone lock the owner out.
///
/// - One address that keeps failing on one account is locked out of that account for the window (`pairLimit`):
///   the attacker's address, not the owner's.
/// - An account that keeps failing from anywhere makes every further attempt on it wait, doubling per failure up to
///   `maxDelay` (`accountAllowance`); the right password still gets in, only more slowly. A success resets it.
/// - An address that keeps failing across accounts (password spraying) is slowed the same way
///   (`addressAllowance`); an office behind one address is slowed, never locked out.
public struct SignInThrottle: Sendable, Equatable {
    public var window: TimeInterval = 15 * 60
    public var pairLimit = 5
    public var accountAllowance = 5
    public var addressAllowance = 20
    public var firstDelay: TimeInterval = 1
    public var maxDelay: TimeInterval = 30

    public init() {}

    public static let standard = SignInThrottle()

    /// The decision for one attempt, from the failures inside the window: those of this account from this address
    /// (oldest first) since that pair last succeeded, the count of the account's since it last succeeded from
    /// anywhere, and the count of the address's on any account.
    public func status(pairFailures: [Date], accountFailures: Int, addressFailures: Int) -> LoginThrottleStatus {
        if pairFailures.count >= pairLimit {
            return .blocked(until: pairFailures[pairFailures.count - pairLimit].addingTimeInterval(window))
        }
        return .allowed(delay: max(delay(accountFailures, allowance: accountAllowance), delay(addressFailures, allowance: addressAllowance)))
    }

    private func delay(_ failures: Int, allowance: Int) -> TimeInterval {
        guard failures >= allowance else { return 0 }
        // 2^k overflows nothing here: the exponent is capped well before the delay reaches maxDelay.
        let doublings = min(failures - allowance, 30)
        return min(maxDelay, firstDelay * pow(2, Double(doublings)))
    }
}

/// Whether a sign-in may be tried.
public enum LoginThrottleStatus: Sendable, Equatable {
    /// It may be tried once `delay` seconds have passed (0: at once).
    case allowed(delay: TimeInterval)
    /// This address failed on this account too often: it may not try it again before `until`.
    case blocked(until: Date)

    public var isBlocked: Bool {
        if case .blocked = self { return true }
        return false
    }

    /// The clear message the sign-in page shows when blocked.
    public func message(now: Date) -> String? {
        guard case .blocked(let until) = self else { return nil }
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return "Too many failed sign-ins for this account from your network address. Try again in \(minutes) minute\(minutes == 1 ? "" : "s"), or from another network."
    }
}
