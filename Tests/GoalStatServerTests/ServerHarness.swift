import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Vapor
import VaporTesting

/// Runs a test against the app on a fresh database of the run's kind, with the fixed test clock.
@discardableResult
func withServer<T>(fixtures: Bool = true, writeWait: WriteWait = .server, _ test: (Application) async throws -> T) async throws -> T {
    let location = try await TestDatabase.freshLocation()
    do {
        let result = try await withApp(configure: { app in
            // Migrations log every step at info; a test run wants only the problems.
            app.logger.logLevel = .warning
            try await configure(app, settings: ServerSettings(database: location, bcryptCost: TestAccounts.bcryptCost, now: { Fixtures.now }, writeWait: writeWait))
            try await TestAccounts.prepareAdmin(on: app)
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
        await TestDatabase.discard(location)
        return result
    } catch {
        await TestDatabase.discard(location)
        throw error
    }
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

/// A form body as a browser sends it, fields in order (a name may repeat, as check boxes do).
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var components = URLComponents()
    components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
    // URLComponents leaves + alone; a form body reads it as a space.
    return ByteBuffer(string: (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
}

/// Accounts for server tests: an administrator whose API token `app.signedIn()` sends with every request.
enum TestAccounts {
    /// Bcrypt's minimum: test passwords need no protection, and cost 12 would make every sign-in take a quarter second.
    static let bcryptCost = 4
    static let adminEmail = "admin@example.gov"
    static let password = "correct horse battery 42"

    private struct AdminTokenKey: StorageKey {
        typealias Value = String
    }

    static func prepareAdmin(on app: Application) async throws {
        let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
        let admin = try await UserStore.create(
            email: adminEmail, name: "Test Administrator", password: password, grants: [RoleGrant(role: .admin)],
            hasher: app.passwordHasher, context: context, on: app.db
        )
        let token = try await APITokenStore.create(name: "tests", owner: admin.id, grants: [RoleGrant(role: .admin)], context: context, on: app.db)
        app.storage[AdminTokenKey.self] = token.token
    }

    static func adminToken(of app: Application) -> String {
        app.storage[AdminTokenKey.self] ?? ""
    }
}

/// Sends every request with fixed headers (a bearer token, or a session cookie and its CSRF token).
struct AuthorizedTester: TestingApplicationTester {
    var base: any TestingApplicationTester
    var headers: HTTPHeaders

    func performTest(request: TestingHTTPRequest) async throws -> TestingHTTPResponse {
        var request = request
        for (name, value) in headers where !request.headers.contains(name: name) {
            request.headers.add(name: name, value: value)
        }
        return try await base.performTest(request: request)
    }
}

extension Application {
    /// A tester signed in as the test administrator (with an API token).
    func signedIn() throws -> AuthorizedTester {
        AuthorizedTester(base: try testing(), headers: ["Authorization": "Bearer \(TestAccounts.adminToken(of: self))"])
    }

    /// The same through a real server on `port`, for what happens in the HTTP pipeline (body limits, compression),
    /// which the in-memory tester skips.
    func signedInLive(port: Int) throws -> AuthorizedTester {
        AuthorizedTester(
            base: try testing(method: .running(hostname: "127.0.0.1", port: port)),
            headers: ["Authorization": "Bearer \(TestAccounts.adminToken(of: self))"]
        )
    }
}
