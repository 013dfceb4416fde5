extension Period {
    /// Reads a period in one of the SPEC §3.1 forms: `2025`, `FY2025`, `2025-Q3`, `FY2025-Q1`, `2025-07`, `2025-W07`, `2025-07-15`.
    public static func parse(_ text: String, calendar: FiscalCalendar) throws(PeriodError) -> Period {
        try parse(text, frequency: nil, calendar: calendar)
    }

    /// Reads a period for an indicator of `frequency`: the form must suit the frequency, and a day must start a period of it
    /// (`2016-04-01` reads as April 2016 for a monthly indicator).
    public static func parse(
        _ text: String, for frequency: Frequency, calendar: FiscalCalendar
    ) throws(PeriodError) -> Period {
        try parse(text, frequency: frequency, calendar: calendar)
    }

    private static func parse(
        _ text: String, frequency: Frequency?, calendar: FiscalCalendar
    ) throws(PeriodError) -> Period {
        var copy = text
        let result = copy.withUTF8 { parse(utf8: $0, frequency: frequency, calendar: calendar) }
        switch result {
        case .success(let period): return period
        case .failure(let reason): throw PeriodError(text: text, reason: reason)
        }
    }

    /// The byte-level reader behind `parse`, used directly by the CSV reader so that a row costs no `String`.
    static func parse(
        utf8 bytes: UnsafeBufferPointer<UInt8>, frequency: Frequency?, calendar: FiscalCalendar
    ) -> ParseResult<Period> {
        let form: Form
        switch Form.read(bytes) {
        case .success(let read): form = read
        case .failure(let reason): return .failure(reason)
        }
        let period: Period
        switch form.period(calendar: calendar) {
        case .success(let made): period = made
        case .failure(let reason): return .failure(reason)
        }
        guard let frequency else { return .success(period) }
        if period.granularity == .day {
            guard let containing = period.start.periodStarting(frequency: frequency, calendar: calendar) else {
                return .failure(.notFirstDay(of: frequency))
            }
            return .success(containing)
        }
        guard period.granularity == frequency.granularity else {
            return .failure(.wrongFrequency(granularity: period.granularity, frequency: frequency))
        }
        return .success(period)
    }
}

extension CalendarDate {
    /// The period of `frequency` that starts on this day, if one does (the first of a month for monthly, a Monday for weekly).
    func periodStarting(frequency: Frequency, calendar: FiscalCalendar) -> Period? {
        switch frequency {
        case .weekly:
            return weekday == .monday ? .containing(self, frequency: .weekly, calendar: calendar, fiscal: false) : nil
        case .monthly:
            return day == 1 ? .month(year: year, month: month) : nil
        case .quarterly:
            guard day == 1 else { return nil }
            if (month - 1) % 3 == 0 { return .containing(self, frequency: .quarterly, calendar: calendar, fiscal: false) }
            if calendar.monthsIntoFiscalYear(month) % 3 == 0 {
                return .containing(self, frequency: .quarterly, calendar: calendar, fiscal: true)
            }
            return nil
        case .annual:
            guard day == 1 else { return nil }
            if month == 1 { return .calendarYear(year) }
            if month == calendar.startMonth { return .fiscalYear(calendar.fiscalYear(containing: self), calendar: calendar) }
            return nil
        }
    }
}

/// The syntax of a period text, before its numbers are checked.
private enum Form {
    case year(Int)
    case fiscalYear(Int)
    case quarter(year: Int, quarter: Int)
    case fiscalQuarter(fiscalYear: Int, quarter: Int)
    case month(year: Int, month: Int)
    case week(year: Int, week: Int)
    case day(year: Int, month: Int, day: Int)

