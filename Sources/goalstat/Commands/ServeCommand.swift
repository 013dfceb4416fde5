import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the web app and the API.")

    @OptionGroup var options: DatabaseOptions

    @Flag(name: .long, help: "Load the demo agency first if the database is empty.")
    var demo = false

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Flag(name: .long, help: "A TLS-terminating proxy is in front: mark cookies Secure and read the client address from X-Forwarded-For.")
    var tlsProxy = false

    @Option(name: .long, help: "Advise on a goal's forms when it has more key indicators than this.")
    var keyIndicatorsPerGoal = 5

    func validate() throws {
        guard (1...100).contains(keyIndicatorsPerGoal) else {
            throw ValidationError("--key-indicators-per-goal must be a whole number from 1 to 100, not \(keyIndicatorsPerGoal)")
        }
    }

    @Option(name: .long, help: "Days after a period ends that its value is due, as FREQUENCY=DAYS; repeat for several (default: $GOALSTAT_GRACE_DAYS, else weekly=3, monthly=15, quarterly=30, annual=60). Give goalstat remind the same.")
    var grace: [String] = []

    func run() async throws {
        let policy: DuePolicy
        do {
            policy = try DuePolicy.standard.overriding(environmentValue: ProcessInfo.processInfo.environment["GOALSTAT_GRACE_DAYS"]).overriding(grace: grace)
        } catch {
            StandardError.write("goalstat serve: --grace (or GOALSTAT_GRACE_DAYS): \(error)")
            throw ExitCode(1)
        }
        try await GoalStatServer.serve(
            ServerSettings(
                database: options.location, host: host, port: port, loadDemo: demo, tlsProxy: tlsProxy,
                keyIndicatorsPerGoal: keyIndicatorsPerGoal, duePolicy: policy
            ),
            log: { StandardError.write($0) }
        )
    }
}
