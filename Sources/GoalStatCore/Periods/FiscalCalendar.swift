/// How a plan's fiscal years fall: each starts on the first day of `startMonth` and is named by the year it ends in.
///
/// With the default start month October, FY2025 runs from 2024-10-01 to 2025-09-30 and
/// FY2025-Q1 is October–December 2024. With start month January, FY2025 is calendar year 2025.
public struct FiscalCalendar: Hashable, Sendable {
    /// The month (1...12) on whose first day each fiscal year starts.
    public let startMonth: Int

    /// A fiscal calendar whose years start on the first day of `startMonth` (1...12; default October, as the U.S. federal government's).
    public init(startMonth: Int = 10) {
        precondition((1...12).contains(startMonth), "a fiscal year must start in month 1 to 12, not \(startMonth)")
        self.startMonth = startMonth
    }

    /// A fiscal calendar, or nil when `startMonth` is not a month (for a start month read from user data).
    public init?(validatingStartMonth startMonth: Int) {
        guard (1...12).contains(startMonth) else { return nil }
        self.startMonth = startMonth
    }

    /// The U.S. federal fiscal calendar: years start on October 1.
    public static let federal = FiscalCalendar(startMonth: 10)
    /// Fiscal years that are calendar years.
    public static let calendarYear = FiscalCalendar(startMonth: 1)

    /// The first day of fiscal year `fiscalYear` (the fiscal year that ends in calendar year `fiscalYear`).
    public func firstDay(ofFiscalYear fiscalYear: Int) -> CalendarDate {
        CalendarDate(unchecked: startMonth == 1 ? fiscalYear : fiscalYear - 1, startMonth, 1)
    }

    /// The first day of quarter `quarter` (1...4) of fiscal year `fiscalYear`.
    public func firstDay(ofQuarter quarter: Int, fiscalYear: Int) -> CalendarDate {
        precondition((1...4).contains(quarter), "quarter \(quarter) is not 1...4")
        let start = firstDay(ofFiscalYear: fiscalYear)
        return CalendarDate.firstOfMonth(year: start.year, month: start.month, addingMonths: 3 * (quarter - 1))
    }

    /// The fiscal year that `date` falls in.
    public func fiscalYear(containing date: CalendarDate) -> Int {
        startMonth == 1 || date.month < startMonth ? date.year : date.year + 1
    }

    /// The fiscal quarter (1...4) that `date` falls in.
    public func fiscalQuarter(containing date: CalendarDate) -> Int {
        monthsIntoFiscalYear(date.month) / 3 + 1
    }

    /// Months from the fiscal year's start month to `month` (0...11).
    func monthsIntoFiscalYear(_ month: Int) -> Int {
        (month - startMonth + 12) % 12
    }
}
