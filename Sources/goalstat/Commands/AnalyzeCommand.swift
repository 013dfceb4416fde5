import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatStore

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The analysis of SPEC §4 (XmR chart, assurance, status and reasons) for indicators in the database, as JSON."
    )

    @OptionGroup var options: DatabaseOptions

    @ArgumentParser.Option(name: .long, help: "An indicator code; repeat for several (default: every numeric indicator).")
    var indicator: [String] = []

    @ArgumentParser.Option(name: .long, help: "Analyse as of this date (YYYY-MM-DD): values of periods ended by then, targets as then known.")
    var asOf: String?

    @ArgumentParser.Option(name: .long, help: "Analyse one org unit's values instead of each indicator's total.")
    var orgUnit: String?

    func run() async throws {
        let date: CalendarDate
        if let asOf {
            do {
                date = try CalendarDate.parse(asOf)
            } catch {
                StandardError.write("goalstat analyze: --as-of \(error.message)")
                throw ExitCode(1)
            }
        } else {
            date = CalendarDate(utc: Date())
        }
        let (analyses, integrity) = try await options.withDatabase { store in
            do {
                let analyses = try await AnalysisService.analyze(indicators: indicator, orgUnit: orgUnit, asOf: date, on: store.database)
                let codes = Set(analyses.map(\.indicator))
                let flags = try await PerformanceReview.load(asOf: date, on: store.database).integrity(on: store.database)
                return (analyses, flags.filter { indicator.isEmpty || codes.contains($0.indicator) })
            } catch let error as AnalysisError {
                StandardError.write("goalstat analyze: --indicator: \(error.message)")
                throw ExitCode(1)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(AnalyzeOutput(asOf: date.description, indicators: analyses, integrity: integrity)))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// `goalstat analyze`'s document: the date and one analysis per indicator.
private struct AnalyzeOutput: Encodable {
    var asOf: String
    var indicators: [IndicatorAnalysis]
    /// The integrity questions about these indicators (SPEC §4 "Integrity checks").
    var integrity: [IntegrityFinding]
}
