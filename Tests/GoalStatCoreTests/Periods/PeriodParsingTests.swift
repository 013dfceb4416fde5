import Testing
@testable import GoalStatCore

@Suite("Period parsing")
struct PeriodParsingTests {
    let calendar = FiscalCalendar()

    @Test func readsEachOfTheSevenForms() throws {
        #expect(testRange(try Period.parse("2025", calendar: calendar)) == "2025-01-01…2025-12-31")
        #expect(testRange(try Period.parse("FY2025", calendar: calendar)) == "2024-10-01…2025-09-30")
        #expect(testRange(try Period.parse("2025-Q3", calendar: calendar)) == "2025-07-01…2025-09-30")
        #expect(testRange(try Period.parse("FY2025-Q1", calendar: calendar)) == "2024-10-01…2024-12-31")
        #expect(testRange(try Period.parse("2025-07", calendar: calendar)) == "2025-07-01…2025-07-31")
        #expect(testRange(try Period.parse("2025-W07", calendar: calendar)) == "2025-02-10…2025-02-16")
        #expect(testRange(try Period.parse("2025-07-15", calendar: calendar)) == "2025-07-15…2025-07-15")
    }

    @Test func eachFormHasItsGranularity() throws {
        let granularities = try ["2025", "FY2025", "2025-Q3", "FY2025-Q1", "2025-07", "2025-W07", "2025-07-15"]
            .map { try Period.parse($0, calendar: calendar).granularity }
        #expect(granularities == [.year, .year, .quarter, .quarter, .month, .week, .day])
    }

    @Test func fiscalQuarterOneAndTheCalendarQuarterBeforeAreTheSamePeriod() throws {
        let fiscal = try Period.parse("FY2025-Q1", calendar: calendar)
        let calendarQuarter = try Period.parse("2024-Q4", calendar: calendar)
        #expect(fiscal == calendarQuarter)
        #expect(Set([fiscal, calendarQuarter]).count == 1)
    }

    @Test func theFiscalFormsFollowTheCalendarsStartMonth() throws {
        let april = FiscalCalendar(startMonth: 4)
        #expect(testRange(try Period.parse("FY2025", calendar: april)) == "2024-04-01…2025-03-31")
        #expect(testRange(try Period.parse("FY2025-Q4", calendar: april)) == "2025-01-01…2025-03-31")
        let february = FiscalCalendar(startMonth: 2)
        #expect(testRange(try Period.parse("FY2025-Q1", calendar: february)) == "2024-02-01…2024-04-30")
    }

    @Test func week53IsReadOnlyInYearsThatHaveIt() throws {
        #expect(testRange(try Period.parse("2020-W53", calendar: calendar)) == "2020-12-28…2021-01-03")
        #expect(testRange(try Period.parse("2026-W53", calendar: calendar)) == "2026-12-28…2027-01-03")
        #expect(throws: PeriodError(text: "2025-W53", reason: .weekOutOfRange(year: 2025, week: 53, weeksInYear: 52))) {
            try Period.parse("2025-W53", calendar: calendar)
        }
    }

    @Test func isoWeekOneCanStartInTheYearBefore() throws {
        #expect(testRange(try Period.parse("2025-W01", calendar: calendar)) == "2024-12-30…2025-01-05")
        #expect(testRange(try Period.parse("2021-W01", calendar: calendar)) == "2021-01-04…2021-01-10")
    }

    @Test(arguments: [
        ("2025-13", PeriodError.Reason.monthOutOfRange(13)),
        ("2025-00", .monthOutOfRange(0)),
        ("2025-Q5", .quarterOutOfRange(5)),
        ("2025-Q0", .quarterOutOfRange(0)),
        ("FY2025-Q5", .quarterOutOfRange(5)),
        ("2025-W00", .weekOutOfRange(year: 2025, week: 0, weeksInYear: 52)),
        ("2025-W54", .weekOutOfRange(year: 2025, week: 54, weeksInYear: 52)),
        ("2025-02-29", .dayOutOfRange(day: 29, daysInMonth: 28)),
        ("2025-04-31", .dayOutOfRange(day: 31, daysInMonth: 30)),
        ("2025-07-00", .dayOutOfRange(day: 0, daysInMonth: 31)),
        ("2025-13-01", .monthOutOfRange(13)),
        ("0000", .yearOutOfRange),
        ("", .empty),
        (" 2025", .surroundingWhitespace),
        ("2025 ", .surroundingWhitespace),
        ("2025\r", .surroundingWhitespace),
        ("\u{A0}2025", .surroundingWhitespace),
        ("25-07", .unrecognizedForm),
        ("2025/07", .unrecognizedForm),
        ("FY25", .unrecognizedForm),
        ("fy2025", .unrecognizedForm),
        ("2025-q3", .unrecognizedForm),
        ("2025-w07", .unrecognizedForm),
        ("2025-7", .unrecognizedForm),
        ("2025-W7", .unrecognizedForm),
        ("2025-07-1", .unrecognizedForm),
        ("2025-Q", .unrecognizedForm),
        ("2025-Q12", .unrecognizedForm),
        ("FY2025-W07", .unrecognizedForm),
        ("FY2025-07", .unrecognizedForm),
        ("20255", .unrecognizedForm),
        ("2025-", .unrecognizedForm),
        ("2025-07-15T00:00", .unrecognizedForm),
        ("+2025", .unrecognizedForm),
        ("２０２５", .unrecognizedForm),
    ])
    func rejectsTextThatIsNotExactlyAForm(text: String, reason: PeriodError.Reason) {
        #expect(throws: PeriodError(text: text, reason: reason)) { try Period.parse(text, calendar: calendar) }
    }

    @Test func errorMessagesNameTheTextAndTheReason() {
        func message(_ text: String) -> String {
            do {
                _ = try Period.parse(text, calendar: calendar)
                return "parsed"
            } catch {
                return error.message
            }
        }
        #expect(message("2025-13") == "2025-13 is not a period: there is no month 13 (months run from 01 to 12)")
        #expect(message("2025-Q5") == "2025-Q5 is not a period: there is no quarter Q5 (quarters run from Q1 to Q4)")
        #expect(message("2025-W53") == "2025-W53 is not a period: ISO week-year 2025 has only 52 weeks")
        #expect(message("2025-02-29") == "2025-02-29 is not a date: that month has only 28 days")
        #expect(message("25-07").hasPrefix("25-07 is not a period; use one of 2025, FY2025, 2025-Q3"))
        #expect(message(" 2025") == "\" 2025\" has spaces around it; write the period without them")
    }

    @Test func errorsHaveStableCodes() {
        #expect(PeriodError(text: "x", reason: .unrecognizedForm).code == "periodUnrecognized")
        #expect(PeriodError(text: "x", reason: .notFirstDay(of: .monthly)).code == "periodNotFirstDay")
        #expect(PeriodError(text: "x", reason: .wrongFrequency(granularity: .month, frequency: .annual)).code
            == "periodWrongFrequency")
    }
}
