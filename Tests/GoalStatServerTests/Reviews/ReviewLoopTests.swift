import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The review loop of issue 11: schedule, brief, categorise with an ask for help, decide (revising a target), assign
/// actions; the asked unit answers; the next review's agenda carries the actions and the answer.
@Suite("Reviews that end in decisions and follow-up")
struct ReviewLoopTests {
    private func token(for email: String, grants: [RoleGrant], app: Application) async throws -> String {
        let context = Fixtures.audit(.system)
        let user = try await UserStore.create(email: email, name: email, password: TestAccounts.password, grants: grants, hasher: app.passwordHasher, context: context, on: app.db)
        return try await APITokenStore.create(name: "t", owner: user.id, grants: grants, context: context, on: app.db).token
    }

    @Test("a review categorises, asks, decides and assigns; the asked unit answers; the next review carries it all")
    func followUpLoop() async throws {
        try await withServer { app in
            var first = ""
            try await app.signedIn().test(.POST, "/api/v1/reviews", headers: jsonHeaders, body: jsonBody([
                "kind": "quarterly", "title": "Faster service, Q4", "date": "2026-11-20", "chair": "r.alvarez@example.gov",
                "attendees": ["k.osei@example.gov"], "goals": ["G1.1"],
            ])) { response in
                #expect(response.status == .created)
                first = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            try await app.signedIn().test(.GET, "/reviews/\(first)?asOf=2026-11-23") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("This is the first review of this scope."))
                #expect(page.contains("Off target"))
                #expect(page.contains("Categorise a goal"))
            }
            // A bad category is named by its field; nothing is stored.
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/assessments", headers: jsonHeaders, body: jsonBody([
                "goal": "G9", "category": "atRisk",
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "goal")
            }
            var askID = ""
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/assessments", headers: jsonHeaders, body: jsonBody([
                "goal": "G1.1", "category": "atRisk", "blockers": "Two clerks on leave in the north",
                "ask": ["orgUnit": "DMV-FO-NORTH", "request": "Lend two clerks for March"],
            ])) { response in
                #expect(response.status == .created)
                askID = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            var decision = ""
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "reviseTarget", "text": "Queues are longer than planned; a 20-minute median is realistic for FY2027",
                "goal": "G1.1", "indicator": "FO-WAIT-MEDIAN", "target": ["period": "FY2027", "value": "20"],
            ])) { response in
                #expect(response.status == .created)
                decision = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            let targets = try await FrameworkStore.targets(of: ["FO-WAIT-MEDIAN"], on: app.db)
            #expect(targets.contains { $0.value == 20 && $0.rationale?.contains("20-minute median is realistic") == true && $0.setBy == TestAccounts.adminEmail })
            var actions: [String] = []
            for title in ["Hire two temporary clerks", "Publish the new queue times"] {
                try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/actions", headers: jsonHeaders, body: jsonBody([
                    "title": title, "owner": "k.osei@example.gov", "due": "2027-01-31", "decision": decision,
                ])) { response in
                    #expect(response.status == .created)
                    actions.append((response.json as? [String: Any])?["id"] as? String ?? "")
                }
            }

            // The leader of the unit asked sees the ask and answers it; someone else may not.
            let north = try await token(for: "lead@north.example.gov", grants: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO-NORTH")], app: app)
            let viewer = try await token(for: "viewer@example.gov", grants: [RoleGrant(role: .viewer, orgUnit: "DMV")], app: app)
            try await app.testing().test(.GET, "/api/v1/asks", headers: ["Authorization": "Bearer \(north)"]) { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.count == 1)
                #expect((items?.first?["ask"] as? [String: Any])?["request"] as? String == "Lend two clerks for March")
            }
            try await app.testing().test(.GET, "/tasks", headers: ["Authorization": "Bearer \(north)"]) { response in
                #expect(response.body.string.contains("Lend two clerks for March"))
            }
            try await app.testing().test(.POST, "/api/v1/asks/\(askID)/answer", headers: ["Authorization": "Bearer \(viewer)", "Content-Type": "application/json"], body: jsonBody(["answer": "No"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.POST, "/api/v1/asks/\(askID)/answer", headers: ["Authorization": "Bearer \(north)", "Content-Type": "application/json"], body: jsonBody(["answer": "Two clerks from Northgate, 1–31 March"])) { response in
                #expect(response.status == .ok)
            }
            // The owner sees both actions in their tasks and closes one.
            let owner = try await token(for: "k.osei@example.gov", grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")], app: app)
            try await app.testing().test(.GET, "/tasks", headers: ["Authorization": "Bearer \(owner)"]) { response in
                #expect(response.body.string.contains("Hire two temporary clerks") && response.body.string.contains("Publish the new queue times"))
            }
            try await app.testing().test(.POST, "/api/v1/actions/\(actions[1])/updates", headers: ["Authorization": "Bearer \(owner)", "Content-Type": "application/json"], body: jsonBody(["text": "Queue times are on the website", "status": "done"])) { response in
                #expect(response.status == .ok)
                #expect((response.json as? [String: Any])?["status"] as? String == "done")
            }

            // The next review's agenda carries the open action, the closed one and the answer.
            var second = ""
            try await app.signedIn().test(.POST, "/api/v1/reviews", headers: jsonHeaders, body: jsonBody([
                "kind": "quarterly", "title": "Faster service, Q1", "date": "2027-02-26", "goals": ["G1.1"],
            ])) { response in
                second = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            try await app.signedIn().test(.GET, "/api/v1/reviews/\(second)") { response in
                let followUp = (response.json as? [String: Any])?["followUp"] as? [String: Any]
                #expect(followUp?["previousReview"] as? String == first)
                #expect((followUp?["openActions"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Hire two temporary clerks"])
                #expect((followUp?["closedSinceLastReview"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Publish the new queue times"])
                let answered = followUp?["answeredSinceLastReview"] as? [[String: Any]]
                #expect((answered?.first?["ask"] as? [String: Any])?["answer"] as? String == "Two clerks from Northgate, 1–31 March")
            }
            try await app.signedIn().test(.GET, "/reviews/\(second)") { response in
                let page = response.body.string
                #expect(page.contains("Hire two temporary clerks"))
                #expect(page.contains("Two clerks from Northgate, 1–31 March"))
                #expect(page.contains("Queues are longer than planned"))
            }
        }
    }

    @Test("the review's forms record a category, a decision and an action, and a refused one names its field")
    func forms() async throws {
        try await withServer { app in
            let review = Review(kind: .quarterly, title: "Q4", date: "2026-11-20", goals: ["G1.1"])
            try await Transactions.run(on: app.db) { tx in try await ReviewStore.schedule(review, audit: Fixtures.audit(.system), on: tx) }
            let id = review.id.uuidString
            try await app.signedIn().test(.POST, "/reviews/\(id)/assessments", headers: formHeaders, body: ByteBuffer(string: "goal=G1.1&category=someRisk&askRequest=Help")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("choose who the help is asked of"))
            }
            try await app.signedIn().test(.POST, "/reviews/\(id)/assessments", headers: formHeaders, body: ByteBuffer(string: "goal=G1.1&category=someRisk&blockers=Staffing")) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.POST, "/reviews/\(id)/actions", headers: formHeaders, body: ByteBuffer(string: "title=Call+the+union&owner=nobody%40example.gov&due=2027-01-15")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("unknown person"))
            }
            try await app.signedIn().test(.POST, "/reviews/\(id)/actions", headers: formHeaders, body: ByteBuffer(string: "title=Call+the+union&owner=k.osei%40example.gov&due=2027-01-15")) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.GET, "/reviews/\(id)") { response in
                let page = response.body.string
                #expect(page.contains("Some risk of missing its planned level"))
                #expect(page.contains("Call the union"))
            }
            let audit = try await AuditLog.search(AuditFilter(entity: .actionItem), on: app.db).items
            #expect(audit.count == 1 && audit.first?.source == .form)
        }
    }
}
