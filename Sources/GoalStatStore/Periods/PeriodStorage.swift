import GoalStatCore

/// How periods are kept in the database: the ISO date of the first (and last) day, plus the granularity.
/// ISO date text sorts in date order on SQLite and PostgreSQL alike.
enum PeriodStorage {
    static func start(_ period: Period) -> String { iso(period.start) }
    static func end(_ period: Period) -> String { iso(period.end) }
    static func granularity(_ period: Period) -> String { period.granularity.rawValue }

    static func iso(_ date: CalendarDate) -> String {
        let year = String(date.year)
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(month)-\(day)"
    }

    static func date(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CalendarDate.validated(year: year, month: month, day: day)
    }

    /// Rebuilds a period from its first day and granularity; a year or quarter that does not start in
    /// January (or a calendar quarter month) is a fiscal one, whose fiscal year starts in its first month.
    static func period(start text: String, granularity: Period.Granularity) -> Period? {
        guard let start = date(text) else { return nil }
        switch granularity {
        case .day:
            return .day(start)
        case .week:
            return .containing(start, frequency: .weekly, calendar: .federal, fiscal: false)
        case .month:
            return .month(year: start.year, month: start.month)
        case .quarter:
            if (start.month - 1) % 3 == 0 { return .calendarQuarter(year: start.year, quarter: (start.month - 1) / 3 + 1) }
            let calendar = FiscalCalendar(startMonth: start.month)
            return .fiscalQuarter(fiscalYear: calendar.fiscalYear(containing: start), quarter: 1, calendar: calendar)
        case .year:
            if start.month == 1 { return .calendarYear(start.year) }
            let calendar = FiscalCalendar(startMonth: start.month)
            return .fiscalYear(calendar.fiscalYear(containing: start), calendar: calendar)
        }
    }

    static func period(start: String, end: String, granularity: String) -> Period? {
        Period.Granularity(rawValue: granularity).flatMap { period(start: start, granularity: $0) }
    }

    /// The period of a measurement, stored by its first day, for an indicator of the given frequency.
    static func period(start: String, frequency: Frequency) -> Period? {
        switch frequency {
        case .weekly: period(start: start, granularity: .week)
        case .monthly: period(start: start, granularity: .month)
        case .quarterly: period(start: start, granularity: .quarter)
        case .annual: period(start: start, granularity: .year)
        }
    }

    static func label(_ period: Period, calendar: FiscalCalendar, fiscal: Bool) -> String {
        period.label(calendar: calendar, fiscal: fiscal)
    }
}
