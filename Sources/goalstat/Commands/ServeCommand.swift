import ArgumentParser
import Foundation
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

    func run() async throws {
        try await GoalStatServer.serve(
            ServerSettings(database: options.location, host: host, port: port, loadDemo: demo, tlsProxy: tlsProxy,
                           keyIndicatorsPerGoal: keyIndicatorsPerGoal),
            log: { StandardError.write($0) }
        )
    }
}
