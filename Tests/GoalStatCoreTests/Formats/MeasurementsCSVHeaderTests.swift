import Testing
@testable import GoalStatCore

@Suite("Measurements CSV header")
struct MeasurementsCSVHeaderTests {
    private let read = MeasurementsCSVFixture.read
    private let issueLines = MeasurementsCSVFixture.issueLines

    @Test func anUnknownColumnIsAnErrorNamingIt() {
        let result = read("indicator,period,value,comment\nDMV-WAIT,2025-07,1,hello\n")
        #expect(issueLines(result) == [
            "1 comment: unknown column \"comment\"; the columns are indicator, period, value, org_unit, status, note and reason",
        ])
    }

    @Test func aColumnNameInTheWrongCaseGetsAHint() {
        let result = read("Indicator,period,value,Org Unit\n")
        #expect(issueLines(result) == [
            "1 Indicator: unknown column \"Indicator\"; did you mean indicator? (column names are lower case)",
            "1 Org Unit: unknown column \"Org Unit\"; did you mean org_unit? (column names are lower case)",
            "1 indicator: the header has no indicator column; indicator, period and value are required",
        ])
    }

    @Test func rowsAreStillCheckedWhenOnlyAnUnknownColumnIsWrong() {
        let result = read("indicator,period,value,comment\nDMV-WAIT,2025-13,1,x\n")
        #expect(result.issueCount == 2)
        #expect(result.issues.map(\.line) == [1, 2])
    }

    @Test(arguments: ["indicator", "period", "value"])
    func eachRequiredColumnMustBePresent(missing: String) {
        let header = ["indicator", "period", "value"].filter { $0 != missing }.joined(separator: ",")
        let result = read(header + "\nDMV-WAIT,2025-07\n")
        #expect(result.issues == [
            ImportIssue(
                line: 1, column: missing,
                reason: "the header has no \(missing) column; indicator, period and value are required"
            ),
        ])
        #expect(result.rows.isEmpty)
    }

    @Test func aColumnNamedTwiceIsAnError() {
        let result = read("indicator,period,value,value\n")
        #expect(issueLines(result) == ["1 value: the header names value twice (columns 3 and 4)"])
    }

    @Test func aColumnWithNoNameIsAnError() {
        let result = read("indicator,period,,value\n")
        #expect(issueLines(result) == ["1 -: column 3 of the header has no name"])
    }

    @Test func anEmptyFileIsAnErrorOnLineOne() {
        for text in ["", "\u{FEFF}"] {
            #expect(issueLines(read(text)) == ["1 -: the file is empty; it needs a header row such as indicator,period,value"])
        }
    }

    @Test func aUTF16FileIsRecognisedAndRefused() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "indicator,period,value\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = MeasurementsCSV.read(bytes, catalog: MeasurementsCSVFixture.catalog)
        #expect(result.issues.first?.reason.hasPrefix("the file is UTF-16; save it as UTF-8") == true)
        #expect(result.issueCount == 1)
    }

    @Test func quotedColumnNamesAreAccepted() {
        #expect(read("\"indicator\",\"period\",\"value\"\nDMV-WAIT,2025-07,1\n").rows.count == 1)
    }

    @Test func aQuotingMistakeInTheHeaderStopsTheRead() {
        let result = read("indicator,\"period,value\nDMV-WAIT,2025-07,1\n")
        #expect(result.issueCount == 1)
        #expect(result.issues.first?.reason.hasPrefix("the quote that opens this value on line 1 is never closed") == true)
    }
}
