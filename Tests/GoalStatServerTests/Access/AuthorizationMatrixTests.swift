import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Every route × every kind of user → allowed or denied, generated from the app's route table: a route added
/// without a row here fails this test, and so does a row whose route is gone.
@Suite("Authorization matrix", .serialized)
struct AuthorizationMatrixTests {
    /// Who each route lets through, for the private records of DMV-FO that `MatrixFixture.fill` puts in its path.
    static let expected: [String: Personas] = [
        // Pages
        "GET /": .everyone,
        "GET /goals/:code": .readers,
        "GET /indicators/:code": .readers,
        "GET /indicators/:code/chart.svg": .readers,
        "GET /indicators/:code/compare": .readers,
        "GET /indicators/:code/targets/new": .editors,
        "POST /indicators/:code/targets": .editors,
        "GET /review": .signedIn,
        "GET /data-entry": .enterers,
        "POST /data-entry": .enterers,
        "GET /imports": [.steward, .pio, .admin],
        "POST /imports": [.steward, .pio, .admin],
        "POST /imports/commit": [.steward, .pio, .admin],
        "POST /imports/discard": [.steward, .pio, .admin],
        "GET /exports": .everywhereStaff,
        "GET /tasks": .signedIn,
        "GET /notifications": .signedIn,
        "POST /notifications/read": .signedIn,
        "GET /assets/goalstat.css": .everyone,
        "GET /openapi.json": .everyone,
        // Reports and StratML (issue 12)
        "GET /reports": .everywhereStaff,
        "GET /reports/quarterly": .everywhereStaff,
        "GET /reports/annual": .everywhereStaff,
        "GET /reviews/:id/briefing-book": .everywhereStaff,
        "GET /assets/report.css": .everyone,
        "GET /stratml/part1.xml": .everyone,
        "GET /stratml/part2.xml": .everyone,
        "GET /api/v1/stratml": .everyone,
        // Pages: authoring the framework
        "GET /framework": .editors,
        "GET /plan/edit": .everywhereStaff,
        "POST /plan/edit": .everywhereStaff,
        "GET /org-units/new": .editors,
        "POST /org-units": .editors,
        "GET /org-units/:code/edit": .editors,
        "POST /org-units/:code/edit": .editors,
        "GET /org-units/:code/remove": .editors,
        "POST /org-units/:code/remove": .editors,
        "GET /people/new": .editors,
        "POST /people": .editors,
        "GET /people/:code/edit": .editors,
        "POST /people/:code/edit": .editors,
        "GET /people/:code/remove": .editors,
        "POST /people/:code/remove": .editors,
        "GET /goals/new": .editors,
        "POST /goals": .editors,
        "GET /goals/:code/edit": .editors,
        "POST /goals/:code/edit": .editors,
        "GET /goals/:code/remove": .editors,
        "POST /goals/:code/remove": .editors,
        "GET /indicators/new": .editors,
        "POST /indicators": .editors,
        "GET /indicators/:code/edit": .editors,
        "POST /indicators/:code/edit": .editors,
        "GET /indicators/:code/remove": .editors,
        "POST /indicators/:code/remove": .editors,
        "GET /milestones/new": .editors,
        "POST /milestones": .editors,
        "GET /milestones/:code/edit": .editors,
        "POST /milestones/:code/edit": .editors,
        "GET /milestones/:code/remove": .editors,
        "POST /milestones/:code/remove": .editors,
        "GET /links": .editors,
        "GET /links/new": .editors,
        "POST /links": .editors,
        "GET /links/remove": .editors,
        "POST /links/remove": .editors,
        "GET /goals/:code/narrative": .editors,
        "POST /goals/:code/narrative": .editors,
        // Reviews (issue 11)
        "GET /reviews": .signedIn,
        "GET /reviews/new": .everywhereStaff,
        "POST /reviews": .everywhereStaff,
        "GET /reviews/:id": .signedIn,
        "POST /reviews/:id/assessments": .everywhereStaff,
        "POST /reviews/:id/decisions": .everywhereStaff,
        "POST /reviews/:id/actions": .everywhereStaff,
        "GET /actions/:id": .signedIn,
        "POST /actions/:id": .signedIn,
        "GET /asks/:id": .signedIn,
        "POST /asks/:id": .signedIn,
        "GET /api/v1/reviews": .signedIn,
        "POST /api/v1/reviews": .everywhereStaff,
        "GET /api/v1/reviews/:id": .signedIn,
        "POST /api/v1/reviews/:id/assessments": .everywhereStaff,
        "POST /api/v1/reviews/:id/decisions": .everywhereStaff,
        "POST /api/v1/reviews/:id/actions": .everywhereStaff,
        "POST /api/v1/actions/:id/updates": .signedIn,
        "GET /api/v1/asks": .signedIn,
        "POST /api/v1/asks/:id/answer": .signedIn,
        "GET /sign-in": .everyone,
        "POST /sign-in": .everyone,
        "POST /sign-out": .everyone,
        "GET /account": .signedIn,
        "POST /account/password": .signedIn,
        "POST /account/tokens": .signedIn,
        "POST /account/tokens/:id/revoke": .signedIn,
        "GET /users": .admin,
        "POST /users": .admin,
        "GET /users/:id": .admin,
        "POST /users/:id/grants": .admin,
        "POST /users/:id/active": .admin,
        "GET /audit": .everywhereStaff,
        "GET /audit.csv": .everywhereStaff,
        // API: framework records
        "GET /api/v1/org-units": .everyone,
        "POST /api/v1/org-units": .editors,
        "GET /api/v1/org-units/:key": .everyone,
        "PUT /api/v1/org-units/:key": .editors,
        "DELETE /api/v1/org-units/:key": .editors,
        "GET /api/v1/people": .everyone,
        "POST /api/v1/people": .editors,
        // k.osei leads a published goal, so he is named publicly.
        "GET /api/v1/people/:key": .everyone,
        "PUT /api/v1/people/:key": .editors,
        "DELETE /api/v1/people/:key": .editors,
        "GET /api/v1/goals": .everyone,
        "POST /api/v1/goals": .editors,
        "GET /api/v1/goals/:key": .readers,
        "PUT /api/v1/goals/:key": .editors,
        "DELETE /api/v1/goals/:key": .editors,
        "GET /api/v1/indicators": .everyone,
        "POST /api/v1/indicators": .editors,
        "GET /api/v1/indicators/:key": .readers,
        "PUT /api/v1/indicators/:key": .editors,
        "DELETE /api/v1/indicators/:key": .editors,
        "GET /api/v1/milestones": .everyone,
        "POST /api/v1/milestones": .editors,
        "GET /api/v1/milestones/:key": .readers,
        "PUT /api/v1/milestones/:key": .editors,
        "DELETE /api/v1/milestones/:key": .editors,
        "GET /api/v1/plan": .everyone,
        "PUT /api/v1/plan": .everywhereStaff,
        "GET /api/v1/links": .everyone,
        "POST /api/v1/links": .editors,
        "DELETE /api/v1/links/:driver/:result": .editors,
        "GET /api/v1/goals/:key/narratives": .readers,
        "PUT /api/v1/goals/:key/narratives": .editors,
        // API: values, targets, analysis
        "GET /api/v1/indicators/:key/measurements": .readers,
        "POST /api/v1/indicators/:key/measurements": .enterers,
        "GET /api/v1/indicators/:key/revisions": .readers,
        "GET /api/v1/indicators/:key/targets": .readers,
        "POST /api/v1/indicators/:key/targets": .editors,
        "GET /api/v1/indicators/:key/analysis": .readers,
        "GET /api/v1/indicators/:key/rebases": .readers,
        "POST /api/v1/indicators/:key/rebases": .editors,
        "GET /api/v1/indicators/:key/chart.svg": .readers,
        "GET /api/v1/indicators/:key/comparison": .readers,
        "GET /api/v1/focus": .signedIn,
        "GET /api/v1/scorecard": .signedIn,
        "GET /api/v1/links/evidence": .signedIn,
        "GET /api/v1/integrity": .signedIn,
        // API: files
        "POST /api/v1/imports": [.steward, .pio, .admin],
        "GET /api/v1/exports/measurements": .everywhereStaff,
        "GET /api/v1/exports/framework": .everywhereStaff,
        // API: accounts and audit
        "GET /api/v1/me": .signedIn,
        "GET /api/v1/tokens": .signedIn,
        "POST /api/v1/tokens": .signedIn,
        "DELETE /api/v1/tokens/:id": .signedIn,
        "GET /api/v1/users": .admin,
        "POST /api/v1/users": .admin,
        "GET /api/v1/audit": .everywhereStaff,
    ]

