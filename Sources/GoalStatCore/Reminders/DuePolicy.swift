import Foundation

/// When values are due and when reminders about them go out (issue 10): a grace period after each period ends,
/// by frequency, and the days before and after that due date at which the steward is reminded and the goal leaders
/// are told.
///
/// The policy is an agency's operating rule, not part of its strategic plan, so it is set where the programs run
/// (`GOALSTAT_GRACE_DAYS` or `--grace` for `goalstat serve` and `goalstat remind`) rather than in the framework file,
/// whose format other programs rely on (SPEC §3.2). Both commands read the same variable, so My tasks and the
/// e-mails agree when they share an environment.
public struct DuePolicy: Sendable, Equatable {
    /// Days after a period ends by which its value is due.
    public var graceDays: [Frequency: Int]
    /// How many of the latest periods of each frequency are still asked for: older gaps are history, not tasks.
    public var lookback: [Frequency: Int]
    /// The first reminder goes out this many days before the due date.
    public var remindBeforeDays: Int
    /// The steward is reminded again this many days after the due date.
    public var lateAfterDays: Int
    /// The goal leaders are told this many days after the due date when the value is still missing.
    public var escalateAfterDays: Int

    public init(
        graceDays: [Frequency: Int] = DuePolicy.defaultGraceDays, lookback: [Frequency: Int] = DuePolicy.defaultLookback,
        remindBeforeDays: Int = 5, lateAfterDays: Int = 7, escalateAfterDays: Int = 14
    ) {
        self.graceDays = graceDays
        self.lookback = lookback
        self.remindBeforeDays = remindBeforeDays
        self.lateAfterDays = lateAfterDays
        self.escalateAfterDays = escalateAfterDays
    }

    /// Weekly values are wanted within days, annual ones after the books close.
    public static let defaultGraceDays: [Frequency: Int] = [.weekly: 3, .monthly: 15, .quarterly: 30, .annual: 60]
    public static let defaultLookback: [Frequency: Int] = [.weekly: 4, .monthly: 3, .quarterly: 2, .annual: 1]
    public static let standard = DuePolicy()

    public func grace(_ frequency: Frequency) -> Int {
        graceDays[frequency] ?? Self.defaultGraceDays[frequency] ?? 0
    }

    /// The day a period's value is due: its last day plus the grace period of its frequency.
    public func dueDate(of period: Period, frequency: Frequency) -> CalendarDate {
        period.end.adding(days: grace(frequency))
    }

    /// The policy with grace periods overridden by `FREQUENCY=DAYS` settings (`monthly=20`), as the
    /// `--grace` option and `GOALSTAT_GRACE_DAYS` (comma-separated) give them.
    public func overriding(grace settings: [String]) throws(DuePolicyError) -> DuePolicy {
        var policy = self
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let frequency = Frequency(rawValue: parts[0]) else { throw .badGrace(setting) }
            guard let days = Int(parts[1]), (0...366).contains(days) else { throw .badGrace(setting) }
            policy.graceDays[frequency] = days
        }
        return policy
    }

    /// Reads `GOALSTAT_GRACE_DAYS` ("monthly=20,quarterly=45"); empty or absent leaves the defaults.
    public func overriding(environmentValue text: String?) throws(DuePolicyError) -> DuePolicy {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return self }
        return try overriding(grace: text.split(separator: ",").map(String.init))
    }
}

/// A grace setting that cannot be read.
public enum DuePolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    case badGrace(String)

    public var description: String {
        switch self {
        case .badGrace(let text):
            "grace period '\(text)' is not FREQUENCY=DAYS with a frequency of weekly, monthly, quarterly or annual and 0 to 366 days"
        }
    }
}
