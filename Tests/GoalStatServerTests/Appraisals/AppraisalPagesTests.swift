import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The appraisal pages, tried as a supervisor and an employee would (issue 13): a plan aligned to a goal with
/// writing guidance, feedback, a progress review with its checklist, a rating with its derivation shown, an award
/// refused above the limit with the reason; the employee sees the plan, the feedback and the line of sight.
@Suite("Appraisal pages", .serialized)
struct AppraisalPagesTests {
    private func tester(_ app: Application, _ email: String, _ grants: [RoleGrant]) async throws -> AuthorizedTester {
        let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
        let user = try await UserStore.create(email: email, name: email, password: TestAccounts.password, grants: grants, hasher: app.passwordHasher, context: context, on: app.db)
        let token = try await APITokenStore.create(name: "t", owner: user.id, grants: grants, context: context, on: app.db).token
        return AuthorizedTester(base: try app.testing(), headers: ["Authorization": "Bearer \(token)"])
    }

    @Test("a supervisor writes a plan, gives feedback, reviews, rates and is refused an award above 10% with the section")
    func supervisorWalkThrough() async throws {
        try await withServer { app in
            let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            let program = AppraisalProgram(
                name: "FY2026", rules: DerivationRules(pattern: .H),
                cycle: AppraisalCycle(start: CalendarDate(year: 2025, month: 10, day: 1), end: CalendarDate(year: 2026, month: 9, day: 30))
            )
            try await Transactions.run(on: app.db) { tx in
                try await AppraisalStore.saveProgram(program, audit: context, on: tx)
                try await AppraisalStore.saveEmployee(
                    AppraisalEmployee(email: "emp@example.gov", name: "Ema Pike", orgUnit: "DMV-FO", supervisor: "sup@example.gov", program: program.id, basicPay: 80_000),
                    audit: context, on: tx
                )
            }
            let supervisor = try await tester(app, "sup@example.gov", [RoleGrant(role: .supervisor, orgUnit: "DMV-FO")])
            let employee = try await tester(app, "emp@example.gov", [RoleGrant(role: .employee, orgUnit: "DMV-FO")])
            try await supervisor.test(.GET, "/appraisals/emp@example.gov/plan") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Writing elements and standards"))
                #expect(response.body.string.contains("Level 5: Outstanding"))
                #expect(response.body.string.contains("G1.1 Cut office wait times"))
            }
            // A standard with nothing to count is advised on, and a plan with no critical element is refused beside it.
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/plan", headers: formHeaders, body: formBody([
                ("established", "2025-10-20"), ("title-0", "Serve customers"), ("standard-0", "Be good with customers"), ("goals-0", "G1.1"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("5 CFR 430.206(b)(4)"))
                #expect(response.body.string.contains("Nothing in the standard can be counted or timed"))
                #expect(response.body.string.contains("Be good with customers"))
            }
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/plan", headers: formHeaders, body: formBody([
                ("established", "2025-10-20"), ("title-0", "Serve customers"), ("standard-0", "Serves 90% of customers within 20 minutes."),
                ("critical-0", "on"), ("goals-0", "G1.1"), ("title-1", "Help online"), ("standard-1", "Shows 30 customers a month how to renew online."),
                ("dev-0", "Customer service course"), ("devkind-0", "training"), ("develement-0", "0"),
            ])) { #expect($0.status == .seeOther) }
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/feedback", headers: formHeaders, body: formBody([("text", "Great queue management on Monday.")])) {
                #expect($0.status == .seeOther)
            }
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/progress-review", headers: formHeaders, body: formBody([
                ("date", "2026-04-02"), ("checklist", "expectations"), ("checklist", "goals"), ("notes", "On track on both elements."),
            ])) { #expect($0.status == .seeOther) }
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/rating", headers: formHeaders, body: formBody([("level-0", "5"), ("level-1", "4")])) {
                #expect($0.status == .seeOther)
            }
            try await supervisor.test(.POST, "/appraisals/emp@example.gov/award", headers: formHeaders, body: formBody([
                ("kind", "ratingBased"), ("amount", "9000"), ("justification", "Outstanding year"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("5 U.S.C. 4505a(a)(2)"))
                #expect(response.body.string.contains("at most $8,000"))
            }
            try await employee.test(.GET, "/appraisals/emp@example.gov") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("Your performance plan"))
                #expect(page.contains("Serves 90% of customers within 20 minutes."))
                #expect(page.contains("Line of sight to the agency"))
                #expect(page.contains("G1.1 Cut office wait times"))
                #expect(page.contains("Great queue management on Monday."))
                #expect(page.contains("How the summary level was derived"))
                #expect(page.contains("Level 5: Outstanding"))
                #expect(page.contains("I have received my performance plan"))
            }
            try await employee.test(.GET, "/appraisals/emp@example.gov/plan") { #expect($0.status == .forbidden) }
        }
    }
}