    @Test("every route answers every kind of user as the matrix says")
    func matrix() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let routes = app.routes.all.map { route in (route: route, key: "\(route.method.rawValue) /\(route.path.string)") }
            let keys = Set(routes.map(\.key))
            for key in Self.expected.keys.sorted() where !keys.contains(key) {
                Issue.record("the matrix has a row for \(key), which is no longer a route")
            }
            // Removals last, so that nothing is gone while other routes are tried.
            let ordered = routes.filter { $0.route.method != .DELETE } + routes.filter { $0.route.method == .DELETE }
            for (route, key) in ordered {
                guard let allowed = Self.expected[key] else {
                    Issue.record("\(key) has no row in the authorization matrix: add who may use it")
                    continue
                }
                #expect(route.access != nil, "\(key) was registered without an access rule")
                let path = MatrixFixture.fill("/" + route.path.string, ids: setup.ids)
                for persona in Persona.allCases {
                    let outcome = try await setup.outcome(of: route.method, path, as: persona, on: app)
                    let shouldAllow = allowed.contains(Personas(persona))
                    #expect(
                        outcome.allowed == shouldAllow,
                        "\(key) as \(persona.rawValue): expected \(shouldAllow ? "allowed" : "denied"), got \(outcome.status.code) \(outcome.location ?? "")"
                    )
                }
            }
        }
    }
}

