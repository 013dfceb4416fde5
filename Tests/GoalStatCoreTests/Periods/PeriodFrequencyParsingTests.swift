import Testing
@testable import GoalStatCore

@Suite("Period parsing for an indicator's frequency")
struct PeriodFrequencyParsingTests {
    let calendar = FiscalCalendar()

    private func parse(_ text: String, _ frequency: Frequency, _ calendar: FiscalCalendar? = nil) throws(PeriodError) -> Period {
        try Period.parse(text, for: frequency, calendar: calendar ?? self.calendar)
    }

    @Test func eachFrequencyAcceptsItsOwnForms() throws {
        #expect(try parse("2025", .annual).granularity == .year)
        #expect(try parse("FY2025", .annual).granularity == .year)
        #expect(try parse("2025-Q3", .quarterly).granularity == .quarter)
        #expect(try parse("FY2025-Q1", .quarterly).granularity == .quarter)
        #expect(try parse("2025-07", .monthly).granularity == .month)
        #expect(try parse("2025-W07", .weekly).granularity == .week)
    }

    @Test(arguments: [
        ("2025-07", Frequency.annual, Period.Granularity.month),
        ("2025-Q3", .monthly, .quarter),
        ("FY2025", .quarterly, .year),
        ("2025-W07", .monthly, .week),
        ("2025-07", .weekly, .month),
        ("2025", .quarterly, .year),
    ])
    func aFormOfAnotherGranularityIsRejected(text: String, frequency: Frequency, granularity: Period.Granularity) {
        #expect(throws: PeriodError(text: text, reason: .wrongFrequency(granularity: granularity, frequency: frequency))) {
            try parse(text, frequency)
        }
    }

    @Test func theWrongFrequencyMessageSuggestsTheRightForm() {
        let error = PeriodError(text: "2025-07", reason: .wrongFrequency(granularity: .month, frequency: .quarterly))
        #expect(error.message == "2025-07 is a month, not a quarterly period; use a form such as 2025-Q3 or FY2025-Q1")
    }

    @Test func theFirstDayOfAMonthReadsAsThatMonthForAMonthlyIndicator() throws {
        let period = try parse("2016-04-01", .monthly)
        #expect(period == .month(year: 2016, month: 4))
        #expect(period.granularity == .month)
    }

    @Test func anotherDayOfTheMonthIsRejectedForAMonthlyIndicator() {
        #expect(throws: PeriodError(text: "2016-04-02", reason: .notFirstDay(of: .monthly))) { try parse("2016-04-02", .monthly) }
        #expect(PeriodError(text: "2016-04-02", reason: .notFirstDay(of: .monthly)).message
            == "2016-04-02 is not the first day of a month")
    }

    @Test func aMondayReadsAsItsISOWeekForAWeeklyIndicator() throws {
        #expect(try parse("2024-12-30", .weekly) == .isoWeek(year: 2025, week: 1))
        #expect(try parse("2024-12-30", .weekly).granularity == .week)
        #expect(throws: PeriodError(text: "2024-12-31", reason: .notFirstDay(of: .weekly))) { try parse("2024-12-31", .weekly) }
    }

    @Test func theFirstDayOfACalendarQuarterReadsAsThatQuarter() throws {
        #expect(try parse("2025-07-01", .quarterly) == .calendarQuarter(year: 2025, quarter: 3))
        #expect(try parse("2024-10-01", .quarterly) == .fiscalQuarter(fiscalYear: 2025, quarter: 1, calendar: calendar))
        #expect(throws: PeriodError(text: "2025-08-01", reason: .notFirstDay(of: .quarterly))) { try parse("2025-08-01", .quarterly) }
    }

    @Test func theFirstDayOfAFiscalQuarterNotAlignedWithCalendarQuartersReadsAsTheFiscalQuarter() throws {
        let february = FiscalCalendar(startMonth: 2)
        #expect(try parse("2025-05-01", .quarterly, february) == .fiscalQuarter(fiscalYear: 2026, quarter: 2, calendar: february))
        #expect(try parse("2025-04-01", .quarterly, february) == .calendarQuarter(year: 2025, quarter: 2))
    }

    @Test func januaryFirstIsTheCalendarYearAndTheFiscalStartIsTheFiscalYear() throws {
        #expect(try parse("2025-01-01", .annual) == .calendarYear(2025))
        #expect(try parse("2024-10-01", .annual) == .fiscalYear(2025, calendar: calendar))
        #expect(throws: PeriodError(text: "2025-07-01", reason: .notFirstDay(of: .annual))) { try parse("2025-07-01", .annual) }
    }

    @Test func aDayThatDoesNotExistIsReportedAsSuchEvenForAFrequency() {
        #expect(throws: PeriodError(text: "2025-02-30", reason: .dayOutOfRange(day: 30, daysInMonth: 28))) {
            try parse("2025-02-30", .monthly)
        }
    }
}
