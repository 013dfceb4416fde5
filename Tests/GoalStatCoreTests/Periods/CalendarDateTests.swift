import Foundation
import Testing
@testable import GoalStatCore

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func theEpochIsDayZeroAndKnownDatesHaveKnownDayNumbers() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CalendarDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
        #expect(CalendarDate(year: 1, month: 1, day: 1).daysSinceEpoch == -719_162)
        #expect(CalendarDate(year: 9999, month: 12, day: 31).daysSinceEpoch == 2_932_896)
    }

    @Test func dayNumbersRoundTripAndAdvanceOneDayAtATimeAcrossFiveCenturies() {
        var expected = CalendarDate(year: 1800, month: 1, day: 1)
        let first = expected.daysSinceEpoch
        var mismatches: [Int] = []
        for dayNumber in first..<(first + 365 * 500) {
            let date = CalendarDate(daysSinceEpoch: dayNumber)
            if date != expected || date.daysSinceEpoch != dayNumber { mismatches.append(dayNumber) }
            expected = Self.naiveNextDay(expected)
        }
        #expect(mismatches.isEmpty)
    }

    @Test func matchesFoundationsProlepticGregorianCalendarInUTC() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var mismatches: [String] = []
        for dayNumber in stride(from: -20_000, through: 40_000, by: 3) {
            let instant = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            let date = CalendarDate(daysSinceEpoch: dayNumber)
            // Foundation numbers Sunday 1 … Saturday 7; ISO numbers Monday 1 … Sunday 7.
            let isoWeekday = ((parts.weekday ?? 0) + 5) % 7 + 1
            if [date.year, date.month, date.day, date.weekday.rawValue] != [parts.year, parts.month, parts.day, isoWeekday] {
                mismatches.append(date.description)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CalendarDate.isLeapYear(2024))
        #expect(CalendarDate.isLeapYear(2000))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(!CalendarDate.isLeapYear(2025))
        #expect(CalendarDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CalendarDate.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CalendarDate.daysInMonth(year: 2025, month: 4) == 30)
        #expect(CalendarDate.daysInMonth(year: 2025, month: 12) == 31)
    }

    @Test func validatedRejectsDaysThatDoNotExist() {
        #expect(CalendarDate.validated(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate.validated(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate.validated(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate.validated(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate.validated(year: 2025, month: 1, day: 0) == nil)
    }

    @Test func addingDaysCrossesMonthAndYearEnds() {
        let date = CalendarDate(year: 2024, month: 12, day: 30)
        #expect(date.adding(days: 2) == CalendarDate(year: 2025, month: 1, day: 1))
        #expect(date.adding(days: -30) == CalendarDate(year: 2024, month: 11, day: 30))
        #expect(CalendarDate(year: 2024, month: 2, day: 28).adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(date.days(to: CalendarDate(year: 2025, month: 12, day: 30)) == 365)
    }

    @Test func weekdaysAreNumberedTheISOWayMondayFirst() {
        #expect(CalendarDate(year: 2025, month: 7, day: 15).weekday == .tuesday)
        #expect(CalendarDate(year: 2025, month: 7, day: 14).weekday == .monday)
        #expect(CalendarDate(year: 2025, month: 7, day: 20).weekday == .sunday)
        #expect(CalendarDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(CalendarDate(year: 1969, month: 12, day: 29).weekday == .monday)
    }

    @Test func dayOfYearCountsFromJanuaryFirst() {
        #expect(CalendarDate(year: 2025, month: 1, day: 1).dayOfYear == 1)
        #expect(CalendarDate(year: 2024, month: 12, day: 31).dayOfYear == 366)
        #expect(CalendarDate(year: 2025, month: 3, day: 1).dayOfYear == 60)
    }

    @Test func datesAreOrderedByYearThenMonthThenDay() {
        let dates = [
            CalendarDate(year: 2025, month: 1, day: 31), CalendarDate(year: 2024, month: 12, day: 1),
            CalendarDate(year: 2025, month: 2, day: 1), CalendarDate(year: 2025, month: 1, day: 2),
        ]
        #expect(dates.sorted().map(\.description) == ["2024-12-01", "2025-01-02", "2025-01-31", "2025-02-01"])
    }

    @Test func printsAndParsesISO8601() throws {
        #expect(CalendarDate(year: 2025, month: 7, day: 5).description == "2025-07-05")
        #expect(CalendarDate(year: 812, month: 1, day: 9).description == "0812-01-09")
        #expect(try CalendarDate.parse("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-7-15", "20250715", "2025-07", "2025-07-15 ", "", "FY2025"])
    func parsingRejectsTextThatIsNotAnISODate(_ text: String) {
        #expect(throws: PeriodError.self) { try CalendarDate.parse(text) }
    }

    @Test func parsingANonDateFormSaysADateWasWanted() {
        #expect(throws: PeriodError(text: "2025-07", reason: .notADate)) { try CalendarDate.parse("2025-07") }
        #expect(throws: PeriodError(text: "2025-02-30", reason: .dayOutOfRange(day: 30, daysInMonth: 28))) {
            try CalendarDate.parse("2025-02-30")
        }
    }

    @Test func encodesAsAnISOStringInJSON() throws {
        let date = CalendarDate(year: 2025, month: 7, day: 15)
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2025-07-15"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2025-02-30"]"#.utf8))
        }
    }

    private static func naiveNextDay(_ date: CalendarDate) -> CalendarDate {
        if date.day < CalendarDate.daysInMonth(year: date.year, month: date.month) {
            return CalendarDate(year: date.year, month: date.month, day: date.day + 1)
        }
        if date.month < 12 { return CalendarDate(year: date.year, month: date.month + 1, day: 1) }
        return CalendarDate(year: date.year + 1, month: 1, day: 1)
    }
}
