import Foundation
import GoalStatStore
import Vapor

/// The web app and JSON API.
public enum GoalStatServer {
    /// Migrates, optionally loads the demo into an empty database, and serves until stopped.
    public static func serve(_ settings: ServerSettings, log: @escaping @Sendable (String) -> Void) async throws {
        // Vapor must not read GoalStat's own command line: give it just a program name.
        var environment = Environment(name: "production", arguments: ["goalstat"])
        environment.commandInput.arguments = []
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            if settings.loadDemo {
                if try await PlanModelCount.plans(on: app.db) == 0 {
                    let report = try await DemoLoader.load(on: app.db, now: settings.now(), progress: log)
                    log(report.lines.joined(separator: "\n"))
                    let signIns = try await DemoUsers.create(hasher: app.passwordHasher, now: settings.now(), on: app.db)
                    log(DemoUsers.describe(signIns).joined(separator: "\n"))
                } else {
                    log("the database already holds a plan: serving it as it is (the demo loads only into an empty database)")
                }
            }
            log("GoalStat is serving \(settings.database) at http://\(settings.host):\(settings.port)")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
