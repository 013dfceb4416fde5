import Foundation
import Testing
@testable import GoalStatCore

@Suite("Measurements CSV read in chunks")
struct MeasurementsCSVStreamingTests {
    /// Good rows, bad rows, quoted line breaks, CRLF, a byte-order mark, duplicates and a last line without a break.
    private static let file = "\u{FEFF}indicator,period,value,org_unit,status,note\r\n"
        + "DMV-WAIT,2025-07,24.5,,final,\"two\nlines\"\r\n"
        + "DMV-WAIT,2025-08,23,,final,\r\n"
        + "DMV-WAIT,2025-08,22,,final,again\r\n"
        + "DMV-WAIT,2025-09,x,DMV-NORTH,,\n"
        + "\n"
        + "DMV-STATUS,2026-Q1,\"Amber, \"\"rising\"\"\",DMV-SOUTH,provisional,\"a, b\"\n"
        + "BUDGET,FY2026,1000000,,estimated,\n"
        + "BUDGET,2025,5,,,\n"
        + "CALLS,2026-W03,17,DMV,,\n"
        + "NOPE,2025-07,1,,,\n"
        + "DMV-WAIT,2025-07,1,DMV,,\"unterminated\n"

    private static func streamed(_ text: String, chunk: Int) async throws -> (rows: [ParsedMeasurement], result: MeasurementsCSVResult) {
        let data = Data(text.utf8)
        var offset = 0
        var rows: [ParsedMeasurement] = []
        let result = try await MeasurementsCSV.read(catalog: MeasurementsCSVFixture.catalog, next: {
            let end = min(offset + chunk, data.count)
            defer { offset = end }
            return data[offset..<end]
        }, rows: { rows += $0 })
        return (rows, result)
    }

    @Test("any chunk size gives the rows and issues of reading the file whole", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunksGiveTheWholeFilesResult(chunk: Int) async throws {
        let whole = MeasurementsCSV.read(Array(Self.file.utf8), catalog: MeasurementsCSVFixture.catalog)
        #expect(whole.rows.count == 6)
        #expect(whole.issueCount == 4)
        let streamed = try await Self.streamed(Self.file, chunk: chunk)
        #expect(streamed.rows == whole.rows)
        #expect(streamed.result.issues == whole.issues)
        #expect(streamed.result.issueCount == whole.issueCount)
        #expect(streamed.result.rows.isEmpty)
    }

    @Test("a file that is empty, UTF-16 or has a bad header reads the same in chunks")
    func unreadableFilesInChunks() async throws {
        for text in ["", "\u{FEFF}", "indicator,period\nDMV-WAIT,2025-07\n", "indicator,period,value"] {
            let whole = MeasurementsCSV.read(Array(text.utf8), catalog: MeasurementsCSVFixture.catalog)
            let streamed = try await Self.streamed(text, chunk: 2)
            #expect(streamed.result.issues == whole.issues, "\(text.debugDescription)")
            #expect(streamed.rows == whole.rows)
        }
        let utf16 = Data([0xFF, 0xFE, 0x69, 0x00])
        var sent = false
        let result = try await MeasurementsCSV.read(catalog: MeasurementsCSVFixture.catalog, next: {
            defer { sent = true }
            return sent ? Data() : utf16
        }, rows: { _ in })
        #expect(result.issues.first?.reason.hasPrefix("the file is UTF-16") == true)
    }

    @Test("a row naming its indicator's own unit is the total: a second value for it is a duplicate")
    func ownUnitIsTheTotal() {
        var catalog = MeasurementsCSVFixture.catalog
        catalog.indicators["DMV-WAIT"]?.orgUnit = "DMV"
        let result = MeasurementsCSV.read(Array("indicator,period,value,org_unit\nDMV-WAIT,2025-07,1,\nDMV-WAIT,2025-07,2,DMV\n".utf8), catalog: catalog)
        #expect(MeasurementsCSVFixture.issueLines(result) == ["3 org_unit: duplicate of line 2: the indicator's own unit is the total"])
    }
}
