import ArgumentParser
import Foundation
import GoalStatCore

struct SPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "XmR process behaviour chart of a CSV (period,value[,org_unit]) from FILE or standard input, as JSON."
    )

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "The CSV file (default: standard input).")
    var file: String?

    @ArgumentParser.Option(name: .long, help: "increase, decrease or neutral.")
    var direction: ImprovementDirection

    @ArgumentParser.Option(name: .long, help: "The target, for assurance.")
    var target: Double?

    @ArgumentParser.Option(name: .long, help: "Start a new group (recalculated limits) at this period; repeat for several.")
    var rebase: [String] = []

    @ArgumentParser.Option(name: .long, help: "Fix the limits on the first N points of each group (at least 12 advised).")
    var baseline: Int?

    @Flag(name: .long, help: "Do not screen out large moving ranges (as the NHS Excel tools).")
    var noScreen = false

    @ArgumentParser.Option(name: .long, help: "json (the document of SPEC §5, compact), jsonl (a group or point a line) or csv (a point a row).")
    var format: SPCReportWriter.Format = .json

    @Flag(name: .long, help: "Indent the JSON for people to read (holds the whole document in memory).")
    var pretty = false

    func validate() throws {
        if let baseline, baseline < 1 { throw ValidationError("--baseline must be at least 1.") }
        if let target, !target.isFinite { throw ValidationError("--target must be a finite number.") }
        if pretty, format != .json { throw ValidationError("--pretty applies to --format json only.") }
    }

    func run() throws {
        do {
            try chartInput()
        } catch let error as SPCStreamError {
            StandardError.write("goalstat spc: \(file ?? "standard input"): \(error)")
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            // Only reading the input throws anything else (a write error is caught where it happens).
            StandardError.write("goalstat spc: \(file ?? "standard input"): cannot read the file: \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    private func chartInput() throws {
        var rebasePeriods: [Period] = []
        for text in rebase {
            do {
                rebasePeriods.append(try Period.parse(text, calendar: .federal))
            } catch {
                StandardError.write("goalstat spc: --rebase \(error.message)")
                throw ExitCode(1)
            }
        }
        let source: SPCInputSource
        if let file {
            guard let opened = SPCInputSource(path: file) else {
                StandardError.write("goalstat spc: \(file): cannot read the file")
                throw ExitCode(1)
            }
            source = opened
        } else {
            do {
                source = try SPCInputSource()
            } catch {
                StandardError.write("goalstat spc: cannot keep a copy of standard input: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        let chartOptions = XmROptions(direction: direction, target: target, baseline: baseline, screenOutliers: !noScreen)
        // Read a chunk at a time, once per pass, and written unit by unit as it goes (SPCStream says how).
        var stream = SPCStream(source: source, options: chartOptions, rebaseAt: rebasePeriods)
        if pretty {
            switch try stream.charts() {
            case .success(let units):
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(SPCReport.make(units: units)))
                FileHandle.standardOutput.write(Data("\n".utf8))
            case .failure(let failure):
                try report(failure)
            }
            return
        }
        var writeError: (any Error)?
        let outcome = try stream.write(format) { chunk in
            guard writeError == nil, !chunk.isEmpty else { return }
            do {
                try chunk.withUnsafeBytes { bytes in
                    let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none)
                    try FileHandle.standardOutput.write(contentsOf: data)
                }
            } catch {
                writeError = error
            }
        }
        if let writeError {
            StandardError.write("goalstat spc: cannot write standard output: \(writeError.localizedDescription)")
            throw ExitCode(1)
        }
        if case .failure(let failure) = outcome { try report(failure) }
    }

    private func report(_ failure: SPCInputFailure) throws -> Never {
        switch failure {
        case .rows(let issues, let count):
            let name = file ?? "standard input"
            for issue in issues {
                StandardError.write("\(name):\(issue.line)\(issue.column.map { " column \($0)" } ?? ""): \(issue.reason)")
            }
            if count > issues.count { StandardError.write("\(name): … and \(count - issues.count) more problems") }
        case .rebaseNotInData(let period):
            StandardError.write("goalstat spc: --rebase \(period) is not a period of the data")
        }
        throw ExitCode(1)
    }
}

extension ImprovementDirection: ExpressibleByArgument {}
extension SPCReportWriter.Format: ExpressibleByArgument {}
