import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The rest of issue 11's loop: decisions that open a risk, reassign a leader or change the focus; the risk register
/// with its score history and heat map; risks that rose on the next briefing; capacity requests from ask to delivery;
/// a year of reviews scheduled at once.
@Suite("Risks, capacity and review cadences")
struct RiskAndCapacityTests {
    private func token(for email: String, grants: [RoleGrant], app: Application) async throws -> String {
        let context = Fixtures.audit(.system)
        let user = try await UserStore.create(email: email, name: email, password: TestAccounts.password, grants: grants, hasher: app.passwordHasher, context: context, on: app.db)
        return try await APITokenStore.create(name: "t", owner: user.id, grants: grants, context: context, on: app.db).token
    }

    private func schedule(_ title: String, _ date: String, app: Application) async throws -> String {
        var id = ""
        try await app.signedIn().test(.POST, "/api/v1/reviews", headers: jsonHeaders, body: jsonBody([
            "kind": "quarterly", "title": title, "date": date, "goals": ["G1.1"],
        ])) { response in
            #expect(response.status == .created)
            id = (response.json as? [String: Any])?["id"] as? String ?? ""
        }
        return id
    }

    @Test("a decision opens a risk linked to its review; a higher score later shows as risen on the next briefing, with the heat map")
    func riskFromDecision() async throws {
        try await withServer { app in
            let first = try await schedule("Faster service, Q4", "2026-11-20", app: app)
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "openRisk", "text": "Watch the retirements", "goal": "G1.1",
                "risk": ["title": "Examiners retire", "likelihood": 9, "impact": 3],
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "likelihood")
            }
            #expect(try await RiskStore.risks(goals: nil, on: app.db).isEmpty)
            var decision = ""
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(first)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "openRisk", "text": "Watch the retirements", "goal": "G1.1",
                "risk": ["title": "Examiners retire", "likelihood": 2, "impact": 4, "owner": "k.osei@example.gov", "mitigation": "Cross-train"],
            ])) { response in
                #expect(response.status == .created)
                decision = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            let risk = try #require(try await RiskStore.risks(goals: ["G1.1"], on: app.db).first)
            #expect(risk.review?.uuidString == first && risk.decision?.uuidString == decision)
            #expect(risk.score == 8 && risk.history.count == 1)

            // Later the likelihood rises, through the API; a refused change names its field.
            try await app.signedIn().test(.PUT, "/api/v1/risks/\(risk.id)", headers: jsonHeaders, body: jsonBody([
                "title": "Examiners retire", "likelihood": 4, "impact": 4, "owner": "nobody@example.gov",
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "owner")
            }
            try await app.signedIn().test(.PUT, "/api/v1/risks/\(risk.id)", headers: jsonHeaders, body: jsonBody([
                "title": "Examiners retire", "likelihood": 4, "impact": 4, "owner": "k.osei@example.gov", "mitigation": "Cross-train",
                "status": "mitigating", "note": "Three letters arrived",
            ])) { response in
                #expect(response.status == .ok)
                #expect((response.json as? [String: Any])?["history"] as? [Any] != nil)
            }
            let stored = try #require(try await RiskStore.risk(risk.id, on: app.db))
            // The test clock stands still: the same day's second assessment replaces the first.
            #expect(stored.history.map(\.score) == [16])
            #expect(stored.status == .mitigating)

            let second = try await schedule("Faster service, Q1", "2027-02-26", app: app)
            try await app.signedIn().test(.GET, "/reviews/\(second)") { response in
                let page = response.body.string
                #expect(page.contains("Examiners retire"))
                #expect(page.contains("16 high"))
                #expect(page.contains("Open risks in scope by likelihood and impact"))
            }
            try await app.signedIn().test(.GET, "/risks") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("class=\"chart heat-map\""))
                #expect(response.body.string.contains("Examiners retire"))
            }
            try await app.signedIn().test(.GET, "/risks/\(risk.id)") { response in
                #expect(response.body.string.contains("Score history"))
                #expect(response.body.string.contains("Three letters arrived"))
            }
            let audit = try await AuditLog.search(AuditFilter(entity: .risk), on: app.db).items
            #expect(audit.contains { $0.field == "likelihood" && $0.oldValue == "2" && $0.newValue == "4" })
        }
    }

    @Test("decisions reassign a goal's leader and change the focus, through the framework's own rules")
    func leaderAndFocus() async throws {
        try await withServer { app in
            let review = try await schedule("Faster service, Q4", "2026-11-20", app: app)
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(review)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "reassignLeader", "text": "Rosa leads it from now", "goal": "G1.1", "leader": "nobody@example.gov",
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "leader")
            }
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(review)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "reassignLeader", "text": "Rosa leads it from now", "goal": "G1.1", "leader": "r.alvarez@example.gov",
            ])) { response in
                #expect(response.status == .created)
            }
            try await app.signedIn().test(.POST, "/api/v1/reviews/\(review)/decisions", headers: jsonHeaders, body: jsonBody([
                "kind": "changeFocus", "text": "Service is the deficit that matters most", "goal": "G1",
            ])) { response in
                #expect(response.status == .created)
            }
            let goals = try await FrameworkStore.exportDocument(on: app.db).goals
            #expect(goals.first { $0.code == "G1.1" }?.leader == "r.alvarez@example.gov")
            #expect(goals.first { $0.code == "G1" }?.focus == true)
        }
    }

    @Test("a team asks for capacity, those who run reviews decide, the team follows up to delivery; the briefing carries it")
    func capacityLoop() async throws {
        try await withServer { app in
            let steward = try await token(for: "steward@fo.example.gov", grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")], app: app)
            let other = try await token(for: "steward@ds.example.gov", grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO-NORTH")], app: app)
            let headers: (String) -> HTTPHeaders = { ["Authorization": "Bearer \($0)", "Content-Type": "application/json"] }
            try await app.testing().test(.POST, "/api/v1/capacity-requests", headers: headers(steward), body: jsonBody([
                "orgUnit": "DMV-FO", "goal": "G1.1", "kind": "staff", "title": "One more examiner", "justification": "",
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "justification")
            }
            var id = ""
            try await app.testing().test(.POST, "/api/v1/capacity-requests", headers: headers(steward), body: jsonBody([
                "orgUnit": "DMV-FO", "goal": "G1.1", "kind": "staff", "title": "One more examiner", "justification": "The queue doubles on Mondays",
            ])) { response in
                #expect(response.status == .created)
                id = (response.json as? [String: Any])?["id"] as? String ?? ""
            }
            try await app.signedIn().test(.GET, "/tasks") { response in
                #expect(response.body.string.contains("One more examiner"))
                #expect(response.body.string.contains("waiting for a decision"))
            }
            // The steward may not decide; someone who runs reviews does.
            try await app.testing().test(.POST, "/api/v1/capacity-requests/\(id)/decision", headers: headers(steward), body: jsonBody(["status": "granted", "decision": "Yes"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.signedIn().test(.POST, "/api/v1/capacity-requests/\(id)/decision", headers: jsonHeaders, body: jsonBody(["status": "granted", "decision": "From the April budget"])) { response in
                #expect(response.status == .ok)
            }
            let review = try await schedule("Faster service, Q4", "2027-01-20", app: app)
            try await app.signedIn().test(.GET, "/reviews/\(review)") { response in
                #expect(response.body.string.contains("One more examiner"))
                #expect(response.body.string.contains("From the April budget"))
            }
            try await app.testing().test(.POST, "/api/v1/capacity-requests/\(id)/updates", headers: headers(other), body: jsonBody(["text": "x", "status": "delivered"])) { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.POST, "/api/v1/capacity-requests/\(id)/updates", headers: headers(steward), body: jsonBody(["text": "Started on 1 April", "status": "delivered"])) { response in
                #expect(response.status == .ok)
                #expect((response.json as? [String: Any])?["status"] as? String == "delivered")
            }
            try await app.signedIn().test(.GET, "/capacity") { response in
                #expect(response.body.string.contains("Delivered"))
            }
            let audit = try await AuditLog.search(AuditFilter(entity: .capacityRequest), on: app.db).items
            // Asked; decided (status, decision); followed up (status, the note).
            #expect(audit.count == 5)
        }
    }

    @Test("a year of reviews: each priority goal every quarter, once however often it is asked")
    func scheduleYear() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/api/v1/review-series", headers: jsonHeaders, body: jsonBody(["cadence": "priorityGoalQuarters", "fiscalYear": 2027])) { response in
                #expect(response.status == .created)
                let reviews = response.json as? [[String: Any]]
                #expect(reviews?.count == 4)
                #expect(reviews?.first?["chair"] as? String == "k.osei@example.gov")
            }
            try await app.signedIn().test(.POST, "/reviews/schedule", headers: formHeaders, body: ByteBuffer(string: "cadence=priorityGoalQuarters&fiscalYear=2027")) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await ReviewStore.reviews(on: app.db).count == 4)
            try await app.signedIn().test(.POST, "/reviews/schedule", headers: formHeaders, body: ByteBuffer(string: "cadence=strategicYear&fiscalYear=20x")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("enter a whole number"))
            }
            try await app.signedIn().test(.POST, "/api/v1/review-series", headers: jsonHeaders, body: jsonBody(["cadence": "strategicYear", "fiscalYear": 2026])) { response in
                #expect(response.status == .created)
                #expect((response.json as? [[String: Any]])?.first?["goals"] as? [String] == ["G1"])
            }
            try await app.signedIn().test(.POST, "/reviews", headers: formHeaders, body: ByteBuffer(string: "title=Ops&kind=other&date=2027-01-31&orgUnits=DMV-FO&everyMonths=1&until=2027-03-31")) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await ReviewStore.reviews(on: app.db).filter { $0.title == "Ops" }.map(\.date).sorted() == ["2027-01-31", "2027-02-28", "2027-03-31"])
        }
    }

    @Test("open actions are listed overdue first and counted per person and unit; their owners are reminded once per stage")
    func openActions() async throws {
        try await withServer { app in
            let review = Review(kind: .quarterly, title: "Q4", date: "2026-10-20", goals: ["G1.1"])
            let late = ActionItem(review: review.id, title: "Hire two clerks", owner: "k.osei@example.gov", due: "2026-11-01")
            let later = ActionItem(review: review.id, title: "Publish queue times", owner: "r.alvarez@example.gov", due: "2027-03-01")
            try await Transactions.run(on: app.db) { tx in
                try await ReviewStore.schedule(review, audit: Fixtures.audit(.system), on: tx)
                for action in [late, later] { try await ReviewStore.addAction(action, audit: Fixtures.audit(.system), on: tx) }
            }
            try await app.signedIn().test(.GET, "/actions") { response in
                let page = response.body.string
                #expect(response.status == .ok)
                #expect(page.contains("Overdue: 1 of 2"))
                let first = try #require(page.range(of: "Hire two clerks")), second = try #require(page.range(of: "Publish queue times"))
                #expect(first.lowerBound < second.lowerBound)
            }
            try await app.signedIn().test(.GET, "/api/v1/actions?overdue=true&orgUnit=DMV-FO") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.map { $0["title"] as? String } == ["Hire two clerks"])
            }
            try await app.signedIn().test(.GET, "/api/v1/actions?overdue=maybe") { response in
                #expect(response.status == .badRequest)
            }
            let today = try CalendarDate.parse("2026-11-23")
            let summary = try await ReminderQueue.queue(today: today, now: Fixtures.now, policy: .standard, siteURL: "https://goalstat.example.gov", on: app.db)
            #expect(summary.actionReminders == 1)
            let again = try await ReminderQueue.queue(today: today, now: Fixtures.now, policy: .standard, siteURL: nil, on: app.db)
            #expect(again.queued == 0)
            let sent = try await Outbox.unsent(limit: 100, on: app.db).filter { $0.kind == .actionReminder }
            #expect(sent.count == 1)
            #expect(sent.first?.subject == "Late action: Hire two clerks was due on 2026-11-01")
            #expect(sent.first?.body.contains("https://goalstat.example.gov/actions/\(late.id.uuidString)") == true)
        }
    }
}
