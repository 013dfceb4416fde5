import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Setting goals in the browser (issue 10, item 1): every framework record has a form that saves through the same
/// rules as the API, shows each refusal beside its field with what was typed kept, guards edits with the record's
/// version, audits every change, and refuses a removal while the record is referred to.
@Suite("Authoring the framework in the browser")
struct AuthoringFormsTests {
    @Test("a goal made in the form is stored, audited as a form change, and shown on its page")
    func createGoal() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/goals/new?parent=G1") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("<option value=\"G1\" selected>"))
            }
            try await app.signedIn().test(.POST, "/goals", headers: formHeaders, body: formBody([
                ("code", "G1.2"), ("name", "Shorter phone queues"), ("kind", "strategicObjective"), ("parent", "G1"),
                ("orgUnit", "DMV-FO"), ("leader", "k.osei@example.gov"), ("deputies", "r.alvarez@example.gov"),
                ("period.from", "FY2026"), ("period.to", "FY2027"), ("perspective", "Public"), ("public", "on"),
            ])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/goals/G1.2")
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/G1.2") { response in
                let goal = try response.content.decode(Goal.self)
                #expect(goal == Goal(
                    code: "G1.2", kind: .strategicObjective, parent: "G1", name: "Shorter phone queues", orgUnit: "DMV-FO",
                    leader: "k.osei@example.gov", deputies: ["r.alvarez@example.gov"], period: PeriodSpan(from: "FY2026", to: "FY2027"),
                    perspective: "Public", public: true
                ))
            }
            let entries = try await AuditLog.entries(entity: .goal, key: "G1.2", on: app.db)
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0.source == .form && $0.actor == TestAccounts.adminEmail })
            try await app.signedIn().test(.GET, "/goals/G1.2") { response in
                #expect(response.body.string.contains("Edit goal"))
            }
        }
    }

    @Test("a refused goal keeps what was typed and names each mistake beside its field")
    func refusedGoal() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/goals", headers: formHeaders, body: formBody([
                ("code", "G9"), ("name", ""), ("kind", "strategicGoal"), ("statement", "Typed <statement>"), ("leader", "nobody@example.gov"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                let page = response.body.string
                #expect(page.contains("id=\"field-name-error\""))
                #expect(page.contains("enter the name"))
                #expect(page.contains("Typed &lt;statement&gt;"))
                #expect(page.contains("value=\"G9\""))
            }
            try await app.signedIn().test(.POST, "/goals", headers: formHeaders, body: formBody([
                ("code", "G9"), ("name", "Nine"), ("kind", "strategicGoal"), ("leader", "nobody@example.gov"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("id=\"field-leader-error\""))
            }
            try await app.signedIn().test(.POST, "/goals", headers: formHeaders, body: formBody([
                ("code", "G1"), ("name", "Taken"), ("kind", "strategicGoal"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("id=\"field-code-error\""))
                #expect(response.body.string.contains("already exists"))
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/G9") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("an edit from a stale version is refused with 409 and the typed change kept; from the current one it is saved")
    func staleEdit() async throws {
        try await withServer { app in
            var version = ""
            try await app.signedIn().test(.GET, "/goals/G1/edit") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                let marker = "name=\"version\" value=\""
                version = page.range(of: marker).map { String(page[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
                #expect(!version.isEmpty)
                #expect(page.contains("readonly"))
            }
            let change: [(String, String)] = [("name", "Faster, friendlier service"), ("kind", "strategicGoal"), ("orgUnit", "DMV"), ("leader", "r.alvarez@example.gov"), ("perspective", "Public"), ("public", "on")]
            try await app.signedIn().test(.PUT, "/api/v1/goals/G1", headers: jsonHeaders, body: jsonBody([
                "code": "G1", "kind": "strategicGoal", "name": "Renamed meanwhile", "orgUnit": "DMV", "public": true,
            ])) { response in
                #expect(response.status == .ok)
            }
            try await app.signedIn().test(.POST, "/goals/G1/edit", headers: formHeaders, body: formBody([("version", version)] + change)) { response in
                #expect(response.status == .conflict)
                #expect(response.body.string.contains("Someone else changed this goal"))
                #expect(response.body.string.contains("Faster, friendlier service"))
            }
            try await app.signedIn().test(.POST, "/goals/G1/edit", headers: formHeaders, body: formBody([("version", String((Int(version) ?? 0) + 1))] + change)) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/G1") { response in
                let goal = try response.content.decode(Goal.self)
                #expect(goal.name == "Faster, friendlier service")
            }
        }
    }

    @Test("an indicator is defined in its form, every field kept, the data-quality statement included")
    func defineIndicator() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/indicators", headers: formHeaders, body: formBody([
                ("code", "FO-CALLS"), ("name", "Calls answered"), ("definition", "Calls answered within 2 minutes"),
                ("unit", "other"), ("unitName", "calls"), ("decimals", "0"), ("direction", "increase"), ("frequency", "quarterly"),
                ("aggregation", "sum"), ("stage", "output"), ("orgUnit", "DMV-FO"), ("steward", "k.osei@example.gov"), ("rank", "supporting"),
                ("goals", "G1.1"), ("goals", "G1"), ("validRange.min", "0"), ("validRange.max", "100000"), ("guardrail", "on"),
                ("dataQuality.verification", "Compared with the phone system's log"), ("dataQuality.limitations", "Dropped calls are not counted"),
            ])) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-CALLS") { response in
                let indicator = try response.content.decode(Indicator.self)
                #expect(indicator.unit == .other("calls"))
                #expect(indicator.frequency == .quarterly)
                #expect(indicator.goals == ["G1.1", "G1"])
                #expect(indicator.validRange == ValidRange(min: 0, max: 100_000))
                #expect(indicator.guardrail)
                #expect(indicator.dataQuality == DataQuality(verification: "Compared with the phone system's log", limitations: "Dropped calls are not counted"))
                #expect(indicator.steward == "k.osei@example.gov")
            }
            // The form shows the stored definition back.
            try await app.signedIn().test(.GET, "/indicators/FO-CALLS/edit") { response in
                let page = response.body.string
                #expect(page.contains("value=\"calls\""))
                #expect(page.contains("Dropped calls are not counted"))
                #expect(page.contains("<option value=\"quarterly\" selected>"))
            }
        }
    }

    @Test("a goal with more key indicators than the limit says so where key indicators are chosen")
    func keyIndicatorNudge() async throws {
        try await withServer { app in
            app.serverSettings.keyIndicatorsPerGoal = 1
            // G1.1 has one key indicator (FO-WAIT-MEDIAN): a second is one too many.
            try await app.signedIn().test(.GET, "/indicators/FO-SERVED/edit") { response in
                #expect(!response.body.string.contains("would have 2 key indicators"))
            }
            try await app.signedIn().test(.POST, "/indicators/FO-SERVED/edit", headers: formHeaders, body: formBody([
                ("name", ""), ("unit", "count"), ("direction", "increase"), ("frequency", "monthly"), ("aggregation", "sum"),
                ("stage", "output"), ("orgUnit", "DMV-FO"), ("rank", "key"), ("goals", "G1.1"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("The goal G1.1 would have 2 key indicators with this one; the agency suggests at most 1."))
            }
            let document = try await FrameworkStore.exportDocument(on: app.db)
            // Re-ranking the one key indicator itself crowds nothing; a second one does.
            #expect(KeyIndicators.crowded(goals: ["G1.1"], indicator: "FO-WAIT-MEDIAN", rank: .key, in: document, limit: 1).isEmpty)
            #expect(KeyIndicators.crowded(goals: ["G1.1"], indicator: "FO-SAT", rank: .key, in: document, limit: 1).map(\.count) == [2])
        }
    }

    @Test("a record still referred to is not removed, and the page says by what; an unused one is removed after confirmation")
    func removal() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/goals/G1.1/remove") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("It cannot be removed yet"))
                #expect(page.contains("indicator FO-SERVED"))
                #expect(page.contains("milestone G1.1-M1"))
            }
            try await app.signedIn().test(.POST, "/goals/G1.1/remove", headers: formHeaders, body: formBody([("confirm", "remove")])) { response in
                #expect(response.status == .conflict)
            }
            try await app.signedIn().test(.POST, "/milestones/G1.1-M2/remove", headers: formHeaders, body: formBody([])) { response in
                #expect(response.status == .badRequest)
            }
            try await app.signedIn().test(.POST, "/milestones/G1.1-M2/remove", headers: formHeaders, body: formBody([("confirm", "remove")])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/goals/G1.1")
            }
            try await app.signedIn().test(.GET, "/api/v1/milestones/G1.1-M2") { response in
                #expect(response.status == .notFound)
            }
            let removal = try await AuditLog.entries(entity: .milestone, key: "G1.1-M2", on: app.db)
            #expect(removal.last?.newValue == nil && removal.last?.oldValue != nil && removal.last?.source == .form)
        }
    }

    @Test("the plan's form sets its values with their kind, perspectives and fiscal settings")
    func planForm() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/plan/edit") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("name=\"values.0.name\""))
            }
            try await app.signedIn().test(.POST, "/plan/edit", headers: formHeaders, body: formBody([
                ("code", "DMV-SP-2026"), ("name", "DMV Strategic Plan"), ("mission", "Safe roads, quick service"),
                ("values.0.name", "Integrity"), ("values.0.kind", "process"), ("values.1.name", "Safety"), ("values.1.kind", "outcome"),
                ("values.1.description", "Fewer crashes"), ("values.2.name", ""), ("values.2.kind", ""),
                ("perspectives", "Citizens\nMoney\n\nPeople"), ("fiscalYearStartMonth", "7"), ("reportsInFiscalYears", "on"),
            ])) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.GET, "/api/v1/plan") { response in
                let plan = try response.content.decode(Plan.self)
                #expect(plan.values == [PlanValue(name: "Integrity", kind: .process), PlanValue(name: "Safety", kind: .outcome, description: "Fewer crashes")])
                #expect(plan.perspectives == ["Citizens", "Money", "People"])
                #expect(plan.fiscalYearStartMonth == 7 && plan.reportsInFiscalYears)
                #expect(plan.mission == "Safe roads, quick service")
            }
            try await app.signedIn().test(.POST, "/plan/edit", headers: formHeaders, body: formBody([
                ("code", "OTHER"), ("name", "x"), ("values.0.name", "Care"), ("values.0.kind", ""),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("id=\"field-values-0-kind-error\""))
            }
        }
    }

    @Test("links, org units, people and narratives are added in the browser; a link is removed after confirmation")
    func otherRecords() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/org-units", headers: formHeaders, body: formBody([
                ("code", "DMV-FO-SOUTH"), ("name", "Southern Region Offices"), ("kind", "program"), ("parent", "DMV-FO"),
            ])) { response in #expect(response.status == .seeOther) }
            try await app.signedIn().test(.POST, "/people", headers: formHeaders, body: formBody([
                ("email", "m.chen@example.gov"), ("name", "Mei Chen"), ("orgUnit", "DMV-FO-SOUTH"), ("title", "Data steward"),
            ])) { response in #expect(response.status == .seeOther) }
            try await app.signedIn().test(.POST, "/links", headers: formHeaders, body: formBody([
                ("driver", "FO-SERVED"), ("result", "FO-SAT"), ("expectedSign", "positive"), ("lagPeriods", "1"),
            ])) { response in #expect(response.status == .seeOther) }
            try await app.signedIn().test(.POST, "/links", headers: formHeaders, body: formBody([
                ("driver", "FO-SAT"), ("result", "FO-SAT"), ("expectedSign", "positive"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("an indicator cannot drive itself"))
            }
            try await app.signedIn().test(.POST, "/goals/G1.1/narrative", headers: formHeaders, body: formBody([
                ("period", "2026-Q3"), ("accomplishments", "Queue system in every office"),
            ])) { response in #expect(response.status == .seeOther) }
            let document = try await FrameworkStore.exportDocument(on: app.db)
            #expect(document.orgUnits.contains { $0.code == "DMV-FO-SOUTH" && $0.parent == "DMV-FO" })
            #expect(document.people.contains { $0.email == "m.chen@example.gov" && $0.orgUnit == "DMV-FO-SOUTH" })
            #expect(document.links.contains { $0.driver == "FO-SERVED" && $0.result == "FO-SAT" && $0.lagPeriods == 1 })
            // The plan reports in fiscal years: the quarter is kept as the fiscal one it is.
            let narrative = document.narratives.first { $0.goal == "G1.1" && $0.accomplishments != nil && $0.author != nil }
            #expect(narrative?.accomplishments == "Queue system in every office")
            #expect(narrative?.author == TestAccounts.adminEmail)

            try await app.signedIn().test(.GET, "/links/remove?driver=FO-SERVED&result=FO-SAT") { response in
                #expect(response.status == .ok)
            }
            try await app.signedIn().test(.POST, "/links/remove", headers: formHeaders, body: formBody([("driver", "FO-SERVED"), ("result", "FO-SAT")])) { response in
                #expect(response.status == .seeOther)
            }
            let links = try await FrameworkStore.exportDocument(on: app.db).links
            #expect(!links.contains { $0.driver == "FO-SERVED" && $0.result == "FO-SAT" })
            let audit = try await AuditLog.search(AuditFilter(entity: .indicatorLink), on: app.db).items
            #expect(audit.contains { $0.newValue == nil && $0.source == .form })
        }
    }
}
