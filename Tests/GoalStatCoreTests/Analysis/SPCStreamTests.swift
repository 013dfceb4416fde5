import Foundation
import Testing
@testable import GoalStatCore

/// `goalstat spc` read as a stream (SPEC §8: memory does not grow with the input): the same bytes as charting the
/// whole input, whatever the chunk size and however the rows are laid out, and the same issues for bad rows.
@Suite("The spc input read as a stream")
struct SPCStreamTests {
    static let options = XmROptions(direction: .increase, target: 500)

    /// Rows of seven units, a unit's periods not in order, units of 1 to 30 points (trial limits, shifts, an outlier),
    /// values as people type them, no unit (the empty org unit), and names that need quoting or escaping.
    static let rows: [String] = {
        var generator = SeededGenerator(seed: 9)
        let units: [(name: String, count: Int)] = [
            ("", 14), ("\"North \"\"A\"\", \\ and co\"", 13), ("\"Two\nlines\"", 5), ("U001", 30), ("U002", 1), ("U003", 24), ("Zeta", 12),
        ]
        var rows: [String] = []
        for (unitIndex, unit) in units.enumerated() {
            let level = Double(Int.random(in: 10...900, using: &generator))
            var months = Array(0..<unit.count)
            if unitIndex == 3 { months.shuffle(using: &generator) }
            for month in months {
                let noise = Double(Int.random(in: -3000...3000, using: &generator)) / 1000
                let value = month == 20 ? level * 3 : level + noise + (month >= 15 && unitIndex == 5 ? 40 : 0)
                let period = "\(2020 + month / 12)-\(String(format: "%02d", month % 12 + 1))"
                rows.append("\(unit.name),\(period),\(DoubleFormatting.shortest(value)!)")
            }
        }
        return rows
    }()

    static let header = "org_unit,period,value\n"
    static let grouped = header + rows.joined(separator: "\n") + "\n"
    static let shuffled: String = {
        var generator = SeededGenerator(seed: 4)
        return header + rows.shuffled(using: &generator).joined(separator: "\r\n")
    }()

    static func stream(
        _ text: String, chunk: Int = 4 << 20, rebaseAt: [Period] = [], configure: (inout SPCStream<SPCBytes>) -> Void = { _ in }
    ) -> SPCStream<SPCBytes> {
        var stream = SPCStream(source: SPCBytes(Array(text.utf8)), options: options, rebaseAt: rebaseAt)
        stream.chunkSize = chunk
        configure(&stream)
        return stream
    }

    static func written(_ stream: inout SPCStream<SPCBytes>, _ format: SPCReportWriter.Format) throws -> Result<String, SPCInputFailure> {
        var bytes: [UInt8] = []
        return try stream.write(format) { bytes += $0 }.map { String(decoding: bytes, as: UTF8.self) }
    }

    static func before(_ text: String, _ format: SPCReportWriter.Format, rebaseAt: [Period] = []) throws -> String {
        try SPCReportBefore.output(text, format: format, options: options, rebaseAt: rebaseAt).get()
    }

    @Test("a grouped input gives the bytes of the whole input's report, in every format and any chunk size",
          arguments: SPCReportWriter.Format.allCases, [1, 7, 64, 4 << 20])
    func groupedInput(format: SPCReportWriter.Format, chunk: Int) throws {
        var stream = Self.stream(Self.grouped, chunk: chunk)
        let output = try Self.written(&stream, format).get()
        #expect(output == (try Self.before(Self.grouped, format)))
        #expect(stream.layout == .grouped)
        #expect(stream.passCount == 2, "a pass to check and a pass to write; JSON's groups are held from the first")
    }

    @Test("an input not grouped by unit gives the same bytes, in one batch or several",
          arguments: SPCReportWriter.Format.allCases, [2_000_000, 20])
    func ungroupedInput(format: SPCReportWriter.Format, batchRowLimit: Int) throws {
        var stream = Self.stream(Self.shuffled, chunk: 64) { $0.batchRowLimit = batchRowLimit }
        let output = try Self.written(&stream, format).get()
        #expect(output == (try Self.before(Self.shuffled, format)))
        #expect(output == (try Self.before(Self.grouped, format)), "the order of the rows does not matter")
        guard case .batches(let batches, _) = stream.layout else {
            Issue.record("expected batches, got \(String(describing: stream.layout))")
            return
        }
        #expect(batches.flatMap { $0 } == ["", "North \"A\", \\ and co", "Two\nlines", "U001", "U002", "U003", "Zeta"])
        if batchRowLimit == 20 {
            #expect(batches.count == 6, "units of more rows than the limit are alone in their batch")
            #expect(stream.passCount == 2 + 6 * 2, "each batch gathered to check it and to write it; JSON's groups held")
        } else {
            #expect(batches.count == 1)
            #expect(stream.passCount == 3, "check, count, and one gathering kept for the output")
        }
    }

