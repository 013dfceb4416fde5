import Testing
@testable import GoalStatCore

@Suite("Period labels")
struct PeriodLabelTests {
    let federal = FiscalCalendar()

    @Test func calendarFormsPrintAsTheyAreWritten() throws {
        for text in ["2025", "2025-Q3", "2025-07", "2025-W07", "2025-07-15", "0999-01", "2020-W53"] {
            let period = try Period.parse(text, calendar: federal)
            #expect(period.label(calendar: federal, fiscal: false) == text)
        }
    }

    @Test func fiscalYearsAndQuartersPrintInFiscalFormWhenThePlanReportsInFiscalYears() throws {
        let quarter = try Period.parse("2024-Q4", calendar: federal)
        #expect(quarter.label(calendar: federal, fiscal: true) == "FY2025-Q1")
        #expect(quarter.label(calendar: federal, fiscal: false) == "2024-Q4")
        #expect(Period.calendarQuarter(year: 2025, quarter: 3).label(calendar: federal, fiscal: true) == "FY2025-Q4")
    }

    @Test func aFiscalYearWithNoCalendarFormAlwaysPrintsInFiscalForm() throws {
        let fiscalYear = try Period.parse("FY2025", calendar: federal)
        #expect(fiscalYear.label(calendar: federal, fiscal: false) == "FY2025")
        #expect(fiscalYear.label(calendar: federal, fiscal: true) == "FY2025")
    }

    @Test func aCalendarYearPrintsInCalendarFormEvenWhenReportingInFiscalYears() {
        #expect(Period.calendarYear(2025).label(calendar: federal, fiscal: true) == "2025")
    }

    @Test func withJanuaryStartsTheFiscalFlagChoosesBetweenTheTwoNamesOfAYear() {
        let january = FiscalCalendar(startMonth: 1)
        #expect(Period.calendarYear(2025).label(calendar: january, fiscal: true) == "FY2025")
        #expect(Period.calendarYear(2025).label(calendar: january, fiscal: false) == "2025")
        #expect(Period.calendarQuarter(year: 2025, quarter: 2).label(calendar: january, fiscal: true) == "FY2025-Q2")
    }

    @Test func aFiscalQuarterNotAlignedWithCalendarQuartersAlwaysPrintsInFiscalForm() {
        let february = FiscalCalendar(startMonth: 2)
        let quarter = Period.fiscalQuarter(fiscalYear: 2025, quarter: 1, calendar: february)
        #expect(quarter.label(calendar: february, fiscal: false) == "FY2025-Q1")
    }

    @Test func aYearFromAnotherFiscalCalendarPrintsAsAnISOInterval() {
        let july = FiscalCalendar(startMonth: 7)
        #expect(Period.fiscalYear(2025, calendar: july).label(calendar: federal, fiscal: true) == "2024-07-01/2025-06-30")
    }

    @Test func weeksPrintTheirISOWeekYear() {
        #expect(Period.isoWeek(year: 2025, week: 1).label(calendar: federal, fiscal: false) == "2025-W01")
        #expect(Period.isoWeek(year: 2020, week: 53).label(calendar: federal, fiscal: true) == "2020-W53")
    }

    @Test func everyLabelParsesBackToTheSamePeriodUnderTheSameCalendar() throws {
        for startMonth in 1...12 {
            let calendar = FiscalCalendar(startMonth: startMonth)
            var periods: [Period] = []
            for year in 2019...2027 {
                periods.append(.calendarYear(year))
                periods.append(.fiscalYear(year, calendar: calendar))
                for quarter in 1...4 {
                    periods.append(.calendarQuarter(year: year, quarter: quarter))
                    periods.append(.fiscalQuarter(fiscalYear: year, quarter: quarter, calendar: calendar))
                }
                for month in 1...12 { periods.append(.month(year: year, month: month)) }
                for week in 1...Period.isoWeekCount(in: year) { periods.append(.isoWeek(year: year, week: week)) }
            }
            for period in periods {
                for fiscal in [false, true] {
                    let label = period.label(calendar: calendar, fiscal: fiscal)
                    let back = try Period.parse(label, calendar: calendar)
                    #expect(back == period && back.granularity == period.granularity, "\(label) under start month \(startMonth)")
                }
            }
        }
    }

    @Test func descriptionIsTheCalendarLabel() {
        #expect(Period.month(year: 2025, month: 7).description == "2025-07")
        #expect("\(Period.fiscalYear(2025, calendar: federal))" == "FY2025")
    }
}
