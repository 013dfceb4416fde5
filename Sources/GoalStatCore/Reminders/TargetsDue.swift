/// Which target periods an indicator still needs (issue 10, My tasks): the reporting year in force today, and the
/// next one once it is near.
public enum TargetsDue {
    /// How many days before the next year starts its target is asked for.
    public static let nextYearLeadDays = 60

    /// The years (fiscal when the plan reports in fiscal years) that have no target for the indicator's total.
    /// The year in force is due on its first day, so it is late as soon as it is asked for; the next year is due
    /// on its first day too, and asked for `nextYearLeadDays` before.
    /// - Parameter targeted: the periods of the indicator's targets (any version).
    public static func missing(targeted: [Period], calendar: FiscalCalendar, fiscal: Bool, today: CalendarDate) -> [DuePeriod] {
        let current = Period.containing(today, frequency: .annual, calendar: calendar, fiscal: fiscal)
        let next = current.next()
        func covered(_ year: Period) -> Bool {
            targeted.contains { $0.contains(year.start) || year.contains($0.start) }
        }
        var result: [DuePeriod] = []
        if !covered(current) {
            result.append(DuePeriod(period: current, dueDate: current.start, state: DueDates.state(due: current.start, today: today)))
        }
        if today.days(to: next.start) <= nextYearLeadDays, !covered(next) {
            result.append(DuePeriod(period: next, dueDate: next.start, state: DueDates.state(due: next.start, today: today)))
        }
        return result
    }
}