    @Test("units in one block each but not in order take the batch path, with the same output")
    func blocksOutOfOrder() throws {
        let lines = Self.rows.filter { $0.hasPrefix("U00") }
        let reversed = Self.header + (lines.filter { $0.hasPrefix("U003") } + lines.filter { !$0.hasPrefix("U003") }).joined(separator: "\n")
        for format in SPCReportWriter.Format.allCases {
            var stream = Self.stream(reversed)
            let output = try Self.written(&stream, format).get()
            #expect(output == (try Self.before(reversed, format)), "the groups held before the order broke are dropped")
            #expect(stream.layout == .batches([["U001", "U002", "U003"]], counts: [[30, 1, 24]]))
        }
    }

    @Test("reading holds a chunk and the record it ends in, not the file")
    func readingIsBounded() throws {
        let big = Self.header + (0..<40).flatMap { copy in
            Self.rows.filter { $0.hasPrefix("U00") }.map { "C\(String(format: "%02d", copy))-" + $0 }
        }.joined(separator: "\n") + "\n"
        #expect(big.utf8.count > 40_000)
        var stream = Self.stream(big, chunk: 64)
        let output = try Self.written(&stream, .csv).get()
        #expect(output == (try Self.before(big, .csv)))
        let longestRecord = big.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(stream.largestPending <= 64 + longestRecord)
    }

    @Test("rows split across chunks at every byte give the same report")
    func everySplit() throws {
        let text = Self.header + "A,2025-01,1\r\nA,2025-02,\"2.5\"\r\nA,2025-03,3\r\n\"B\nC\",2025-01,4\r\n\"B\nC\",2025-02,5"
        let expected = try Self.before(text, .json)
        for chunk in 1...text.utf8.count {
            var stream = Self.stream(text, chunk: chunk)
            #expect(try Self.written(&stream, .json).get() == expected, "chunk \(chunk)")
        }
    }

    /// Bad rows after a quoted line break (lines are physical lines), of every kind, and duplicates.
    static let bad = "\u{FEFF}org_unit,period,value\n"
        + "\"North\nEast\",2025-01,1\n" // line 2, to 3
        + "\"North\nEast\",2025-02,x\n" // 4: value
        + "\"North\nEast\",2025-14,2\n" // 6: period
        + "\"North\nEast\",2025-01,3\n" // 8: the same period as line 2
        + "South,2025-01\n" // 10: field count
        + "South,2025-0\"2,4\n" // 11: a quote in an unquoted field
        + "South,2025-03,5\n" // 12
        + "\n" // 13: blank, skipped
        + "South,nope,NaN\n" // 14: period and value
        + "\"North\nEast\",2025-02,6\n" // 15: North East again, so not grouped
        + "North,East,2025-03,7\n" // 17: field count
        + "South,2025-03,8" // 18: the same period as line 12

    @Test("bad rows name their line and column as when the input was read whole", arguments: [1, 5, 4 << 20])
    func badRows(chunk: Int) throws {
        guard case .failure(let whole) = SPCInput.read(Array(Self.bad.utf8)) else {
            Issue.record("the whole input should fail")
            return
        }
        #expect(whole.issues.map(\.line) == [4, 6, 8, 10, 11, 14, 14, 17, 18])
        for format in SPCReportWriter.Format.allCases {
            var stream = Self.stream(Self.bad, chunk: chunk)
            var written: [UInt8] = []
            let result = try stream.write(format) { written += $0 }
            #expect(result.map { "written" } == .failure(.rows(whole.issues, count: whole.issues.count)))
            #expect(written.isEmpty, "nothing is written when a row is bad")
        }
    }

