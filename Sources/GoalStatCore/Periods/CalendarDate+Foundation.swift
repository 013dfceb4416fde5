import Foundation

extension CalendarDate {
    /// The calendar day of an instant in UTC: GoalStat's clock is injected as a `Date` and read in UTC everywhere.
    public init(utc date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self.init(daysSinceEpoch: days)
    }
}
