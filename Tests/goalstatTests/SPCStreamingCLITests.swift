import Foundation
import Testing

/// `goalstat spc` reads its input as a stream, a pass at a time (docs/cli.md): the output does not depend on the
/// order of the rows or on where they come from, and nothing is written when a row is bad.
@Suite("goalstat spc read as a stream", .serialized)
struct SPCStreamingCLITests {
    static let rows: [String] = (0..<6).flatMap { unit in
        (0..<20).map { month in
            "U\(unit),\(2024 + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(100 * unit + (month * 37 % 11))\(month == 15 ? "" : ".5")"
        }
    }

    @Test("a grouped file, the same rows shuffled, and standard input give the same bytes", arguments: ["json", "jsonl", "csv"])
    func sameBytesWhateverTheOrder(format: String) async throws {
        let cli = try await CLIRunner.make()
        let grouped = "org_unit,period,value\n" + Self.rows.joined(separator: "\n") + "\n"
        var generator = SystemRandomNumberGenerator()
        let shuffled = "org_unit,period,value\n" + Self.rows.shuffled(using: &generator).joined(separator: "\n") + "\n"
        let arguments = ["--direction", "increase", "--target", "300", "--rebase", "2024-07", "--format", format]
        let fromGrouped = try cli.run(["spc", try cli.write("grouped.csv", grouped)] + arguments)
        #expect(fromGrouped.status == 0, "\(fromGrouped.stderr)")
        #expect(fromGrouped.stdout.utf8.count > 10_000)
        let fromShuffled = try cli.run(["spc", try cli.write("shuffled.csv", shuffled)] + arguments)
        #expect(fromShuffled.stdout == fromGrouped.stdout)
        let fromStandardInput = try cli.run(["spc"] + arguments, stdin: shuffled)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        #expect(fromStandardInput.stdout == fromGrouped.stdout)
    }

    @Test("bad rows of a file not grouped by unit are named by line and column, and nothing is written")
    func badRowsOfAnUngroupedFile() async throws {
        let cli = try await CLIRunner.make()
        let text = "org_unit,period,value\n" + Self.rows.joined(separator: "\n") + "\nU2,2024-03,7\nU0,2024-13,1\n"
        let file = try cli.write("bad.csv", text)
        let result = try cli.run(["spc", file, "--direction", "increase", "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file):122 column period: the same period as line 44"))
        #expect(result.stderr.contains("\(file):123 column period: 2024-13 is not a period"))
    }

    @Test("past the first 1,000 problems, the rest are counted")
    func manyProblems() async throws {
        let cli = try await CLIRunner.make()
        let text = "period,value\n" + (1...1_200).map { _ in "2024-01,x" }.joined(separator: "\n")
        let result = try cli.run(["spc", "--direction", "increase"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stderr.contains("standard input:1001 column value: 'x' is not a number"))
        #expect(!result.stderr.contains("standard input:1002 column value"))
        #expect(result.stderr.contains("standard input: … and 200 more problems"))
    }
}
