import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Appraisals over the API (issue 13): the rating chain writes, the employee reads, HR sets up; the PIO and an
/// admin are refused; the OPM rules answer 422 with the field and section; every change is audited but kept off
/// the general audit log.
@Suite("Appraisals API", .serialized)
struct AppraisalAPITests {
    struct People {
        var hr: AuthorizedTester
        var supervisor: AuthorizedTester
        var second: AuthorizedTester
        var employee: AuthorizedTester
        var pio: AuthorizedTester
        var admin: AuthorizedTester
        var program: String
    }

    private func tester(_ app: Application, _ email: String, _ grants: [RoleGrant]) async throws -> AuthorizedTester {
        let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
        let user = try await UserStore.create(
            email: email, name: email, password: TestAccounts.password, grants: grants, hasher: app.passwordHasher, context: context, on: app.db
        )
        let token = try await APITokenStore.create(name: "t", owner: user.id, grants: grants, context: context, on: app.db).token
        return AuthorizedTester(base: try app.testing(), headers: ["Authorization": "Bearer \(token)"])
    }

    /// HR sets up a program for FY2026 (ended before the test clock's 23 November 2026) and three records: the
    /// employee rated by the supervisor, who is rated by the second-level supervisor.
    private func setUp(_ app: Application) async throws -> People {
        let hr = try await tester(app, "hr@example.gov", [RoleGrant(role: .hr)])
        var program = ""
        try await hr.test(.POST, "/api/v1/appraisal-programs", headers: jsonHeaders, body: jsonBody([
            "name": "FY2026", "pattern": "H", "cycleStart": "2025-10-01", "cycleEnd": "2026-09-30",
        ])) { response in
            #expect(response.status == .created)
            program = ((response.json as? [String: Any])?["id"] as? String) ?? ""
        }
        for (email, supervisor) in [("emp@example.gov", "sup@example.gov"), ("sup@example.gov", "second@example.gov"), ("second@example.gov", nil)] {
            var body: [String: Any] = ["email": email, "name": email, "orgUnit": "DMV-FO", "program": program, "basicPay": 100_000]
            if let supervisor { body["supervisor"] = supervisor }
            try await hr.test(.POST, "/api/v1/appraisal-employees", headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .ok, "\(response.body.string)")
            }
        }
        return People(
            hr: hr, supervisor: try await tester(app, "sup@example.gov", [RoleGrant(role: .supervisor, orgUnit: "DMV-FO")]),
            second: try await tester(app, "second@example.gov", []), employee: try await tester(app, "emp@example.gov", [RoleGrant(role: .employee, orgUnit: "DMV-FO")]),
            pio: try await tester(app, "pio@example.gov", [RoleGrant(role: .pio)]), admin: try app.signedIn(), program: program
        )
    }

    private func createPlan(_ people: People, elements: [[String: Any]]) async throws -> (status: HTTPStatus, id: String?, body: String) {
        var result: (HTTPStatus, String?, String) = (.ok, nil, "")
        try await people.supervisor.test(.POST, "/api/v1/performance-plans", headers: jsonHeaders, body: jsonBody([
            "employee": "emp@example.gov", "establishedOn": "2025-10-15", "elements": elements,
        ])) { response in
            result = (response.status, ((response.json as? [String: Any])?["id"] as? String), response.body.string)
        }
        return result
    }

    private let goodElements: [[String: Any]] = [
        ["title": "Serve customers", "standard": "Serves 90% of customers within 20 minutes.", "critical": true, "goals": ["G1.1"]],
        ["title": "Accuracy", "standard": "At most 2 errors per 1,000 transactions.", "critical": true, "goals": []],
        ["title": "Online help", "standard": "Shows 30 customers a month how to renew online.", "critical": false, "goals": ["G1"]],
    ]

    @Test("the rating chain writes a plan aligned to a goal, reviews and rates it (430.208(b)(1)): the derivation is kept")
    func ratingChainPlansReviewsAndRates_430_208b1() async throws {
        try await withServer { app in
            let people = try await setUp(app)
            let plan = try await createPlan(people, elements: goodElements)
            #expect(plan.status == .created, "\(plan.body)")
            let id = try #require(plan.id)
            try await people.second.test(.POST, "/api/v1/performance-plans/\(id)/progress-reviews", headers: jsonHeaders, body: jsonBody([
                "date": "2026-04-01", "notes": "Mid-year", "checklist": ["expectations", "goals"],
            ])) { #expect($0.status == .created, "\($0.body.string)") }
            try await people.supervisor.test(.POST, "/api/v1/performance-plans/\(id)/rating", headers: jsonHeaders, body: jsonBody(["levels": [1, 5, 5]])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "reviewedBy")
            }
            try await people.supervisor.test(.POST, "/api/v1/performance-plans/\(id)/rating", headers: jsonHeaders, body: jsonBody(["levels": [5, 4, 5]])) { response in
                #expect(response.status == .ok, "\(response.body.string)")
                let rating = response.json as? [String: Any]
                #expect(rating?["summaryLevel"] as? Int == 5)
                #expect((rating?["derivation"] as? [String])?.contains { $0.contains("4.67") } == true)
            }
            try await people.employee.test(.GET, "/api/v1/appraisal-employees/emp@example.gov") { response in
                #expect(response.status == .ok)
                let record = response.json as? [String: Any]
                #expect((record?["ratings"] as? [Any])?.count == 1)
                #expect((record?["progressReviews"] as? [Any])?.count == 1)
            }
            try await people.employee.test(.POST, "/api/v1/performance-plans/\(id)/rating/acknowledgment") { #expect($0.status == .ok) }
        }
    }

    @Test("only the employee, the rating chain and HR see the appraisal; the PIO, an admin and a colleague are refused")
    func privacyOfAppraisalData() async throws {
        try await withServer { app in
            let people = try await setUp(app)
            let plan = try await createPlan(people, elements: goodElements)
            let id = try #require(plan.id)
            for reader in [people.employee, people.supervisor, people.second, people.hr] {
                try await reader.test(.GET, "/api/v1/performance-plans/\(id)") { #expect($0.status == .ok) }
            }
            let colleague = try await tester(app, "colleague@example.gov", [RoleGrant(role: .supervisor, orgUnit: "DMV-FO")])
            for refused in [people.pio, people.admin, colleague] {
                try await refused.test(.GET, "/api/v1/performance-plans/\(id)") { #expect($0.status == .forbidden) }
                try await refused.test(.GET, "/api/v1/appraisal-employees/emp@example.gov") { #expect($0.status == .forbidden) }
                try await refused.test(.GET, "/appraisals/emp@example.gov") { #expect($0.status == .forbidden) }
            }
            try await people.employee.test(.PUT, "/api/v1/performance-plans/\(id)", headers: jsonHeaders, body: jsonBody(["elements": goodElements])) {
                #expect($0.status == .forbidden)
            }
            // Audited, but not on the general audit log the PIO and admins read.
            #expect(try await AuditLog.entries(entity: .performancePlan, key: id, on: app.db).isEmpty == false)
            try await people.admin.test(.GET, "/api/v1/audit?per=1000") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("performancePlan"))
                #expect(!response.body.string.contains("appraisalEmployee"))
                #expect(!response.body.string.contains("Serve customers"))
            }
        }
    }

    @Test("430.206(b)(4) and (b)(6): a plan given with no critical element is refused naming the field and section")
    func planRules_430_206b() async throws {
        try await withServer { app in
            let people = try await setUp(app)
            let plan = try await createPlan(people, elements: [["title": "Only this", "standard": "At least 30 a month.", "critical": false]])
            #expect(plan.status == .unprocessableEntity)
            #expect(plan.body.contains("5 CFR 430.206(b)(4)"))
            let unknownGoal = try await createPlan(people, elements: [["title": "X", "standard": "At least 30 a month.", "critical": true, "goals": ["NOPE"]]])
            #expect(unknownGoal.status == .unprocessableEntity)
            #expect(unknownGoal.body.contains("elements[0].goals"))
        }
    }

    @Test("4505a(a)(2): an award above 10% of basic pay is refused with the reason; 4502(b): above $10,000 lists OPM")
    func awardLimits_4505a_a2() async throws {
        try await withServer { app in
            let people = try await setUp(app)
            let id = try #require(try await createPlan(people, elements: goodElements).id)
            try await people.supervisor.test(.POST, "/api/v1/performance-plans/\(id)/rating", headers: jsonHeaders, body: jsonBody(["levels": [5, 5, 5]])) { #expect($0.status == .ok) }
            try await people.supervisor.test(.POST, "/api/v1/appraisal-employees/emp@example.gov/awards", headers: jsonHeaders, body: jsonBody(["kind": "ratingBased", "amount": 11_000])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "amount")
                #expect(response.body.string.contains("5 U.S.C. 4505a(a)(2)"))
            }
            try await people.supervisor.test(.POST, "/api/v1/appraisal-employees/emp@example.gov/awards", headers: jsonHeaders, body: jsonBody([
                "kind": "ratingBased", "amount": 11_000, "exceptionalDetermination": true,
            ])) { response in
                #expect(response.status == .created)
                #expect(response.body.string.contains("\"approver\":\"OPM\""))
            }
            try await people.employee.test(.POST, "/api/v1/appraisal-employees/emp@example.gov/awards", headers: jsonHeaders, body: jsonBody(["kind": "specialAct", "amount": 100])) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test("the program assessment counts ratings by unit and level for HR everywhere only")
    func assessment() async throws {
        try await withServer { app in
            let people = try await setUp(app)
            let id = try #require(try await createPlan(people, elements: goodElements).id)
            try await people.supervisor.test(.POST, "/api/v1/performance-plans/\(id)/rating", headers: jsonHeaders, body: jsonBody(["levels": [3, 3, 3]])) { #expect($0.status == .ok) }
            try await people.hr.test(.GET, "/api/v1/appraisal-assessment") { response in
                #expect(response.status == .ok)
                let report = response.json as? [String: Any]
                let rows = report?["distribution"] as? [[String: Any]]
                #expect((rows?.first?["counts"] as? [String: Int])?["3"] == 1)
            }
            try await people.hr.test(.GET, "/appraisal-assessment.csv") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("distribution,DMV-FO,3,Fully Successful,1,,"))
            }
            try await people.pio.test(.GET, "/api/v1/appraisal-assessment") { #expect($0.status == .forbidden) }
        }
    }
}
