import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export measurements (CSV by default), the framework (YAML by default), or the plan as StratML (--part 1 or 2)."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case measurements, framework, stratml
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, yaml
    }

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "What to export: measurements, framework or stratml.")
    var what: What = .measurements

    @Option(name: .long, help: "csv or json for measurements; yaml or json for the framework.")
    var format: Format?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "For stratml: 1 for the strategic plan (ISO 17469-1), 2 for the performance plan and report.")
    var part: Int?

    @Flag(name: .long, help: "For stratml: only the published goals and indicators (what the public download holds).")
    var publishedOnly = false

    func validate() throws {
        switch (what, format) {
        case (.measurements, .yaml): throw ValidationError("Measurements export as csv or json, not yaml.")
        case (.framework, .csv): throw ValidationError("The framework exports as yaml or json, not csv.")
        case (.stratml, .some): throw ValidationError("StratML is XML: leave out --format.")
        default: break
        }
        if what == .stratml {
            guard let part, StratMLExport.Part(rawValue: part) != nil else { throw ValidationError("--part must be 1 or 2 for stratml.") }
        } else if part != nil || publishedOnly {
            throw ValidationError("--part and --published-only are for stratml only.")
        }
    }

    func run() async throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                StandardError.write("goalstat export: cannot write \(output)")
                throw ExitCode(1)
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if output != nil { try? handle.close() } }
        do {
            try await options.withDatabase { store in
                switch what {
                case .measurements:
                    // Written as it is read: the file grows page by page and memory stays flat.
                    try await ExportService.measurements(format: format == .json ? .json : .csv, on: store.database) { chunk in
                        try OutputFailure.wrapping { try handle.write(contentsOf: chunk) }
                    }
                case .framework:
                    let data = try await ExportService.framework(format: format == .json ? .json : .yaml, on: store.database)
                    try OutputFailure.wrapping { try handle.write(contentsOf: data) }
                case .stratml:
                    let xml = try await StratMLExport.xml(
                        part: StratMLExport.Part(rawValue: part ?? 1) ?? .one, visibleTo: publishedOnly ? .anonymous : nil,
                        today: CalendarDate(utc: Date()), on: store.database
                    )
                    try OutputFailure.wrapping { try handle.write(contentsOf: Data(xml.utf8)) }
                }
            }
        } catch let failure as OutputFailure {
            StandardError.write("goalstat export: cannot write \(output ?? "standard output"): \(failure.underlying.localizedDescription)")
            throw ExitCode(1)
        }
    }
}

/// A write to the output failed (a full disk, a closed pipe): told apart from a failure of the database.
private struct OutputFailure: Error {
    var underlying: any Error

    static func wrapping(_ write: () throws -> Void) throws {
        do { try write() } catch { throw OutputFailure(underlying: error) }
    }
}