/// The personas' tokens and the ids the paths need.
struct MatrixSetup {
    var tokens: [Persona: String]
    var ids: [String: String]

    static func prepare(on app: Application) async throws -> MatrixSetup {
        _ = try await ImportService.importFiles(
            [ImportFile(name: "matrix.yaml", data: Data(MatrixFixture.yaml.utf8))],
            dryRun: false, audit: AuditContext(actor: nil, source: .system, now: Fixtures.now), on: app.db
        )
        let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
        var tokens: [Persona: String] = [:]
        for persona in Persona.allCases where persona != .anonymous {
            let user = try await UserStore.create(
                email: persona.email, name: persona.rawValue, password: TestAccounts.password, grants: persona.grants,
                hasher: app.passwordHasher, context: context, on: app.db
            )
            tokens[persona] = try await APITokenStore.create(name: "matrix", owner: user.id, grants: persona.grants, context: context, on: app.db).token
        }
        let subject = try await UserStore.create(
            email: "subject@matrix.example.gov", name: "Subject", password: TestAccounts.password, grants: [],
            hasher: app.passwordHasher, context: context, on: app.db
        )
        let token = try await APITokenStore.create(
            name: "subject", owner: subject.id, grants: [RoleGrant(role: .viewer, orgUnit: "DMV-DS")], context: context, on: app.db
        )
        return MatrixSetup(tokens: tokens, ids: ["user": subject.id.description, "token": token.record.id.uuidString])
    }

    struct Outcome {
        var status: HTTPResponseStatus
        var location: String?

        /// Denied is 401 or 403, or a page sending the visitor to sign in; anything else (200, 404, 422 …) got
        /// past authorization. Requests carry no body, so an allowed write stops at validation and changes nothing.
        var allowed: Bool {
            if status == .unauthorized || status == .forbidden { return false }
            if status == .seeOther, location?.hasPrefix("/sign-in") == true { return false }
            return true
        }
    }

    func outcome(of method: HTTPMethod, _ path: String, as persona: Persona, on app: Application) async throws -> Outcome {
        var headers = HTTPHeaders()
        if let token = tokens[persona] { headers.add(name: .authorization, value: "Bearer \(token)") }
        var outcome = Outcome(status: .ok, location: nil)
        try await app.testing().test(method, path, headers: headers) { response in
            outcome = Outcome(status: response.status, location: response.headers.first(name: .location))
        }
        return outcome
    }
}
