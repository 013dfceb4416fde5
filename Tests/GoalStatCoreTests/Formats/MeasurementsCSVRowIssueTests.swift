import Testing
@testable import GoalStatCore

@Suite("Measurements CSV row issues")
struct MeasurementsCSVRowIssueTests {
    private let read = MeasurementsCSVFixture.read
    private let issueLines = MeasurementsCSVFixture.issueLines

    private func valueIssue(_ value: String) -> String? {
        let result = read("indicator,period,value\nDMV-WAIT,2025-07,\(value)\n")
        return result.issues.first.map { "\($0.column ?? "-"): \($0.reason)" }
    }

    @Test(arguments: ["NaN", "Inf", "-inf", "+5", "1,234", "1 234", " 5", ".5", "5.", "1e", "0x10", "five", "1e999"])
    func aValueOutsideTheGrammarIsReportedInTheValueColumn(value: String) {
        let quoted = value.contains(",") ? "\"\(value)\"" : value
        let result = read("indicator,period,value\nDMV-WAIT,2025-07,\(quoted)\n")
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.line == 2)
        #expect(result.issues.first?.column == "value")
        #expect(result.rows.isEmpty)
    }

    @Test func valueReasonsNameTheLikelyMistake() {
        #expect(valueIssue("\"1,234\"") == "value: \"1,234\" has a comma; use . as the decimal point and no thousands separators")
        #expect(valueIssue("+5") == "value: \"+5\" has a + sign; write positive numbers without a sign")
        #expect(valueIssue("NaN") == "value: \"NaN\" is not a number; NaN and infinity cannot be stored")
        #expect(valueIssue(".5") == "value: \".5\" starts with a decimal point; write a 0 before it")
        #expect(valueIssue("1e999") == "value: \"1e999\" is too large to store as a number")
    }

    @Test func anEmptyValueIsAnErrorUnlessTheStatusIsMissing() {
        let result = read("indicator,period,value,status\nDMV-WAIT,2025-07,,\nDMV-WAIT,2025-08,,estimated\n")
        #expect(issueLines(result) == [
            "2 value: the value is empty; leave it empty only when the status is missing",
            "3 value: the value is empty; leave it empty only when the status is missing",
        ])
    }

    @Test func aMissingStatusWithAValueIsAnError() {
        let result = read("indicator,period,value,status\nDMV-WAIT,2025-07,12,missing\n")
        #expect(issueLines(result) == ["2 value: the status is missing, so the value must be empty (it is \"12\")"])
    }

    @Test func aQualitativeValueMustBeADeclaredLevel() {
        let result = read("indicator,period,value\nDMV-STATUS,2025-Q1,green\nDMV-STATUS,2025-Q2,3\n")
        let expected = "is not a level of DMV-STATUS; use one of \"Red\", \"Amber, \"rising\"\", \"Green\""
        #expect(issueLines(result) == ["2 value: \"green\" \(expected)", "3 value: \"3\" \(expected)"])
    }

    @Test func anUnknownStatusIsAnError() {
        let result = read("indicator,period,value,status\nDMV-WAIT,2025-07,1,Final\n")
        #expect(issueLines(result) == ["2 status: unknown status \"Final\"; use final, provisional, estimated or missing"])
    }

    @Test func anUnknownIndicatorOrOrgUnitIsAnError() {
        let result = read("indicator,period,value,org_unit\nDMV-WAITS,2025-07,1,\nDMV-WAIT,2025-07,1,DMV-EAST\n")
        #expect(issueLines(result) == [
            "2 indicator: unknown indicator \"DMV-WAITS\"",
            "3 org_unit: unknown org unit \"DMV-EAST\"",
        ])
    }

    @Test func anEmptyIndicatorOrPeriodIsAnError() {
        let result = read("indicator,period,value\n,2025-07,1\nDMV-WAIT,,1\n")
        #expect(issueLines(result) == ["2 indicator: the indicator is empty", "3 period: the period is empty"])
    }

    @Test func aPeriodOfTheWrongFrequencyIsAnError() {
        let result = read("indicator,period,value\nDMV-WAIT,2025-Q3,1\nDMV-WAIT,2016-04-02,1\nBUDGET,2025-07,1\n")
        #expect(issueLines(result) == [
            "2 period: 2025-Q3 is a quarter, not a monthly period; use a form such as 2025-07",
            "3 period: 2016-04-02 is not the first day of a month",
            "4 period: 2025-07 is a month, not a annual period; use a form such as 2025 or FY2025",
        ])
    }

    @Test func aMalformedPeriodIsReportedEvenWhenTheIndicatorIsUnknown() {
        let result = read("indicator,period,value\nNOPE,2025/07,1\n")
        #expect(result.issues.map(\.column) == ["indicator", "period"])
    }

    @Test func theSameIndicatorPeriodAndOrgUnitTwiceIsAnErrorNamingBothLines() {
        let result = read("""
            indicator,period,value,org_unit
            DMV-WAIT,2025-07,1,
            DMV-WAIT,2025-07,1,DMV-NORTH
            DMV-WAIT,2025-08,1,
            DMV-WAIT,2025-07,2,

            """)
        #expect(issueLines(result) == [
            "5 -: duplicate of line 2: the same indicator, period and org unit appear on both lines",
        ])
        #expect(result.rows.map(\.line) == [2, 3, 4])
    }

    @Test func twoFormsOfTheSamePeriodAreDuplicates() {
        let result = read("""
            indicator,period,value
            DMV-ISSUED,FY2025-Q1,1
            DMV-ISSUED,2024-Q4,1
            DMV-ISSUED,2024-10-01,1
            DMV-WAIT,2016-04,1
            DMV-WAIT,2016-04-01,1

            """)
        #expect(result.issues.map { String($0.reason.prefix(20)) } == ["duplicate of line 2:", "duplicate of line 2:", "duplicate of line 5:"])
        #expect(result.issues.map(\.line) == [3, 4, 6])
    }

    @Test func aCalendarYearAndAFiscalYearAreDifferentPeriodsUnlessTheFiscalYearStartsInJanuary() {
        #expect(read("indicator,period,value\nBUDGET,2025,1\nBUDGET,FY2025,1\n").isValid)
        var catalog = MeasurementsCSVFixture.catalog
        catalog.calendar = FiscalCalendar(startMonth: 1)
        let result = MeasurementsCSV.read("indicator,period,value\nBUDGET,2025,1\nBUDGET,FY2025,1\n", catalog: catalog)
        #expect(result.issues.first?.reason.hasPrefix("duplicate of line 2") == true)
    }

    @Test func theSamePeriodForDifferentIndicatorsOrUnitsIsNoDuplicate() {
        let result = read("""
            indicator,period,value,org_unit
            DMV-WAIT,2025-07,1,DMV
            DMV-WAIT,2025-07,1,DMV-NORTH
            DMV-WAIT,2025-07,1,
            DMV-ISSUED,2025-Q3,1,DMV

            """)
        #expect(result.isValid)
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsAnError() {
        let result = read("indicator,period,value\nDMV-WAIT,2025-07,1,234\nDMV-WAIT,2025-08\nDMV-WAIT,2025-09,3\n")
        #expect(issueLines(result) == [
            "2 -: this row has 4 fields, but the header has 3 (a value with a comma in it must be in double quotes)",
            "3 -: this row has 2 fields, but the header has 3",
        ])
        #expect(result.rows.map(\.line) == [4])
    }

    @Test func anUnterminatedQuoteIsReportedWhereItsRowStarts() {
        let result = read("indicator,period,value,note\nDMV-WAIT,2025-07,1,ok\nDMV-WAIT,2025-08,2,\"never closed\nDMV-WAIT,2025-09,3,\n")
        #expect(issueLines(result) == [
            "3 note: the quote that opens this value on line 3 is never closed, so the rest of the file was read as part of it",
        ])
        #expect(result.rows.map(\.line) == [2])
    }

    @Test func strayQuotesAreReportedAndReadingGoesOn() {
        let result = read("indicator,period,value,note\nDMV-WAIT,2025-07,1,5\" tall\nDMV-WAIT,2025-08,1,\"a\"b\nDMV-WAIT,2025-09,1,\n")
        #expect(result.issues.map(\.line) == [2, 3])
        #expect(result.issues.map(\.column) == ["note", "note"])
        #expect(result.rows.map(\.line) == [4])
    }

    @Test func aNoteThatIsNotUTF8IsAnError() {
        var bytes = Array("indicator,period,value,note\nDMV-WAIT,2025-07,1,caf".utf8)
        bytes += [0xE9, 0x0A] // "café" in Latin-1
        let result = MeasurementsCSV.read(bytes, catalog: MeasurementsCSVFixture.catalog)
        #expect(issueLines(result) == ["2 note: the note is not valid UTF-8; save the file as UTF-8"])
    }

    @Test func everyProblemInARowIsReportedInColumnOrder() {
        let result = read("indicator,period,value,org_unit,status\nNOPE,2025-13,abc,NOWHERE,done\n")
        #expect(result.issues.map(\.column) == ["indicator", "period", "org_unit", "status"])
        let second = read("indicator,period,value,org_unit,status\nDMV-WAIT,2025-13,abc,NOWHERE,done\n")
        #expect(second.issues.map(\.column) == ["period", "value", "org_unit", "status"])
    }

    @Test func readingGoesOnAfterErrorsAndReturnsTheGoodRows() {
        let result = read("indicator,period,value\nDMV-WAIT,2025-07,1\nDMV-WAIT,2025-13,2\nDMV-WAIT,2025-09,3\n")
        #expect(!result.isValid)
        #expect(result.rows.map(\.line) == [2, 4])
    }

    @Test func atMostAThousandIssuesAreKeptButAllAreCounted() {
        var text = "indicator,period,value\n"
        for month in 0..<1_500 { text += "NOPE,\(2000 + month / 12)-\(String(format2: month % 12 + 1)),1\n" }
        let result = read(text)
        #expect(result.issueCount == 1_500)
        #expect(result.issues.count == MeasurementsCSV.maximumIssues)
        #expect(result.issues.last?.line == 1_001)
    }

    @Test func issuesEncodeWithAnExplicitNullColumn() throws {
        let issue = ImportIssue(line: 7, column: nil, reason: "duplicate of line 3")
        let json = String(decoding: try JSONEncoderForTests.encode(issue), as: UTF8.self)
        #expect(json == #"{"column":null,"line":7,"reason":"duplicate of line 3"}"#)
        #expect(issue.description == "line 7: duplicate of line 3")
        #expect(ImportIssue(line: 2, column: "value", reason: "bad").description == "line 2, column value: bad")
    }
}

private extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

@Suite("Measurements CSV text and number limits")
struct MeasurementsCSVTextLimitTests {
    @Test func aNoteWithANulByteIsRefusedInTheNoteColumn() {
        let result = MeasurementsCSVFixture.read("indicator,period,value,note\nDMV-WAIT,2025-07,1,bad\u{0}note\n")
        #expect(MeasurementsCSVFixture.issueLines(result) == ["2 note: the note has a control character (U+0000) at character 4; remove it"])
        #expect(result.rows.isEmpty)
    }

    @Test func aNoteOverTheLongTextLimitIsRefused() {
        let long = String(repeating: "x", count: TextKind.longText.maximumLength + 1)
        let result = MeasurementsCSVFixture.read("indicator,period,value,note\nDMV-WAIT,2025-07,1,\(long)\nDMV-WAIT,2025-08,1,fine\n")
        #expect(MeasurementsCSVFixture.issueLines(result) == ["2 note: the note is too long: at most 20000 characters"])
        #expect(result.rows.map(\.line) == [3])
    }

    @Test func aNoteMayHaveLineBreaksAndTabs() {
        let result = MeasurementsCSVFixture.read("indicator,period,value,note\nDMV-WAIT,2025-07,1,\"two\r\nlines\tand a tab\"\n")
        #expect(result.issues.isEmpty)
        #expect(result.rows.first?.note == "two\r\nlines\tand a tab")
    }

    @Test func aValueThatUnderflowsToZeroIsRefusedLikeOneThatOverflows() {
        let result = MeasurementsCSVFixture.read("indicator,period,value\nDMV-WAIT,2025-07,1e-400\nDMV-WAIT,2025-08,1e400\nDMV-WAIT,2025-09,0e-400\n")
        #expect(MeasurementsCSVFixture.issueLines(result) == [
            "2 value: \"1e-400\" is too close to zero to store as a number (it would be stored as 0); write 0 if that is meant",
            "3 value: \"1e400\" is too large to store as a number",
        ])
        #expect(result.rows.map(\.value) == [0])
    }
}
