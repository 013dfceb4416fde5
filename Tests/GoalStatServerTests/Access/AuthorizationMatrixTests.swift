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
        // Org units are public; the page compares only what the reader may read (published indicators for visitors).
        "GET /org-units/:code/peers": .everyone,
        "GET /indicators/:code/targets/new": .editors,
        "POST /indicators/:code/targets": .editors,
        "GET /review": .staff,
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
        "GET /reviews": .staff,
        "GET /reviews/new": .everywhereStaff,
        "GET /reviews/schedule": .everywhereStaff,
        "POST /reviews/schedule": .everywhereStaff,
        "POST /api/v1/review-series": .everywhereStaff,
        // Risks and capacity: the services check the goal's or team's unit; a path with no such record answers 404.
        "GET /risks": .staff,
        "GET /risks/new": .editors,
        "POST /risks": .editors,
        "GET /risks/:id": .staff,
        "POST /risks/:id/edit": .editors,
        "GET /capacity": .staff,
        "GET /capacity/new": .enterers,
        "POST /capacity": .enterers,
        "GET /capacity/:id": .staff,
        "POST /capacity/:id/decision": .everywhereStaff,
        "POST /capacity/:id/updates": .staff,
        "GET /api/v1/risks": .staff,
        "POST /api/v1/risks": .editors,
        "GET /api/v1/risks/:id": .staff,
        "PUT /api/v1/risks/:id": .editors,
        "GET /api/v1/capacity-requests": .staff,
        "POST /api/v1/capacity-requests": .enterers,
        "GET /api/v1/capacity-requests/:id": .staff,
        "POST /api/v1/capacity-requests/:id/decision": .everywhereStaff,
        "POST /api/v1/capacity-requests/:id/updates": .staff,
        "POST /reviews": .everywhereStaff,
        "GET /reviews/:id": .staff,
        "POST /reviews/:id/assessments": .everywhereStaff,
        "POST /reviews/:id/decisions": .everywhereStaff,
        "POST /reviews/:id/actions": .everywhereStaff,
        "GET /actions": .staff,
        "GET /api/v1/actions": .staff,
        "GET /actions/:id": .signedIn,
        "POST /actions/:id": .signedIn,
        "GET /asks/:id": .signedIn,
        "POST /asks/:id": .signedIn,
        "GET /api/v1/reviews": .staff,
        "POST /api/v1/reviews": .everywhereStaff,
        "GET /api/v1/reviews/:id": .staff,
        "POST /api/v1/reviews/:id/assessments": .everywhereStaff,
        "POST /api/v1/reviews/:id/decisions": .everywhereStaff,
        "POST /api/v1/reviews/:id/actions": .everywhereStaff,
        "POST /api/v1/actions/:id/updates": .signedIn,
        "GET /api/v1/asks": .signedIn,
        "POST /api/v1/asks/:id/answer": .signedIn,
        // Appraisals (issue 13): the employee, their rating chain and HR; the PIO and admin refused.
        "GET /appraisals": .signedIn,
        "GET /appraisal-assessment": [.hr],
        "GET /appraisal-assessment.csv": [.hr],
        "GET /appraisal-employees/import": [.hr],
        "POST /appraisal-employees/import": [.hr],
        "GET /appraisals/:email": .appraisalReaders,
        "POST /appraisals/:email/feedback": .appraisalReaders,
        "POST /appraisals/:email/acknowledgment": [.employee],
        "POST /appraisals/:email/reconsideration": .appraisalReaders,
        "GET /appraisals/:email/plan": .appraisalWriters,
        "POST /appraisals/:email/plan": .appraisalWriters,
        "GET /appraisals/:email/progress-review": .appraisalWriters,
        "POST /appraisals/:email/progress-review": .appraisalWriters,
        "GET /appraisals/:email/rating": .appraisalWriters,
        "POST /appraisals/:email/rating": .appraisalWriters,
        "GET /appraisals/:email/award": .appraisalWriters,
        "POST /appraisals/:email/award": .appraisalWriters,
        "GET /api/v1/appraisal-programs": [.hr],
        "POST /api/v1/appraisal-programs": [.hr],
        "GET /api/v1/appraisal-assessment": [.hr],
        "GET /api/v1/appraisal-employees": .signedIn,
        "POST /api/v1/appraisal-employees": [.hr],
        "GET /api/v1/appraisal-employees/:email": .appraisalReaders,
        "POST /api/v1/appraisal-employees/:email/feedback": .appraisalReaders,
        "POST /api/v1/appraisal-employees/:email/awards": .appraisalWriters,
        "POST /api/v1/performance-plans": .signedIn,
        "GET /api/v1/performance-plans/:id": .appraisalReaders,
        "PUT /api/v1/performance-plans/:id": .appraisalWriters,
        "POST /api/v1/performance-plans/:id/acknowledgment": [.employee],
        "POST /api/v1/performance-plans/:id/progress-reviews": .appraisalWriters,
        "POST /api/v1/performance-plans/:id/rating": .appraisalWriters,
        "POST /api/v1/performance-plans/:id/rating/acknowledgment": [.employee],
        "POST /api/v1/performance-plans/:id/rating/reconsideration": .appraisalReaders,
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
        "GET /api/v1/org-units/:key/peers": .everyone,
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
        "GET /api/v1/focus": .staff,
        "GET /api/v1/scorecard": .staff,
        "GET /api/v1/links/evidence": .staff,
        "GET /api/v1/integrity": .staff,
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
        // The public portal, open data, display mode and citizen feedback (issue 12): open to everyone
        "GET /public": .everyone,
        "GET /public/goals/:code": .everyone,
        "POST /public/goals/:code/feedback": .everyone,
        "GET /public/indicators/:code": .everyone,
        "GET /public/search": .everyone,
        "GET /public/updates": .everyone,
        "GET /public/wins": .everyone,
        "GET /public/display": .everyone,
        "GET /public/data": .everyone,
        "GET /public/data/:file": .everyone,
        // Small wins, feedback moderation and the narrative workflow (issues 11 and 12)
        "GET /wins": .signedIn,
        "GET /wins/new": .editors,
        "POST /wins": .editors,
        "POST /wins/:id/publication": .everywhereStaff,
        "GET /feedback": .everywhereStaff,
        "POST /feedback/:id": .everywhereStaff,
        "POST /goals/:code/narrative/steps": .editors,
        "GET /api/v1/wins": .everyone,
        "POST /api/v1/wins": .editors,
        "PUT /api/v1/wins/:id/publication": .everywhereStaff,
        "GET /api/v1/goals/:key/feedback": .everyone,
        "POST /api/v1/goals/:key/feedback": .everyone,
        "GET /api/v1/feedback": .everywhereStaff,
        "POST /api/v1/feedback/:id/moderation": .everywhereStaff,
        "POST /api/v1/goals/:key/narratives/steps": .editors,
        "GET /api/v1/goals/:key/narratives/history": .readers,
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
        let plan = try await MatrixFixture.appraisal(on: app)
        return MatrixSetup(tokens: tokens, ids: ["user": subject.id.description, "token": token.record.id.uuidString, "plan": plan.uuidString])
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
