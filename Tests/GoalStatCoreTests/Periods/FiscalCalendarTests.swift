import Testing
@testable import GoalStatCore

@Suite("FiscalCalendar")
struct FiscalCalendarTests {
    @Test func theDefaultFiscalYearStartsInOctoberAndIsNamedByTheYearItEndsIn() {
        let calendar = FiscalCalendar()
        #expect(calendar.startMonth == 10)
        #expect(calendar.firstDay(ofFiscalYear: 2025) == testDate("2024-10-01"))
        #expect(testRange(.fiscalYear(2025, calendar: calendar)) == "2024-10-01…2025-09-30")
    }

    @Test func fiscalQuarterOneOfFY2025IsOctoberToDecember2024() {
        let calendar = FiscalCalendar()
        #expect(testRange(.fiscalQuarter(fiscalYear: 2025, quarter: 1, calendar: calendar)) == "2024-10-01…2024-12-31")
        #expect(testRange(.fiscalQuarter(fiscalYear: 2025, quarter: 2, calendar: calendar)) == "2025-01-01…2025-03-31")
        #expect(testRange(.fiscalQuarter(fiscalYear: 2025, quarter: 4, calendar: calendar)) == "2025-07-01…2025-09-30")
    }

    @Test func startMonthJanuaryMakesFiscalYearsCalendarYears() {
        let calendar = FiscalCalendar(startMonth: 1)
        #expect(Period.fiscalYear(2025, calendar: calendar) == .calendarYear(2025))
        #expect(calendar.fiscalYear(containing: testDate("2025-12-31")) == 2025)
        #expect(calendar.fiscalQuarter(containing: testDate("2025-04-01")) == 2)
    }

    @Test func aJulyStartPutsJuly2024InFY2025() {
        let calendar = FiscalCalendar(startMonth: 7)
        #expect(testRange(.fiscalYear(2025, calendar: calendar)) == "2024-07-01…2025-06-30")
        #expect(calendar.fiscalYear(containing: testDate("2024-07-01")) == 2025)
        #expect(calendar.fiscalYear(containing: testDate("2024-06-30")) == 2024)
    }

    @Test func findsTheFiscalYearAndQuarterOfADate() {
        let calendar = FiscalCalendar()
        #expect(calendar.fiscalYear(containing: testDate("2024-09-30")) == 2024)
        #expect(calendar.fiscalYear(containing: testDate("2024-10-01")) == 2025)
        #expect(calendar.fiscalQuarter(containing: testDate("2024-10-01")) == 1)
        #expect(calendar.fiscalQuarter(containing: testDate("2025-03-31")) == 2)
        #expect(calendar.fiscalQuarter(containing: testDate("2025-09-30")) == 4)
    }

    @Test func aStartMonthOutsideOneToTwelveIsRejectedWhenValidating() {
        #expect(FiscalCalendar(validatingStartMonth: 0) == nil)
        #expect(FiscalCalendar(validatingStartMonth: 13) == nil)
        #expect(FiscalCalendar(validatingStartMonth: 4)?.startMonth == 4)
    }
}
