import ArgumentParser
import Foundation
import GoalStatStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export measurements (CSV by default) or the framework (YAML by default)."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case measurements, framework
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, yaml
    }

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "What to export: measurements or framework.")
    var what: What = .measurements

    @Option(name: .long, help: "csv or json for measurements; yaml or json for the framework.")
    var format: Format?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        switch (what, format) {
        case (.measurements, .yaml): throw ValidationError("Measurements export as csv or json, not yaml.")
        case (.framework, .csv): throw ValidationError("The framework exports as yaml or json, not csv.")
        default: break
        }
    }

    func run() async throws {
        let data = try await options.withDatabase { store in
            switch what {
            case .measurements:
                try await ExportService.measurements(format: format == .json ? .json : .csv, on: store.database)
            case .framework:
                try await ExportService.framework(format: format == .json ? .json : .yaml, on: store.database)
            }
        }
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output))
            } catch {
                StandardError.write("goalstat export: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
