/// A day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Day arithmetic converts to a count of days since 1970-01-01 with Howard Hinnant's
/// days-from-civil algorithm (pure integer arithmetic) rather than Foundation's `Calendar`:
/// `Calendar` is slow in the CSV hot path, carries a time zone that can move a date by a day,
/// and its Gregorian calendar switches to the Julian calendar before 1582, while SPEC periods
/// are plain proleptic Gregorian days.
public struct CalendarDate: Hashable, Comparable, Sendable {
    // Stored compactly: a measurement row holds two of these, and a million rows are read at once.
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The year (proleptic Gregorian, astronomical numbering).
    public var year: Int { Int(storedYear) }
    /// The month, 1...12.
    public var month: Int { Int(storedMonth) }
    /// The day of the month, 1...31.
    public var day: Int { Int(storedDay) }

    /// A date from its parts; the parts must name a real day (use `validated` for untrusted input).
    public init(year: Int, month: Int, day: Int) {
        precondition(
            CalendarDate.isValid(year: year, month: month, day: day),
            "\(year)-\(month)-\(day) is not a date"
        )
        self.init(unchecked: year, month, day)
    }

    /// A date from its parts, or nil when they do not name a real day (`2025-02-29`).
    public static func validated(year: Int, month: Int, day: Int) -> CalendarDate? {
        isValid(year: year, month: month, day: day) ? CalendarDate(unchecked: year, month, day) : nil
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int32(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// The date that lies `daysSinceEpoch` days after 1970-01-01 (negative: before it).
    public init(daysSinceEpoch: Int) {
        // Hinnant, "chrono-Compatible Low-Level Date Algorithms", civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Hinnant's days_from_civil: counts from 1 March so that the leap day falls at the end of the year.
        let y = year - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        days == 0 ? self : CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The ISO 8601 day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let offset = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: offset + 1)!
    }

    /// The day of the year, 1 for January 1.
    public var dayOfYear: Int {
        CalendarDate(unchecked: year, 1, 1).days(to: self) + 1
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        if lhs.storedYear != rhs.storedYear { return lhs.storedYear < rhs.storedYear }
        if lhs.storedMonth != rhs.storedMonth { return lhs.storedMonth < rhs.storedMonth }
        return lhs.storedDay < rhs.storedDay
    }
}

extension CalendarDate {
    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (Int(Int32.min)...Int(Int32.max)).contains(year)
            && (1...12).contains(month)
            && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The first day of the month `months` months after the month of (`year`, `month`).
    static func firstOfMonth(year: Int, month: Int, addingMonths months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return CalendarDate(unchecked: newYear, index - newYear * 12 + 1, 1)
    }
}

/// A day of the week, numbered as ISO 8601 does: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
