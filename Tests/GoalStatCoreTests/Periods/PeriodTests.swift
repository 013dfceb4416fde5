import Foundation
import Testing
@testable import GoalStatCore

@Suite("Period")
struct PeriodTests {
    let calendar = FiscalCalendar()

    @Test func twoPeriodsAreEqualWhenTheirDateRangesAreEqualWhateverTheirForm() {
        let fiscalYear = Period.fiscalYear(2025, calendar: FiscalCalendar(startMonth: 1))
        #expect(fiscalYear == .calendarYear(2025))
        #expect(fiscalYear.hashValue == Period.calendarYear(2025).hashValue)
        #expect(Period.fiscalQuarter(fiscalYear: 2025, quarter: 1, calendar: calendar) == .calendarQuarter(year: 2024, quarter: 4))
        #expect(Period.month(year: 2025, month: 1) != .calendarQuarter(year: 2025, quarter: 1))
    }

    @Test func periodsAreOrderedByStartThenEnd() {
        let periods: [Period] = [
            .calendarYear(2025), .month(year: 2025, month: 1), .calendarQuarter(year: 2025, quarter: 1),
            .day(testDate("2024-12-31")), .month(year: 2024, month: 12),
        ]
        #expect(periods.sorted().map { testRange($0) } == [
            "2024-12-01…2024-12-31", "2024-12-31…2024-12-31", "2025-01-01…2025-01-31",
            "2025-01-01…2025-03-31", "2025-01-01…2025-12-31",
        ])
    }

    @Test func containingFindsThePeriodOfEachFrequency() {
        let day = testDate("2025-02-13") // a Thursday
        #expect(testRange(.containing(day, frequency: .weekly, calendar: calendar, fiscal: false)) == "2025-02-10…2025-02-16")
        #expect(testRange(.containing(day, frequency: .monthly, calendar: calendar, fiscal: false)) == "2025-02-01…2025-02-28")
        #expect(testRange(.containing(day, frequency: .quarterly, calendar: calendar, fiscal: false)) == "2025-01-01…2025-03-31")
        #expect(testRange(.containing(day, frequency: .annual, calendar: calendar, fiscal: false)) == "2025-01-01…2025-12-31")
        #expect(testRange(.containing(day, frequency: .annual, calendar: calendar, fiscal: true)) == "2024-10-01…2025-09-30")
    }

    @Test func containingAFiscalQuarterUsesTheCalendarsStartMonth() {
        let february = FiscalCalendar(startMonth: 2)
        let period = Period.containing(testDate("2025-01-15"), frequency: .quarterly, calendar: february, fiscal: true)
        #expect(testRange(period) == "2024-11-01…2025-01-31")
    }

    @Test func containingASundayFindsTheWeekThatStartedOnTheMondayBefore() {
        let week = Period.containing(testDate("2021-01-03"), frequency: .weekly, calendar: calendar, fiscal: false)
        #expect(week == .isoWeek(year: 2020, week: 53))
    }

    @Test func nextAndPreviousKeepTheGranularity() {
        #expect(Period.month(year: 2024, month: 12).next() == .month(year: 2025, month: 1))
        #expect(Period.month(year: 2025, month: 1).previous() == .month(year: 2024, month: 12))
        #expect(Period.month(year: 2024, month: 1).next() == .month(year: 2024, month: 2))
        #expect(testRange(Period.month(year: 2024, month: 1).next()) == "2024-02-01…2024-02-29")
        #expect(Period.calendarQuarter(year: 2024, quarter: 4).next() == .calendarQuarter(year: 2025, quarter: 1))
        #expect(Period.fiscalYear(2025, calendar: calendar).next() == .fiscalYear(2026, calendar: calendar))
        #expect(Period.fiscalYear(2025, calendar: calendar).previous().granularity == .year)
        #expect(Period.isoWeek(year: 2020, week: 53).next() == .isoWeek(year: 2021, week: 1))
        #expect(Period.isoWeek(year: 2025, week: 1).previous() == .isoWeek(year: 2024, week: 52))
        #expect(Period.day(testDate("2024-02-28")).next() == .day(testDate("2024-02-29")))
    }

    @Test func stepping120MonthsForwardAndBackComesBackToTheStart() {
        var period = Period.month(year: 2015, month: 1)
        for _ in 0..<120 { period = period.next() }
        #expect(period == .month(year: 2025, month: 1))
        for _ in 0..<120 { period = period.previous() }
        #expect(period == .month(year: 2015, month: 1))
    }

    @Test func containsChecksDatesAndWholePeriods() {
        let fy = Period.fiscalYear(2025, calendar: calendar)
        #expect(fy.contains(testDate("2024-10-01")))
        #expect(fy.contains(testDate("2025-09-30")))
        #expect(!fy.contains(testDate("2025-10-01")))
        #expect(fy.contains(Period.calendarQuarter(year: 2025, quarter: 3)))
        #expect(!fy.contains(Period.calendarQuarter(year: 2025, quarter: 4)))
        #expect(fy.contains(fy))
        #expect(!Period.isoWeek(year: 2025, week: 1).contains(Period.month(year: 2025, month: 1)))
    }

    @Test func dayCountIsInclusive() {
        #expect(Period.calendarYear(2024).dayCount == 366)
        #expect(Period.month(year: 2025, month: 2).dayCount == 28)
        #expect(Period.isoWeek(year: 2025, week: 7).dayCount == 7)
        #expect(Period.day(testDate("2025-07-15")).dayCount == 1)
    }

    @Test func isoWeekYearsHave52Or53Weeks() {
        let longYears = (2000...2040).filter { Period.isoWeekCount(in: $0) == 53 }
        #expect(longYears == [2004, 2009, 2015, 2020, 2026, 2032, 2037])
    }

    @Test func isoWeeksMatchFoundationsISO8601Calendar() throws {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = try #require(TimeZone(identifier: "UTC"))
        var mismatches: [String] = []
        for dayNumber in stride(from: 7_000, through: 25_000, by: 1) {
            let day = CalendarDate(daysSinceEpoch: dayNumber)
            let parts = iso.dateComponents(
                [.yearForWeekOfYear, .weekOfYear], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            )
            let week = Period.containing(day, frequency: .weekly, calendar: calendar, fiscal: false)
            let label = week.label(calendar: calendar, fiscal: false)
            let expected = String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
            if label != expected { mismatches.append("\(day): \(label) != \(expected)") }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func frequenciesMapToGranularities() {
        #expect(Frequency.allCases.map(\.granularity) == [.week, .month, .quarter, .year])
    }
}
