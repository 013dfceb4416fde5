import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import measurements (.csv) and frameworks (.yaml, .yml, .json), all files in one transaction."
    )

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "The files to import.")
    var files: [String]

    @Flag(name: .long, help: "Report what would change without storing anything.")
    var dryRun = false

    @ArgumentParser.Option(name: .long, help: "Why the files correct values already stored (for rows without a reason column); a correction of a final value needs one.")
    var reason: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
    }

    func run() async throws {
        var inputs: [ImportFile] = []
        for path in files {
            // Read when the import reaches the file: a measurements file is streamed, never held whole.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  FileManager.default.isReadableFile(atPath: path) else {
                StandardError.write("goalstat import: \(path): cannot read the file")
                throw ExitCode(1)
            }
            inputs.append(ImportFile(name: path, path: path))
        }
        try await options.withDatabase { store in
            do {
                let report = try await ImportService.importFiles(
                    inputs, dryRun: dryRun, reason: reason, audit: AuditContext(actor: nil, source: .cli, now: Date()), on: store.database,
                    progress: { StandardError.write($0) }
                )
                print(report.lines.joined(separator: "\n"))
            } catch let failure as ImportFailure {
                for problem in failure.problems { StandardError.write(problem.description) }
                if failure.count > failure.problems.count {
                    StandardError.write("… and \(failure.count - failure.problems.count) more problems")
                }
                StandardError.write("goalstat import: \(failure.count) problem\(failure.count == 1 ? "" : "s"); nothing was stored")
                throw ExitCode(1)
            }
        }
    }
}
