import Foundation
import Testing
@testable import GoalStatCore

@Suite("Measurements CSV reading")
struct MeasurementsCSVReaderTests {
    private let read = MeasurementsCSVFixture.read
    private let issueLines = MeasurementsCSVFixture.issueLines

    @Test func readsTheRequiredColumnsIntoRows() {
        let result = read("indicator,period,value\nDMV-WAIT,2025-07,12.5\nDMV-WAIT,2025-08,-3\n")
        #expect(result.issues.isEmpty && result.issueCount == 0 && result.isValid)
        #expect(result.rows == [
            ParsedMeasurement(line: 2, indicator: "DMV-WAIT", period: .month(year: 2025, month: 7), value: 12.5),
            ParsedMeasurement(line: 3, indicator: "DMV-WAIT", period: .month(year: 2025, month: 8), value: -3),
        ])
    }

    @Test func readsAllSixColumnsInAnyOrder() {
        let result = read("""
            note,status,org_unit,value,period,indicator
            "late, but counted",provisional,DMV-NORTH,7,2025-Q3,DMV-ISSUED

            """)
        #expect(result.issues.isEmpty)
        #expect(result.rows == [
            ParsedMeasurement(
                line: 2, indicator: "DMV-ISSUED", period: .calendarQuarter(year: 2025, quarter: 3), orgUnit: "DMV-NORTH",
                value: 7, status: .provisional, note: "late, but counted"
            ),
        ])
    }

    @Test func emptyOptionalFieldsMeanTheIndicatorsOwnUnitFinalStatusAndNoNote() throws {
        let result = read("indicator,period,value,org_unit,status,note\nDMV-WAIT,2025-07,1,,,\n")
        let row = try #require(result.rows.first)
        #expect(row.orgUnit == nil && row.status == .final && row.note == nil)
    }

    @Test func eachPeriodIsReadForTheIndicatorsFrequency() {
        let result = read("""
            indicator,period,value
            DMV-WAIT,2016-04-01,1
            DMV-ISSUED,FY2025-Q1,2
            BUDGET,FY2025,3
            BUDGET,2025,4
            CALLS,2025-W07,5
            CALLS,2025-02-17,6

            """)
        #expect(result.issues.isEmpty)
        #expect(result.rows.map(\.period) == [
            .month(year: 2016, month: 4), .calendarQuarter(year: 2024, quarter: 4), .fiscalYear(2025, calendar: FiscalCalendar()),
            .calendarYear(2025), .isoWeek(year: 2025, week: 7), .isoWeek(year: 2025, week: 8),
        ])
        #expect(result.rows.map(\.period.granularity) == [.month, .quarter, .year, .year, .week, .week])
    }

    @Test func aQualitativeIndicatorTakesOneOfItsLevels() {
        let result = read("indicator,period,value\nDMV-STATUS,2025-Q1,Green\nDMV-STATUS,2025-Q2,\"Amber, \"\"rising\"\"\"\n")
        #expect(result.issues.isEmpty)
        #expect(result.rows.map(\.level) == ["Green", "Amber, \"rising\""])
        #expect(result.rows.map(\.value) == [nil, nil])
    }

    @Test func aMissingValueHasStatusMissingAndAnEmptyValue() throws {
        let result = read("indicator,period,value,status\nDMV-WAIT,2025-07,,missing\nDMV-STATUS,2025-Q1,,missing\n")
        #expect(result.issues.isEmpty)
        #expect(result.rows.map(\.status) == [.missing, .missing])
        #expect(result.rows.allSatisfy { $0.value == nil && $0.level == nil })
    }

    @Test func aByteOrderMarkAndCRLFLineEndingsAreAccepted() {
        let result = read("\u{FEFF}indicator,period,value,note\r\nDMV-WAIT,2025-07,1,\"two\r\nlines\"\r\nDMV-WAIT,2025-08,2,\r\n")
        #expect(result.issues.isEmpty)
        #expect(result.rows.map(\.line) == [2, 4])
        #expect(result.rows.first?.note == "two\r\nlines")
    }

    @Test func rowsAreNumberedByThePhysicalLineWhereTheyStart() {
        let result = read("""
            indicator,period,value,note
            DMV-WAIT,2025-07,1,"a note
            over three
            lines"
            DMV-WAIT,2025-08,x,
            DMV-WAIT,2025-09,3,

            """)
        #expect(result.rows.map(\.line) == [2, 6])
        #expect(issueLines(result) == [
            "5 value: \"x\" is not a number; write digits with an optional - sign, a . decimal point and an optional exponent (1.5e3)",
        ])
    }

    @Test func blankLinesAndRowsOfOnlyCommasCarryNothingAndAreSkipped() {
        let result = read("indicator,period,value\n\nDMV-WAIT,2025-07,1\n,,\n\r\nDMV-WAIT,2025-08,2")
        #expect(result.issues.isEmpty)
        #expect(result.rows.map(\.line) == [3, 6])
    }

    @Test func aHeaderWithNoRowsIsAValidEmptyImport() {
        let result = read("indicator,period,value\n")
        #expect(result.isValid && result.rows.isEmpty)
    }

    @Test func codesAreInternedFromTheCatalog() throws {
        let result = read("indicator,period,value,org_unit\nDMV-WAIT,2025-07,1,DMV-SOUTH\n")
        let row = try #require(result.rows.first)
        #expect(row.indicator == "DMV-WAIT" && row.orgUnit == "DMV-SOUTH")
    }

    @Test func dataAndStringInputsReadLikeBytes() {
        let text = "indicator,period,value\nDMV-WAIT,2025-07,1\n"
        let fromBytes = MeasurementsCSV.read(Array(text.utf8), catalog: MeasurementsCSVFixture.catalog)
        #expect(MeasurementsCSV.read(Data(text.utf8), catalog: MeasurementsCSVFixture.catalog) == fromBytes)
        #expect(MeasurementsCSV.read(text, catalog: MeasurementsCSVFixture.catalog) == fromBytes)
    }

    @Test func catalogCanBeBuiltFromIndicators() {
        let indicator = Indicator(
            code: "Q-LEVEL", name: "Level", direction: .increase, frequency: .quarterly, stage: .output,
            orgUnit: "DMV", levels: ["Low", "High"]
        )
        let catalog = MeasurementCatalog(indicators: [indicator], orgUnits: ["DMV"])
        #expect(catalog.indicators["Q-LEVEL"] == CatalogIndicator(frequency: .quarterly, levels: ["Low", "High"], unit: .count))
        #expect(catalog.calendar == FiscalCalendar(startMonth: 10))
        let result = MeasurementsCSV.read("indicator,period,value\nQ-LEVEL,FY2026-Q1,High\n", catalog: catalog)
        #expect(result.rows.first?.level == "High")
    }

    @Test func theCatalogsFiscalCalendarIsUsedForFiscalPeriods() {
        var catalog = MeasurementsCSVFixture.catalog
        catalog.calendar = FiscalCalendar(startMonth: 7)
        let result = MeasurementsCSV.read("indicator,period,value\nBUDGET,FY2025,1\n", catalog: catalog)
        #expect(result.rows.first?.period == .fiscalYear(2025, calendar: FiscalCalendar(startMonth: 7)))
        #expect(result.rows.first.map { testRange($0.period) } == "2024-07-01…2025-06-30")
    }
}
