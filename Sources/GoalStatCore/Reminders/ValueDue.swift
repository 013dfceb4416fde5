/// A value that is wanted from a steward: what `ReminderWriter` writes about.
public struct ValueDue: Sendable, Equatable {
    public var indicator: String
    public var indicatorName: String
    /// The period as the plan prints it (`2026-10`, `FY2026-Q4`).
    public var periodLabel: String
    /// The first day of the period, ISO 8601: part of the dedupe key.
    public var periodStart: String
    public var due: DuePeriod
    public var steward: ReminderRecipient
    /// Who is told when the value stays late: the leaders of the indicator's goals, else the performance officers.
    public var escalateTo: [ReminderRecipient]
    /// Where the steward enters the value (`/data-entry?steward=…&month=…`), absolute when the site's address is known.
    public var entryLink: String

    public init(
        indicator: String, indicatorName: String, periodLabel: String, periodStart: String, due: DuePeriod,
        steward: ReminderRecipient, escalateTo: [ReminderRecipient], entryLink: String
    ) {
        self.indicator = indicator
        self.indicatorName = indicatorName
        self.periodLabel = periodLabel
        self.periodStart = periodStart
        self.due = due
        self.steward = steward
        self.escalateTo = escalateTo
        self.entryLink = entryLink
    }
}
