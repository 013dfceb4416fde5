import ArgumentParser
import Foundation
import GoalStatServer
import GoalStatStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the demo agency (refuses a database that already holds a plan)."
    )

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withDatabase { store in
            do {
                let report = try await DemoLoader.load(on: store.database, now: Date()) { StandardError.write($0) }
                print(report.lines.joined(separator: "\n"))
                let signIns = try await DemoUsers.create(hasher: BcryptPasswordHasher(), now: Date(), on: store.database)
                print(DemoUsers.describe(signIns).joined(separator: "\n"))
            } catch let error as DemoLoaderError {
                StandardError.write("goalstat demo: \(error.message)")
                throw ExitCode(1)
            }
        }
    }
}
