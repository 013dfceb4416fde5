import Foundation
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Performance review (focus, scorecard, links, comparisons)")
struct ReviewTests {
    /// North and South values for the wait and served indicators, so that units can be compared.
    private func loadUnitValues(_ app: Application) async throws {
        var lines = ["indicator,period,value,org_unit"]
        for month in 1...14 {
            let period = month <= 12 ? "2025-\(String(format: "%02d", month))" : "2026-\(String(format: "%02d", month - 12))"
            lines.append("FO-WAIT-MEDIAN,\(period),\(20 + month % 3),DMV-FO-NORTH")
            lines.append("FO-SERVED,\(period),\(1000 + 10 * month),DMV-FO")
        }
        lines.append("FO-WAIT-MEDIAN,2026-02,30,DMV")
        _ = try await ImportService.importFiles(
            [ImportFile(name: "units.csv", data: Data((lines.joined(separator: "\n") + "\n").utf8))],
            dryRun: false, audit: Fixtures.audit(), on: app.db
        )
    }

    @Test("the focus ranking lists deficits with the formula of each score")
    func focus() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/focus?asOf=2026-11-23") { response in
                #expect(response.status == .ok)
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                let first = try #require(items?.first)
                #expect(first["indicator"] as? String == "FO-WAIT-MEDIAN")
                #expect((first["formula"] as? String)?.contains("× 3 (priority goal)") == true)
            }
        }
    }

    @Test("the scorecard groups indicators by their goals' perspective")
    func scorecard() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/scorecard") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                let publicPerspective = items?.first { $0["perspective"] as? String == "Public" }
                #expect((publicPerspective?["indicators"] as? [Any])?.count == 4)
            }
        }
    }

    @Test("org units are compared in a league table ranked by direction")
    func comparison() async throws {
        try await withServer { app in
            try await loadUnitValues(app)
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/comparison?period=2026-02") { response in
                #expect(response.status == .ok)
                let league = (response.json as? [String: Any])?["league"] as? [[String: Any]]
                #expect(league?.map { $0["unit"] as? String } == ["DMV-FO-NORTH", "DMV"])
                #expect(league?.first?["rank"] as? Int == 1)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/comparison?period=2026-99") { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "period")
            }
            try await app.signedIn().test(.GET, "/api/v1/links/evidence") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.count == 1)
                #expect(items?.first?["verdict"] as? String != nil)
            }
        }
    }

    @Test("the review page shows the focus ranking, the scorecard and the links")
    func page() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/review") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Focus: the most consequential deficits"))
                #expect(html.contains("Balanced scorecard"))
                #expect(html.contains("Driver → result links"))
                #expect(html.contains("Median in-office wait"))
            }
        }
    }
}

@Suite("Integrity API")
struct IntegrityAPITests {
    @Test("integrity flags come as {items} with a question each; the review page lists them")
    func integrity() async throws {
        try await withServer { app in
            let lumpy = (1...30).map { "FO-SERVED,\(2024 + ($0 - 1) / 12)-\(String(format: "%02d", ($0 - 1) % 12 + 1)),\([100, 105, 110, 115, 120][$0 % 5] + ($0 % 2) * 50)" }
            _ = try await ImportService.importFiles(
                [ImportFile(name: "served.csv", data: Data(("indicator,period,value\n" + lumpy.joined(separator: "\n") + "\n").utf8))],
                dryRun: false, audit: Fixtures.audit(), on: app.db
            )
            try await app.signedIn().test(.GET, "/api/v1/integrity?asOf=2026-11-23") { response in
                #expect(response.status == .ok)
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items != nil)
                let digits = items?.filter { $0["check"] as? String == "digitPreference" }
                #expect(digits?.first?["indicator"] as? String == "FO-SERVED")
                #expect((digits?.first?["question"] as? String)?.hasSuffix("?") == true)
            }
            try await app.signedIn().test(.GET, "/review") { response in
                #expect(response.body.string.contains("Questions for the data"))
                #expect(response.body.string.contains("href=\"/review?check=digitPreference\""))
            }
            try await app.signedIn().test(.GET, "/review?check=digitPreference") { response in
                let page = response.body.string
                #expect(page.contains("(digit preference on a count)"))
                #expect(page.contains("Customers served"))
            }
            try await app.signedIn().test(.GET, "/review?check=nonsense") { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

@Suite("Rebasing with a reason")
struct RebaseAPITests {
    @Test("a rebase starts a new group of the chart, is listed with its reason, and a bad one names its field")
    func rebase() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/analysis?asOf=2026-11-01") { response in
                let body = response.json as? [String: Any]
                let groups = (body?["chart"] as? [String: Any])?["groups"] as? [[String: Any]]
                #expect(groups?.count == 2)
                #expect((body?["rebases"] as? [[String: Any]])?.first?["reason"] as? String == "Queue system live.")
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/rebases", headers: jsonHeaders,
                                         body: jsonBody(["indicator": "FO-WAIT-MEDIAN", "period": "2026-13", "reason": "x"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "period")
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/rebases", headers: jsonHeaders,
                                         body: jsonBody(["indicator": "FO-WAIT-MEDIAN", "period": "2026-07", "reason": " "])) { response in
                #expect(response.apiError?.field == "reason")
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/rebases") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 1)
            }
        }
    }
}

@Suite("Compare page")
struct ComparePageTests {
    @Test("the compare page ranks the units with values; an unknown indicator is a 404")
    func compare() async throws {
        try await withServer { app in
            _ = try await ImportService.importFiles(
                [ImportFile(name: "u.csv", data: Data("indicator,period,value,org_unit\nFO-WAIT-MEDIAN,2026-09,14,DMV-FO-NORTH\nFO-WAIT-MEDIAN,2026-09,19,DMV\n".utf8))],
                dryRun: false, audit: Fixtures.audit(), on: app.db
            )
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN/compare") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("League table"))
                #expect(html.range(of: "Northern Region Offices")!.lowerBound < html.range(of: "Department of Motor Vehicles</a></th>")!.lowerBound)
            }
            try await app.signedIn().test(.GET, "/indicators/NOPE/compare") { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
