/// Which periods are due from a data steward or goal leader as of a day (issue 10): the pure rules both My tasks and
/// `goalstat remind` apply.
///
/// A period is asked for once its first reminder is reached (`remindBeforeDays` before its due date); it stops being
/// asked for as soon as anything is stored for it — a value of any status, `missing` with its reason included, since
/// a period known to have no value is answered (SPEC §2). Only the latest `lookback` periods of the frequency count,
/// so an indicator added today does not ask for years of history.
public enum DueDates {
    /// The open periods of an indicator (or a goal's quarterly narratives) of `frequency`, oldest first.
    /// - Parameter answered: the periods that have something stored.
    public static func open(
        frequency: Frequency, calendar: FiscalCalendar, fiscal: Bool, answered: Set<Period>, today: CalendarDate,
        policy: DuePolicy, lookback: Int? = nil
    ) -> [DuePeriod] {
        candidates(frequency: frequency, calendar: calendar, fiscal: fiscal, today: today, policy: policy, lookback: lookback)
            .filter { !answered.contains($0.period) }
    }

    /// The latest periods whose first reminder has been reached as of `today`, answered or not, oldest first.
    public static func candidates(
        frequency: Frequency, calendar: FiscalCalendar, fiscal: Bool, today: CalendarDate, policy: DuePolicy, lookback: Int? = nil
    ) -> [DuePeriod] {
        let count = max(0, lookback ?? policy.lookback[frequency] ?? DuePolicy.defaultLookback[frequency] ?? 1)
        guard count > 0 else { return [] }
        // The period containing the last day whose reminders have started: its due date minus the lead is today.
        let horizon = today.adding(days: policy.remindBeforeDays - policy.grace(frequency))
        var period = Period.containing(horizon, frequency: frequency, calendar: calendar, fiscal: fiscal)
        // Grace and lead can put the horizon inside a period whose first reminder is still ahead: step back once.
        if policy.dueDate(of: period, frequency: frequency).adding(days: -policy.remindBeforeDays) > today {
            period = period.previous()
        }
        var result: [DuePeriod] = []
        for _ in 0..<count {
            let due = policy.dueDate(of: period, frequency: frequency)
            result.append(DuePeriod(period: period, dueDate: due, state: state(due: due, today: today)))
            period = period.previous()
        }
        return result.reversed()
    }

    static func state(due: CalendarDate, today: CalendarDate) -> DueState {
        if today < due { return .comingDue }
        return today == due ? .dueToday : .late
    }
}
