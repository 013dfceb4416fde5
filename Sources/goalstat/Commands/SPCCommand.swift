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
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                StandardError.write("goalstat spc: \(file): cannot read the file")
                throw ExitCode(1)
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let name = file ?? "standard input"
        let input: SPCInput
        switch SPCInput.read([UInt8](data)) {
        case .success(let read): input = read
        case .failure(let failure):
            for issue in failure.issues {
                StandardError.write("\(name):\(issue.line)\(issue.column.map { " column \($0)" } ?? ""): \(issue.reason)")
            }
            throw ExitCode(1)
        }
        var rebasePeriods: [Period] = []
        for text in rebase {
            do {
                rebasePeriods.append(try Period.parse(text, calendar: .federal))
            } catch {
                StandardError.write("goalstat spc: --rebase \(error.message)")
                throw ExitCode(1)
            }
        }
        for period in rebasePeriods where !input.series.contains(where: { $0.periods.contains(period) }) {
            StandardError.write("goalstat spc: --rebase \(period) is not a period of the data")
            throw ExitCode(1)
        }
        let chartOptions = XmROptions(direction: direction, target: target, baseline: baseline, screenOutliers: !noScreen)
        func unit(_ series: SPCInput.Series) -> SPCReport.Unit {
            let starts = XmRChart.rebaseStarts(periods: series.periods, rebaseAt: rebasePeriods)
            return (series.orgUnit, series.labels, XmRChart.compute(values: series.values, rebaseStarts: starts, options: chartOptions))
        }
        if pretty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(SPCReport.make(units: input.series.map(unit))))
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        // Unit by unit, as it goes: the JSON document lists every group before any point, so its charts are
        // computed twice (cheap next to writing) rather than all held at once.
        var writer = SPCReportWriter(format: format) { FileHandle.standardOutput.write(Data($0)) }
        writer.start()
        for series in input.series {
            let chart = unit(series)
            writer.write(groupsOf: chart)
            if !writer.groupsFirst { writer.write(pointsOf: chart) }
        }
        if writer.groupsFirst {
            writer.startPoints()
            for series in input.series { writer.write(pointsOf: unit(series)) }
        }
        writer.finish()
    }
}

extension ImprovementDirection: ExpressibleByArgument {}
extension SPCReportWriter.Format: ExpressibleByArgument {}
