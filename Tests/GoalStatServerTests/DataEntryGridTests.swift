import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Data entry for how data really arrives (issue 10, item 5): the steward's own grid, values per org unit and for
/// quarterly indicators, every bad pasted cell listed with the paste kept, and `missing` only with a reason.
@Suite("The data-entry grid as stewards use it")
struct DataEntryGridTests {
    @Test("a steward who opens the grid sees their own indicators without choosing")
    func ownGrid() async throws {
        try await withServer { app in
            let context = Fixtures.audit(.system)
            let steward = try await UserStore.create(
                email: "k.osei@example.gov", name: "Kwame Osei", password: TestAccounts.password,
                grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")], hasher: app.passwordHasher, context: context, on: app.db
            )
            let token = try await APITokenStore.create(name: "grid", owner: steward.id, grants: steward.grants, context: context, on: app.db).token
            try await app.testing().test(.GET, "/data-entry", headers: ["Authorization": "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<option value=\"k.osei@example.gov\" selected>"))
                #expect(page.contains("name=\"value[FO-SERVED]\""))
            }
            // The administrator stewards nothing: the grid asks whose indicators to show.
            try await app.signedIn().test(.GET, "/data-entry") { response in
                #expect(response.body.string.contains("Choose a data steward to see the indicators they update."))
            }
        }
    }

    @Test("values are entered for one org unit, and a quarterly indicator takes the quarter that contains the month")
    func unitsAndQuarters() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/data-entry?steward=&orgUnit=DMV-FO-NORTH&month=2026-09") { response in
                #expect(response.body.string.contains("<option value=\"DMV-FO-NORTH\" selected>"))
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: formBody([
                ("steward", ""), ("month", "2026-09"), ("orgUnit", "DMV-FO-NORTH"), ("value[FO-SERVED]", "410"), ("value[FO-SAT]", "81.5"),
            ])) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("2 added"))
            }
            try await app.signedIn().test(.GET, "/data-entry?steward=k.osei%40example.gov&orgUnit=DMV-FO-NORTH&month=2026-09") { response in
                #expect(response.body.string.contains("for Northern Region Offices"))
                #expect(response.body.string.contains("name=\"orgUnit\" value=\"DMV-FO-NORTH\""))
            }
            let north = try await MeasurementStore.measurements(indicators: ["FO-SERVED", "FO-SAT"], orgUnit: "DMV-FO-NORTH", on: app.db)
            #expect(north["FO-SERVED"]?.contains { $0.value == 410 && $0.period == .month(year: 2026, month: 9) } == true)
            let quarter = try #require(north["FO-SAT"]?.first?.period)
            let midSeptember = try CalendarDate.parse("2026-09-15")
            #expect(quarter.granularity == .quarter && quarter.contains(midSeptember))
            // The total is untouched.
            let total = try await MeasurementStore.measurements(indicators: ["FO-SERVED"], on: app.db)
            #expect(total["FO-SERVED"]?.contains { $0.value == 410 } == false)
            try await app.signedIn().test(.GET, "/data-entry?orgUnit=NOWHERE") { response in
                #expect(response.status == .unprocessableEntity)
            }
        }
    }

    @Test("a paste with several bad cells lists every one by line, keeps the pasted text, and saves nothing")
    func pasteErrors() async throws {
        try await withServer { app in
            let paste = "FO-SERVED\t-5\nNOPE\t5\nFO-WAIT-MEDIAN\tabc"
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: formBody([
                ("steward", "k.osei@example.gov"), ("month", "2026-10"), ("paste", paste),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                let page = response.body.string
                #expect(page.contains("3 pasted rows have problems"))
                #expect(page.contains("line 2: &#39;NOPE&#39; is not one of the indicators in this grid"))
                #expect(page.contains("line 1 (FO-SERVED): -5 is below 0"))
                #expect(page.contains("line 3 (FO-WAIT-MEDIAN)"))
                #expect(page.contains("FO-SERVED\t-5\nNOPE\t5"))
                #expect(page.contains("<details open"))
            }
            let stored = try await MeasurementStore.measurements(indicators: ["FO-SERVED"], on: app.db)
            #expect(stored["FO-SERVED"]?.contains { $0.value == -5 } == false)
        }
    }

    @Test("a period marked missing needs a note saying why; with one it is stored as a known gap")
    func missingNeedsReason() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: formBody([
                ("steward", "k.osei@example.gov"), ("month", "2026-10"), ("status[FO-SERVED]", "missing"),
            ])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("say in the note why there is no value for this period"))
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: formBody([
                ("steward", "k.osei@example.gov"), ("month", "2026-10"), ("status[FO-SERVED]", "missing"), ("note[FO-SERVED]", "Offices closed by the storm"),
            ])) { response in
                #expect(response.status == .ok)
            }
            let stored = try await MeasurementStore.measurements(indicators: ["FO-SERVED"], on: app.db)
            let gap = stored["FO-SERVED"]?.first { $0.period == .month(year: 2026, month: 10) }
            #expect(gap?.note == "Offices closed by the storm" && gap?.status == .missing)
        }
    }
}
