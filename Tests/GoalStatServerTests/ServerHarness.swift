import Foundation
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Vapor
import VaporTesting

/// Runs a test against the app on a fresh database of the run's kind, with the fixed test clock.
@discardableResult
func withServer<T>(fixtures: Bool = true, _ test: (Application) async throws -> T) async throws -> T {
    let location = try await TestDatabase.freshLocation()
    return try await withApp(configure: { app in
        // Migrations log every step at info; a test run wants only the problems.
        app.logger.logLevel = .warning
        try await configure(app, settings: ServerSettings(database: location, now: { Fixtures.now }))
        if fixtures {
            _ = try await ImportService.importFiles(
                [
                    ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8)),
                    ImportFile(name: "values.csv", data: Data(Fixtures.measurementsCSV.utf8)),
                ],
                dryRun: false, audit: Fixtures.audit(), on: app.db
            )
        }
    }, test)
}

extension TestingHTTPResponse {
    /// The `error` object of a JSON error body.
    var apiError: (code: String, field: String?)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let error = object["error"] as? [String: Any], let code = error["code"] as? String else { return nil }
        return (code, error["field"] as? String)
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body)) }
}

func jsonBody(_ object: Any) -> ByteBuffer {
    ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
}

let jsonHeaders: HTTPHeaders = ["Content-Type": "application/json"]
let formHeaders: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