    @Test("a duplicate period in a grouped input is reported on its line, naming the first")
    func duplicateInGroupedInput() throws {
        let text = Self.header + "A,2025-02,1\nA,2025-01,x\nA,2025-01,2\nA,2025-02,3\nB,2025-01,4\n"
        var stream = Self.stream(text)
        let result = try Self.written(&stream, .json)
        #expect(result == .failure(.rows([
            ImportIssue(line: 3, column: "value", reason: "'x' is not a number"),
            ImportIssue(line: 5, column: "period", reason: "the same period as line 2"),
        ], count: 2)))
        #expect(stream.layout == .grouped)
    }

    @Test("the first 1,000 issues by line are kept, and all are counted")
    func manyIssues() throws {
        var lines = [Self.header.dropLast()]
        for index in 0..<1_200 {
            // Duplicates (found when a unit is complete) and bad values (found at once), interleaved.
            let unit = "U" + String(format: "%04d", index / 2)
            lines.append("\(unit),2025-01,\(index % 2 == 0 ? "1" : "y")")
            lines.append("\(unit),2025-01,2")
        }
        let text = lines.joined(separator: "\n")
        var stream = Self.stream(text, chunk: 100)
        guard case .failure(.rows(let issues, let count)) = try Self.written(&stream, .csv) else {
            Issue.record("expected bad rows")
            return
        }
        #expect(count == 1_800)
        #expect(issues.count == 1_000)
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        #expect(issues.first == ImportIssue(line: 3, column: "period", reason: "the same period as line 2"))
        #expect(issues[1] == ImportIssue(line: 4, column: "value", reason: "'y' is not a number"))
        #expect(stream.layout == .grouped)
    }

    @Test("an empty input, a missing column and an unknown one are reported as before")
    func headerProblems() throws {
        for text in ["", "\u{FEFF}", "period\n2025-01\n", "period,value,note\n2025-01,1,a\n", "period,value\n\"2025-01,1\n"] {
            guard case .failure(let whole) = SPCInput.read(Array(text.utf8)) else {
                Issue.record("\(text.debugDescription) should fail")
                continue
            }
            var stream = Self.stream(text, chunk: 2)
            #expect(try Self.written(&stream, .json) == .failure(.rows(whole.issues, count: whole.issues.count)), "\(text.debugDescription)")
        }
    }

    @Test("a header alone gives an empty report")
    func headerAlone() throws {
        var stream = Self.stream("period,value")
        #expect(try Self.written(&stream, .json).get() == "{\"groups\":[],\"points\":[]}\n")
    }

    @Test("rebasing: the same bytes as before, and a rebase period in no unit is refused")
    func rebase() throws {
        let rebaseAt = [Period.month(year: 2020, month: 7), Period.month(year: 2021, month: 1)]
        for text in [Self.grouped, Self.shuffled] {
            var stream = Self.stream(text, chunk: 100, rebaseAt: rebaseAt)
            #expect(try Self.written(&stream, .jsonl).get() == (try Self.before(text, .jsonl, rebaseAt: rebaseAt)))
        }
        let missing = Period.month(year: 2030, month: 1)
        var stream = Self.stream(Self.grouped, rebaseAt: [missing])
        #expect(try Self.written(&stream, .json) == .failure(.rebaseNotInData(missing)))
    }

    @Test("JSON groups past the held limit take a pass of their own, with the same bytes")
    func groupsPastTheHeldLimit() throws {
        var stream = Self.stream(Self.grouped) { $0.heldGroupsLimit = 100 }
        #expect(try Self.written(&stream, .json).get() == (try Self.before(Self.grouped, .json)))
        #expect(stream.passCount == 3)
        var batched = Self.stream(Self.shuffled) {
            $0.heldGroupsLimit = 100
            $0.batchRowLimit = 20
        }
        #expect(try Self.written(&batched, .json).get() == (try Self.before(Self.grouped, .json)))
        #expect(batched.passCount == 2 + 6 * 3)
    }

    @Test("the charts for --pretty are those of the whole input")
    func charts() throws {
        var stream = Self.stream(Self.shuffled, chunk: 50)
        let streamed = try stream.charts().get()
        let whole = try SPCInput.read(Array(Self.shuffled.utf8)).get().series.map {
            SPCStream<SPCBytes>.chart($0, rebaseAt: [], options: Self.options)
        }
        #expect(SPCReport.make(units: streamed) == SPCReport.make(units: whole))
    }

    /// Bytes that change between the first pass and the next, as a file written to while it is read.
    struct ChangingBytes: SPCByteSource {
        var passes: [SPCBytes]
        var pass = -1

        mutating func rewind() {
            pass = min(pass + 1, passes.count - 1)
            passes[pass].rewind()
        }

        mutating func read(into buffer: inout [UInt8], upTo count: Int) -> Int {
            passes[pass].read(into: &buffer, upTo: count)
        }
    }

    @Test("an input that changes between passes stops the run with an error")
    func changedInput() throws {
        let changed = Self.grouped + "U001,2020-01,5\n"
        var stream = SPCStream(
            source: ChangingBytes(passes: [SPCBytes(Array(Self.grouped.utf8)), SPCBytes(Array(changed.utf8))]), options: Self.options
        )
        #expect(throws: SPCStreamError.inputChanged) { try stream.write(.csv) { _ in } }
    }
}