@Suite("Appraisals on My tasks", .serialized)
struct AppraisalTasksTests {
    @Test("430.206(b)(2): a supervisor's My tasks lists a direct report's missing plan; the employee's lists acknowledging hers")
    func dueOnMyTasks() async throws {
        try await withServer { app in
            let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            let program = AppraisalProgram(
                name: "FY2026", rules: DerivationRules(pattern: .H),
                cycle: AppraisalCycle(start: CalendarDate(year: 2025, month: 10, day: 1), end: CalendarDate(year: 2026, month: 9, day: 30))
            )
            let plan = PerformancePlan(
                employee: "emp@example.gov", supervisor: "sup@example.gov", program: program.id, coveredFrom: program.cycle.start,
                establishedOn: CalendarDate(year: 2025, month: 10, day: 15),
                elements: [PerformanceElement(title: "Serve", standard: "Serves 90% within 20 minutes.", critical: true)]
            )
            try await Transactions.run(on: app.db) { tx in
                try await AppraisalStore.saveProgram(program, audit: context, on: tx)
                for (email, name) in [("emp@example.gov", "Ema Pike"), ("new@example.gov", "Nu Hire")] {
                    try await AppraisalStore.saveEmployee(
                        AppraisalEmployee(email: email, name: name, orgUnit: "DMV-FO", supervisor: "sup@example.gov", program: program.id), audit: context, on: tx
                    )
                }
                try await AppraisalStore.savePlan(plan, orgUnit: "DMV-FO", audit: context, on: tx)
            }
            for (email, expected) in [("sup@example.gov", "Nu Hire"), ("emp@example.gov", "Your performance plan")] {
                let user = try await UserStore.create(email: email, name: email, password: TestAccounts.password, grants: [], hasher: app.passwordHasher, context: context, on: app.db)
                let token = try await APITokenStore.create(name: "t", owner: user.id, grants: [], context: context, on: app.db).token
                try await AuthorizedTester(base: try app.testing(), headers: ["Authorization": "Bearer \(token)"]).test(.GET, "/tasks") { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains(expected), "\(email)")
                    if email == "sup@example.gov" { #expect(response.body.string.contains("No performance plan yet; it was due by 2025-10-31.")) }
                }
            }
        }
    }
}

@Suite("HR's roster upload", .serialized)
struct AppraisalRosterUploadTests {
    @Test("HR uploads the CSV: a bad file lists every line and column and stores nothing; a good one is stored whole")
    func upload() async throws {
        try await withServer { app in
            let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            let user = try await UserStore.create(email: "hr@example.gov", name: "HR", password: TestAccounts.password, grants: [RoleGrant(role: .hr)], hasher: app.passwordHasher, context: context, on: app.db)
            let token = try await APITokenStore.create(name: "t", owner: user.id, grants: [RoleGrant(role: .hr)], context: context, on: app.db).token
            let hr = AuthorizedTester(base: try app.testing(), headers: ["Authorization": "Bearer \(token)"])
            try await hr.test(.POST, "/appraisal-employees/import", headers: Multipart.headers, body: Multipart.body(
                file: "staff.csv", "email,name,org_unit,supervisor\na@example.gov,A,DMV-FO,b@example.gov\nb@example.gov,B,NOPE,\n"
            )) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("no org unit &#39;NOPE&#39;") || response.body.string.contains("no org unit 'NOPE'"))
                #expect(response.body.string.contains("<td>3</td>"))
            }
            #expect(try await AppraisalStore.allEmployees(on: app.db).isEmpty)
            try await hr.test(.POST, "/appraisal-employees/import", headers: Multipart.headers, body: Multipart.body(
                file: "staff.csv", "email,name,org_unit,supervisor\na@example.gov,A,DMV-FO,b@example.gov\nb@example.gov,B,DMV-FO,\n"
            )) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Imported: 2 employee records added or changed."))
            }
            #expect(try await AppraisalStore.employee("a@example.gov", on: app.db)?.supervisor == "b@example.gov")
        }
    }
}
