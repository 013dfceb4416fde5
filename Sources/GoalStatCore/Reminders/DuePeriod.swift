/// A period whose value (or narrative) is wanted and not yet stored, with the day it is due.
public struct DuePeriod: Sendable, Equatable, Hashable {
    public var period: Period
    public var dueDate: CalendarDate
    public var state: DueState

    public init(period: Period, dueDate: CalendarDate, state: DueState) {
        self.period = period
        self.dueDate = dueDate
        self.state = state
    }

    /// Days past the due date as of `today`; 0 before or on it.
    public func daysLate(today: CalendarDate) -> Int { max(0, dueDate.days(to: today)) }
}

/// Where a due period stands as of today.
public enum DueState: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Due within the reminder lead (or the period has not ended yet).
    case comingDue
    /// Due today.
    case dueToday
    /// Past its due date with no value: late.
    case late

    /// How a page says it.
    public var words: String {
        switch self {
        case .comingDue: "coming due"
        case .dueToday: "due today"
        case .late: "late"
        }
    }
}
