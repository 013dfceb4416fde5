extension Period: CustomStringConvertible {
    /// The period as SPEC §3.1 writes it: the calendar form, or with `fiscal` the fiscal form of years and quarters.
    ///
    /// A fiscal year or quarter that has no calendar form (a year not starting in January, a quarter not
    /// aligned with calendar quarters) is always written in fiscal form. A year or quarter that fits neither
    /// the calendar nor `calendar`'s fiscal years (it was made with another fiscal calendar) has no §3.1 form
    /// and is written as an ISO 8601 interval, `2024-07-01/2025-06-30`.
    public func label(calendar: FiscalCalendar, fiscal: Bool) -> String {
        var text = ""
        text.reserveCapacity(10)
        switch granularity {
        case .year:
            let isCalendar = start.month == 1
            let isFiscal = start.month == calendar.startMonth
            if isFiscal && (fiscal || !isCalendar) {
                text += "FY"
                appendPadded(calendar.fiscalYear(containing: start), width: 4, to: &text)
            } else if isCalendar {
                appendPadded(start.year, width: 4, to: &text)
            } else {
                return intervalLabel
            }
        case .quarter:
            let isCalendar = (start.month - 1) % 3 == 0
            let isFiscal = calendar.monthsIntoFiscalYear(start.month) % 3 == 0
            if isFiscal && (fiscal || !isCalendar) {
                text += "FY"
                appendPadded(calendar.fiscalYear(containing: start), width: 4, to: &text)
                text += "-Q"
                appendPadded(calendar.fiscalQuarter(containing: start), width: 1, to: &text)
            } else if isCalendar {
                appendPadded(start.year, width: 4, to: &text)
                text += "-Q"
                appendPadded((start.month - 1) / 3 + 1, width: 1, to: &text)
            } else {
                return intervalLabel
            }
        case .month:
            appendPadded(start.year, width: 4, to: &text)
            text += "-"
            appendPadded(start.month, width: 2, to: &text)
        case .week:
            let (year, week) = Period.isoWeekNumber(of: start)
            appendPadded(year, width: 4, to: &text)
            text += "-W"
            appendPadded(week, width: 2, to: &text)
        case .day:
            return start.description
        }
        return text
    }

    /// The calendar form under the federal fiscal calendar (for debugging; use `label(calendar:fiscal:)` for output).
    public var description: String { label(calendar: .federal, fiscal: false) }

    private var intervalLabel: String { "\(start)/\(end)" }
}

extension CalendarDate: CustomStringConvertible {
    /// The ISO 8601 form, `2025-07-15`.
    public var description: String {
        var text = ""
        text.reserveCapacity(10)
        appendPadded(year, width: 4, to: &text)
        text += "-"
        appendPadded(month, width: 2, to: &text)
        text += "-"
        appendPadded(day, width: 2, to: &text)
        return text
    }
}

/// Appends `value` in decimal with leading zeros up to `width` digits (a minus sign before them when negative).
func appendPadded(_ value: Int, width: Int, to text: inout String) {
    if value < 0 { text += "-" }
    let digits = String(value.magnitude)
    if digits.utf8.count < width { text += String(repeating: "0", count: width - digits.utf8.count) }
    text += digits
}
