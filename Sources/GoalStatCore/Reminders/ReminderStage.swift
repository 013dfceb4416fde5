/// The reminders about one missing value, each sent at most once (issue 10): before the due date, on it, once
/// more when late, and then to the goal leaders.
public enum ReminderStage: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case beforeDue, onDueDate, late, escalated

    public static func < (lhs: ReminderStage, rhs: ReminderStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The day this stage is reached for a value due on `due`.
    public func date(due: CalendarDate, policy: DuePolicy) -> CalendarDate {
        switch self {
        case .beforeDue: due.adding(days: -policy.remindBeforeDays)
        case .onDueDate: due
        case .late: due.adding(days: policy.lateAfterDays)
        case .escalated: due.adding(days: policy.escalateAfterDays)
        }
    }

    /// The latest reminder to the steward reached as of `today`, or nil before the first. A run that missed days
    /// sends only this one: one message that says where things stand, not a backlog of stale ones.
    public static func stewardStage(due: CalendarDate, today: CalendarDate, policy: DuePolicy) -> ReminderStage? {
        [ReminderStage.late, .onDueDate, .beforeDue].first { $0.date(due: due, policy: policy) <= today }
    }

    /// Whether the goal leaders are to be told as of `today`.
    public static func escalates(due: CalendarDate, today: CalendarDate, policy: DuePolicy) -> Bool {
        ReminderStage.escalated.date(due: due, policy: policy) <= today
    }
}