    private static let zero = UInt8(ascii: "0")
    private static let hyphen = UInt8(ascii: "-")

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseResult<Form> {
        let count = bytes.count
        guard count > 0 else { return .failure(.empty) }
        if hasSurroundingWhitespace(bytes) { return .failure(.surroundingWhitespace) }

        let fiscal = count >= 2 && bytes[0] == UInt8(ascii: "F") && bytes[1] == UInt8(ascii: "Y")
        var position = fiscal ? 2 : 0
        guard let year = number(bytes, at: position, digits: 4) else { return .failure(.unrecognizedForm) }
        position += 4
        if position == count { return .success(fiscal ? .fiscalYear(year) : .year(year)) }
        guard bytes[position] == hyphen, position + 1 < count else { return .failure(.unrecognizedForm) }
        position += 1

        switch bytes[position] {
        case UInt8(ascii: "Q"):
            guard position + 2 == count, let quarter = number(bytes, at: position + 1, digits: 1) else {
                return .failure(.unrecognizedForm)
            }
            return .success(fiscal ? .fiscalQuarter(fiscalYear: year, quarter: quarter) : .quarter(year: year, quarter: quarter))
        case UInt8(ascii: "W") where !fiscal:
            guard position + 3 == count, let week = number(bytes, at: position + 1, digits: 2) else {
                return .failure(.unrecognizedForm)
            }
            return .success(.week(year: year, week: week))
        default:
            guard !fiscal, let month = number(bytes, at: position, digits: 2) else { return .failure(.unrecognizedForm) }
            position += 2
            if position == count { return .success(.month(year: year, month: month)) }
            guard position + 3 == count, bytes[position] == hyphen,
                  let day = number(bytes, at: position + 1, digits: 2)
            else { return .failure(.unrecognizedForm) }
            return .success(.day(year: year, month: month, day: day))
        }
    }

    func period(calendar: FiscalCalendar) -> ParseResult<Period> {
        switch self {
        case .year(let year), .fiscalYear(let year),
             .quarter(let year, _), .fiscalQuarter(let year, _),
             .month(let year, _), .week(let year, _), .day(let year, _, _):
            guard year >= 1 else { return .failure(.yearOutOfRange) }
        }
        switch self {
        case .year(let year):
            return .success(.calendarYear(year))
        case .fiscalYear(let fiscalYear):
            return .success(.fiscalYear(fiscalYear, calendar: calendar))
        case .quarter(let year, let quarter):
            guard (1...4).contains(quarter) else { return .failure(.quarterOutOfRange(quarter)) }
            return .success(.calendarQuarter(year: year, quarter: quarter))
        case .fiscalQuarter(let fiscalYear, let quarter):
            guard (1...4).contains(quarter) else { return .failure(.quarterOutOfRange(quarter)) }
            return .success(.fiscalQuarter(fiscalYear: fiscalYear, quarter: quarter, calendar: calendar))
        case .month(let year, let month):
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
            return .success(.month(year: year, month: month))
        case .week(let year, let week):
            let weeks = Period.isoWeekCount(in: year)
            guard week >= 1 && week <= weeks else {
                return .failure(.weekOutOfRange(year: year, week: week, weeksInYear: weeks))
            }
            return .success(.isoWeek(year: year, week: week))
        case .day(let year, let month, let day):
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
            let days = CalendarDate.daysInMonth(year: year, month: month)
            guard day >= 1 && day <= days else { return .failure(.dayOutOfRange(day: day, daysInMonth: days)) }
            return .success(.day(CalendarDate(unchecked: year, month, day)))
        }
    }

    /// The number written with exactly `digits` ASCII digits at `position`, or nil.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for index in position..<(position + digits) {
            let digit = bytes[index] &- zero
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func hasSurroundingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        // Spreadsheets paste a no-break space (UTF-8 C2 A0) as often as a plain one.
        let count = bytes.count
        let noBreakFirst = count >= 2 && bytes[0] == 0xC2 && bytes[1] == 0xA0
        let noBreakLast = count >= 2 && bytes[count - 2] == 0xC2 && bytes[count - 1] == 0xA0
        return isSpace(bytes[0]) || isSpace(bytes[count - 1]) || noBreakFirst || noBreakLast
    }
}

/// A parsed value or the reason it could not be parsed; `Result` would need the reason to be an `Error`.
enum ParseResult<Value> {
    case success(Value)
    case failure(PeriodError.Reason)
}
