import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatStore

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The analysis of SPEC §4 (XmR chart, assurance, forecast, status and reasons) for indicators in the database.",
        discussion: """
        Today's analysis of each indicator's total is the read model's, as every page shows it; another date \
        (--as-of) or an org unit (--org-unit) is worked out from the stored values. The output is written as it \
        is read, so memory does not grow with the number of indicators.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv
    }

    @OptionGroup var options: DatabaseOptions

    @ArgumentParser.Option(name: .long, help: "An indicator code; repeat for several (default: every indicator, qualitative ones judged by their levels).")
    var indicator: [String] = []

    @ArgumentParser.Option(name: .long, help: "Analyse as of this date (YYYY-MM-DD): values of periods ended by then, targets as then known.")
    var asOf: String?

    @ArgumentParser.Option(name: .long, help: "Analyse one org unit's values instead of each indicator's total.")
    var orgUnit: String?

    @ArgumentParser.Option(name: .long, help: "json (one compact document: asOf, indicators, integrity), jsonl (an analysis a line, then an integrity finding a line) or csv (an indicator's verdict a row, no chart).")
    var format: Format = .json

    @Flag(name: .long, help: "Indent the JSON for people to read (holds the whole document in memory).")
    var pretty = false

    func validate() throws {
        if pretty, format != .json { throw ValidationError("--pretty applies to --format json only.") }
    }

    func run() async throws {
        let today = CalendarDate(utc: Date())
        let date: CalendarDate
        if let asOf {
            do {
                date = try CalendarDate.parse(asOf)
            } catch {
                StandardError.write("goalstat analyze: --as-of \(error.message)")
                throw ExitCode(1)
            }
        } else {
            date = today
        }
        var output = BufferedOutput()
        try await options.withDatabase { store in
            let db = store.database
            if date == today { try await ReadModel.ensureCurrent(asOf: today, on: db) }
            do {
                switch format {
                case .json where pretty:
                    var analyses: [Any] = []
                    var findings: [IntegrityFinding] = []
                    try await AnalysisStream.analyses(indicators: indicator, orgUnit: orgUnit, asOf: date, on: db) {
                        analyses.append(try JSONSerialization.jsonObject(with: $0))
                    }
                    try await AnalysisStream.integrity(indicators: indicator, asOf: date, on: db) { findings.append($0) }
                    let document: [String: Any] = [
                        "asOf": date.description, "indicators": analyses,
                        "integrity": try JSONSerialization.jsonObject(with: JSONEncoder().encode(findings)),
                    ]
                    output.write(try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
                    output.write("\n")
                case .json:
                    output.write("{\"asOf\":\"\(date.description)\",\"indicators\":[")
                    var first = true
                    try await AnalysisStream.analyses(indicators: indicator, orgUnit: orgUnit, asOf: date, on: db) { json in
                        if !first { output.write(",") }
                        first = false
                        output.write(json)
                    }
                    output.write("],\"integrity\":[")
                    first = true
                    let encoder = JSONEncoder()
                    try await AnalysisStream.integrity(indicators: indicator, asOf: date, on: db) { finding in
                        if !first { output.write(",") }
                        first = false
                        output.write(try encoder.encode(finding))
                    }
                    output.write("]}\n")
                case .jsonl:
                    try await AnalysisStream.analyses(indicators: indicator, orgUnit: orgUnit, asOf: date, on: db) { json in
                        output.write(json)
                        output.write("\n")
                    }
                    let encoder = JSONEncoder()
                    try await AnalysisStream.integrity(indicators: indicator, asOf: date, on: db) { finding in
                        output.write(try encoder.encode(finding))
                        output.write("\n")
                    }
                case .csv:
                    output.write(VerdictCSV.header)
                    try await AnalysisStream.verdicts(indicators: indicator, orgUnit: orgUnit, asOf: date, on: db) { verdict in
                        output.write(VerdictCSV.row(verdict))
                    }
                }
            } catch let error as AnalysisError {
                StandardError.write("goalstat analyze: --indicator: \(error.message)")
                throw ExitCode(1)
            }
        }
        output.flush()
    }
}

/// Standard output in chunks of about a megabyte: a write per record would cost more than the record.
struct BufferedOutput {
    private var buffer = Data()

    mutating func write(_ text: String) {
        write(Data(text.utf8))
    }

    mutating func write(_ data: Data) {
        buffer.append(data)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `goalstat analyze --format csv`: an indicator's verdict a row, in the columns a spreadsheet wants.
enum VerdictCSV {
    static let header = "indicator,org_unit,latest_period,latest_value,latest_level,target_period,target_value,target_min,target_max,variation,assurance,forecast_date,forecast_value,forecast_likelihood,status,reasons\n"

    static func row(_ verdict: IndicatorVerdict) -> String {
        let fields: [String?] = [
            verdict.indicator, verdict.orgUnit, verdict.latestPeriod, verdict.latestValue.map(number), verdict.latestLevel,
            verdict.target?.period, verdict.target?.value.map(number), verdict.target?.min.map(number), verdict.target?.max.map(number),
            verdict.variation?.rawValue, verdict.assurance?.rawValue, verdict.forecast?.date.description,
            verdict.forecast.map { number($0.projected) }, verdict.forecast?.likelihood?.rawValue,
            verdict.status.rawValue, verdict.reasons.joined(separator: " "),
        ]
        return fields.map { quoted($0 ?? "") }.joined(separator: ",") + "\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
