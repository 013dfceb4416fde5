import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Citizen feedback, small wins and the narrative workflow, through the pages and the API.
@Suite("Portal writes: feedback, wins, the narrative workflow")
struct PortalWritesTests {
    /// A visitor's CSRF cookie, as the goal's public page sets it.
    private static func visitorToken(_ app: Application) async throws -> String {
        var token = ""
        try await app.testing().test(.GET, "/public/goals/G1.1") { response in
            token = response.headers.setCookie?[CSRF.cookie]?.string ?? ""
        }
        #expect(!token.isEmpty, "the public goal page sets no CSRF cookie")
        return token
    }

    /// Sends the form; every test request comes from one address (the limit per address is `FeedbackRules`' test).
    private static func send(_ app: Application, token: String, _ fields: [(String, String)]) async throws -> (HTTPStatus, String, String?) {
        var headers = formHeaders
        headers.add(name: .cookie, value: "\(CSRF.cookie)=\(token)")
        var result: (HTTPStatus, String, String?) = (.ok, "", nil)
        try await app.testing().test(.POST, "/public/goals/G1.1/feedback", headers: headers, body: formBody(fields + [("csrf", token)])) { response in
            result = (response.status, response.body.string, response.headers.first(name: .location))
        }
        return result
    }

    @Test("a visitor's comment waits for the PIO, who publishes it with a response on the goal's public page")
    func feedbackIsModerated() async throws {
        try await withServer { app in
            let token = try await Self.visitorToken(app)
            let (status, _, location) = try await Self.send(app, token: token, [("message", "Please open on Saturdays."), ("displayName", "Sam"), ("website", "")])
            #expect(status == .seeOther)
            #expect(location?.hasPrefix("/public/goals/G1.1?sent=1") == true)
            try await app.testing().test(.GET, "/public/goals/G1.1") { response in
                #expect(!response.body.string.contains("Please open on Saturdays."), "shown before moderation")
            }
            var id = ""
            try await app.signedIn().test(.GET, "/api/v1/feedback") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                id = items.first?["id"] as? String ?? ""
            }
            try await app.signedIn().test(.POST, "/api/v1/feedback/\(id)/moderation", headers: jsonHeaders,
                                          body: jsonBody(["state": "published", "response": "We will try Saturdays from June."])) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/public/goals/G1.1") { response in
                let html = response.body.string
                #expect(html.contains("Please open on Saturdays."))
                #expect(html.contains("We will try Saturdays from June."))
                #expect(html.contains("Sam"))
            }
            try await app.signedIn().test(.GET, "/audit?entity=citizenFeedback") { response in
                #expect(response.body.string.contains("Citizen feedback"))
            }
        }
    }

    @Test("the feedback form refuses robots, floods, oversized comments and missing CSRF tokens, keeping what was typed")
    func feedbackSpamProtection() async throws {
        try await withServer { app in
            let token = try await Self.visitorToken(app)
            let (robot, robotPage, _) = try await Self.send(app, token: token, [("message", "Cheap pills"), ("website", "http://spam.example")])
            #expect(robot == .unprocessableEntity)
            #expect(robotPage.contains("Cheap pills"), "what was typed is kept")
            let (long, longPage, _) = try await Self.send(app, token: token, [("message", String(repeating: "x", count: 2001))])
            #expect(long == .unprocessableEntity)
            #expect(longPage.contains("At most 2000 characters"))
            for index in 0..<3 {
                let (status, _, _) = try await Self.send(app, token: token, [("message", "Comment \(index)")])
                #expect(status == .seeOther)
            }
            let (flood, _, _) = try await Self.send(app, token: token, [("message", "One more")])
            #expect(flood == .tooManyRequests)
            try await app.testing().test(.POST, "/public/goals/G1.1/feedback", headers: formHeaders, body: formBody([("message", "No token")])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.POST, "/api/v1/goals/G1.1/feedback", headers: jsonHeaders, body: jsonBody(["message": "Robot", "website": "x"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "message")
            }
            try await app.testing().test(.POST, "/api/v1/goals/G-NOPE/feedback", headers: jsonHeaders, body: jsonBody(["message": "Hello"])) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a win is recorded unpublished, a PIO publishes it, and the recognition feed shows it")
    func wins() async throws {
        try await withServer { app in
            var id = ""
            try await app.signedIn().test(.POST, "/api/v1/wins", headers: jsonHeaders, body: jsonBody([
                "title": "Queue app launched", "story": "Half of visitors now book ahead.", "goal": "G1.1", "achievedOn": "2026-04-02",
            ])) { response in
                #expect(response.status == .created)
                id = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            try await app.signedIn().test(.POST, "/api/v1/wins", headers: jsonHeaders, body: jsonBody(["title": "Orphan", "story": "S", "achievedOn": "2026-04-02"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "goal")
            }
            try await app.testing().test(.GET, "/public/wins") { response in
                #expect(!response.body.string.contains("Queue app launched"))
            }
            try await app.signedIn().test(.GET, "/wins") { response in
                #expect(response.body.string.contains("Queue app launched"))
                #expect(response.body.string.contains("Publish on the portal"))
            }
            try await app.signedIn().test(.PUT, "/api/v1/wins/\(id)/publication", headers: jsonHeaders, body: jsonBody(["published": true])) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/public/wins") { response in
                #expect(response.body.string.contains("Queue app launched"))
            }
            try await app.testing().test(.GET, "/api/v1/wins") { response in
                let item = ((response.json as? [String: Any])?["items"] as? [[String: Any]])?.first
                #expect(item?["title"] as? String == "Queue app launched")
                #expect(item?["recordedBy"] == nil, "who recorded it is staff business")
            }
        }
    }

    @Test("a narrative goes draft → submitted → approved → published, each step by whom the rule allows, with its history")
    func narrativeWorkflow() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let leader: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.leader]!)", "Content-Type": "application/json"]
            let steward: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.steward]!)", "Content-Type": "application/json"]
            try await app.testing().test(.PUT, "/api/v1/goals/G1.1/narratives", headers: leader, body: jsonBody([
                "goal": "G1.1", "period": "FY2027-Q1", "accomplishments": "New words", "state": "published",
            ])) { response in
                #expect(response.status == .ok)
                #expect((response.json as? [String: Any])?["state"] as? String == "draft", "a writer cannot publish by PUT")
            }
            try await app.testing().test(.GET, "/public/goals/G1.1") { response in
                #expect(!response.body.string.contains("New words"))
            }
            try await app.testing().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: steward, body: jsonBody(["period": "FY2027-Q1", "step": "submit"])) { response in
                #expect(response.status == .forbidden, "a steward of the unit writes no narratives")
            }
            try await app.testing().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: leader, body: jsonBody(["period": "FY2027-Q1", "step": "submit"])) { response in
                #expect((response.json as? [String: Any])?["state"] as? String == "submitted")
            }
            // The goal-leader role in the unit is not the goal's leader (Kwame Osei): approving is for him or a PIO.
            try await app.testing().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: leader, body: jsonBody(["period": "FY2027-Q1", "step": "approve"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.signedIn().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: jsonHeaders, body: jsonBody(["period": "FY2027-Q1", "step": "publish"])) { response in
                #expect(response.status == .conflict, "publishing needs approval first")
            }
            try await app.signedIn().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: jsonHeaders, body: jsonBody(["period": "FY2027-Q1", "step": "sendBack"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "note")
            }
            for step in ["approve", "publish"] {
                try await app.signedIn().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: jsonHeaders, body: jsonBody(["period": "FY2027-Q1", "step": step])) { response in
                    #expect(response.status == .ok)
                }
            }
            try await app.testing().test(.GET, "/public/goals/G1.1") { response in
                #expect(response.body.string.contains("New words"))
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/G1.1/narratives/history") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["to"] as? String ?? "" } == ["submitted", "approved", "published"])
                #expect(items.first?["actor"] as? String == Persona.leader.email)
            }
            try await app.testing().test(.GET, "/api/v1/goals/G1.1/narratives/history") { response in
                #expect(response.status == .unauthorized, "the history names staff")
            }
            // New words start it over.
            try await app.testing().test(.PUT, "/api/v1/goals/G1.1/narratives", headers: leader, body: jsonBody([
                "goal": "G1.1", "period": "FY2027-Q1", "accomplishments": "Newer words",
            ])) { response in
                #expect((response.json as? [String: Any])?["state"] as? String == "draft")
            }
        }
    }

    @Test("the goal's page offers the workflow's steps to its leader, and My tasks says what each quarter's narrative waits for")
    func narrativeTasks() async throws {
        try await withServer { app in
            let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            let user = try await UserStore.create(
                email: "k.osei@example.gov", name: "Kwame Osei", password: TestAccounts.password, grants: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")],
                hasher: app.passwordHasher, context: context, on: app.db
            )
            let token = try await APITokenStore.create(name: "leader", owner: user.id, grants: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")], context: context, on: app.db).token
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let quarter = NarrativeFormController.lastQuarter(today: CalendarDate(utc: Fixtures.now), reporting: try await FrameworkStore.reporting(on: app.db))
            // The fixture's narrative of the last quarter is published: nothing is due until new words make it a draft.
            try await app.testing().test(.GET, "/tasks", headers: headers) { response in
                #expect(!response.body.string.contains("Submit the draft"))
            }
            try await app.testing().test(.PUT, "/api/v1/goals/G1.1/narratives", headers: headers, body: jsonBody(["goal": "G1.1", "period": quarter, "accomplishments": "Drafted"])) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/tasks", headers: headers) { response in
                #expect(response.body.string.contains("Submit the draft"))
            }
            try await app.testing().test(.GET, "/goals/G1.1", headers: headers) { response in
                let html = response.body.string
                #expect(html.contains("Submit for approval"))
                #expect(html.contains("State: </strong>Draft"))
            }
            try await app.testing().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: headers, body: jsonBody(["period": quarter, "step": "submit"])) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/tasks", headers: headers) { response in
                #expect(response.body.string.contains("Approve it"))
            }
            for step in ["approve", "publish"] {
                try await app.testing().test(.POST, "/api/v1/goals/G1.1/narratives/steps", headers: headers, body: jsonBody(["period": quarter, "step": step])) { response in
                    #expect(response.status == .ok, "the goal's leader may \(step)")
                }
            }
            try await app.testing().test(.GET, "/tasks", headers: headers) { response in
                #expect(!response.body.string.contains("Approve it"))
                #expect(!response.body.string.contains("Submit the draft"))
            }
        }
    }
}
