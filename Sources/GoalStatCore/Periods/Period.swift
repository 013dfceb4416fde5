/// A reporting period: an inclusive range of days plus the granularity it was named at (SPEC §3.1).
///
/// A period *is* its date range: equality, hashing and order look at `start` and `end` only,
/// so `FY2025-Q1` and `2024-Q4` (with fiscal years starting in October) are the same period.
public struct Period: Hashable, Comparable, Sendable {
    /// How long a period is: the unit it was named in.
    public enum Granularity: String, Sendable, CaseIterable {
        case year, quarter, month, week, day
    }

    /// The first day of the period.
    public let start: CalendarDate
    /// The last day of the period (inclusive).
    public let end: CalendarDate
    /// Whether this is a (calendar or fiscal) year, a quarter, a month, an ISO week or a day.
    public let granularity: Granularity

    init(start: CalendarDate, end: CalendarDate, granularity: Granularity) {
        self.start = start
        self.end = end
        self.granularity = granularity
    }

    public static func == (lhs: Period, rhs: Period) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// The number of days in the period.
    public var dayCount: Int { start.days(to: end) + 1 }

    /// Whether `date` falls in the period.
    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// Whether every day of `other` falls in this period.
    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }
}

// MARK: - Making periods

extension Period {
    /// Calendar year `year` (January 1 – December 31).
    public static func calendarYear(_ year: Int) -> Period {
        months(from: CalendarDate(unchecked: year, 1, 1), count: 12, granularity: .year)
    }

    /// Fiscal year `fiscalYear` of `calendar`: the fiscal year that ends in calendar year `fiscalYear`.
    public static func fiscalYear(_ fiscalYear: Int, calendar: FiscalCalendar) -> Period {
        months(from: calendar.firstDay(ofFiscalYear: fiscalYear), count: 12, granularity: .year)
    }

    /// Calendar quarter `quarter` (1...4) of `year`.
    public static func calendarQuarter(year: Int, quarter: Int) -> Period {
        precondition((1...4).contains(quarter), "quarter \(quarter) is not 1...4")
        return months(from: CalendarDate(unchecked: year, 3 * quarter - 2, 1), count: 3, granularity: .quarter)
    }

    /// Quarter `quarter` (1...4) of fiscal year `fiscalYear` of `calendar`.
    public static func fiscalQuarter(fiscalYear: Int, quarter: Int, calendar: FiscalCalendar) -> Period {
        precondition((1...4).contains(quarter), "quarter \(quarter) is not 1...4")
        return months(
            from: calendar.firstDay(ofQuarter: quarter, fiscalYear: fiscalYear), count: 3, granularity: .quarter
        )
    }

    /// Month `month` (1...12) of `year`.
    public static func month(year: Int, month: Int) -> Period {
        precondition((1...12).contains(month), "month \(month) is not 1...12")
        return months(from: CalendarDate(unchecked: year, month, 1), count: 1, granularity: .month)
    }

    /// ISO 8601 week `week` of ISO week-year `year`: Monday to Sunday; `week` must exist in that year (see `isoWeekCount(in:)`).
    public static func isoWeek(year: Int, week: Int) -> Period {
        precondition(week >= 1 && week <= isoWeekCount(in: year), "\(year) has no ISO week \(week)")
        let monday = firstMondayOfISOYear(year).adding(days: 7 * (week - 1))
        return Period(start: monday, end: monday.adding(days: 6), granularity: .week)
    }

    /// The single day `date`.
    public static func day(_ date: CalendarDate) -> Period {
        Period(start: date, end: date, granularity: .day)
    }

    /// The period of `frequency` that contains `date`; for quarters and years, the fiscal one when `fiscal` is true.
    public static func containing(
        _ date: CalendarDate, frequency: Frequency, calendar: FiscalCalendar, fiscal: Bool
    ) -> Period {
        switch frequency {
        case .weekly:
            let monday = date.adding(days: 1 - date.weekday.rawValue)
            return Period(start: monday, end: monday.adding(days: 6), granularity: .week)
        case .monthly:
            return month(year: date.year, month: date.month)
        case .quarterly:
            if fiscal {
                return fiscalQuarter(
                    fiscalYear: calendar.fiscalYear(containing: date),
                    quarter: calendar.fiscalQuarter(containing: date),
                    calendar: calendar
                )
            }
            return calendarQuarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
        case .annual:
            return fiscal
                ? fiscalYear(calendar.fiscalYear(containing: date), calendar: calendar)
                : calendarYear(date.year)
        }
    }

    /// The period of the same granularity that follows this one.
    public func next() -> Period { shifted(by: 1) }

    /// The period of the same granularity that precedes this one.
    public func previous() -> Period { shifted(by: -1) }

    private func shifted(by steps: Int) -> Period {
        switch granularity {
        case .year: Period.months(from: start, addingMonths: 12 * steps, count: 12, granularity: .year)
        case .quarter: Period.months(from: start, addingMonths: 3 * steps, count: 3, granularity: .quarter)
        case .month: Period.months(from: start, addingMonths: steps, count: 1, granularity: .month)
        case .week: Period(start: start.adding(days: 7 * steps), end: end.adding(days: 7 * steps), granularity: .week)
        case .day: Period.day(start.adding(days: steps))
        }
    }

    /// `count` whole months starting at the first-of-month `first` shifted by `addingMonths` months.
    private static func months(
        from first: CalendarDate, addingMonths shift: Int = 0, count: Int, granularity: Granularity
    ) -> Period {
        let start = CalendarDate.firstOfMonth(year: first.year, month: first.month, addingMonths: shift)
        let after = CalendarDate.firstOfMonth(year: start.year, month: start.month, addingMonths: count)
        return Period(start: start, end: after.adding(days: -1), granularity: granularity)
    }
}

// MARK: - ISO 8601 weeks

extension Period {
    /// The number of ISO 8601 weeks (52 or 53) in ISO week-year `year`.
    public static func isoWeekCount(in year: Int) -> Int {
        firstMondayOfISOYear(year).days(to: firstMondayOfISOYear(year + 1)) / 7
    }

    /// The Monday of ISO week 1 of `year`: the week that holds January 4.
    static func firstMondayOfISOYear(_ year: Int) -> CalendarDate {
        let january4 = CalendarDate(unchecked: year, 1, 4)
        return january4.adding(days: 1 - january4.weekday.rawValue)
    }

    /// The ISO week-year and week number of the week that holds `date`.
    static func isoWeekNumber(of date: CalendarDate) -> (year: Int, week: Int) {
        // The ISO week-year is the year of the week's Thursday.
        let thursday = date.adding(days: 4 - date.weekday.rawValue)
        return (thursday.year, (thursday.dayOfYear - 1) / 7 + 1)
    }
}

extension Frequency {
    /// The granularity of the periods an indicator of this frequency is measured in.
    public var granularity: Period.Granularity {
        switch self {
        case .weekly: .week
        case .monthly: .month
        case .quarterly: .quarter
        case .annual: .year
        }
    }
}
