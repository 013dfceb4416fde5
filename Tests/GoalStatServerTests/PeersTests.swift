import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The peers page and API (practice 5: everyone knows how everyone is doing), and the driver → result links of the
/// demo now that indicators of different frequencies are tested at the coarser one.
@Suite("Peers and links across frequencies", .serialized)
struct PeersTests {
    /// The nine demo indicators disaggregated by region (docs/demo.md).
    static let regional: Set<String> = [
        "FO-STAFF-HOURS", "FO-SERVED", "FO-SERVED-PER-HOUR", "FO-WAIT-MEDIAN", "FO-WALKOUTS", "SAFE-EXAMINERS",
        "SAFE-ROAD-TESTS", "SAFE-TEST-WAIT", "HR-VACANCY",
    ]

    @Test("the API compares a region with the other region on the nine indicators they share, pages them, and refuses bad paging")
    func api() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            var all: [[String: Any]] = []
            for page in 1...3 {
                try await app.signedIn().test(.GET, "/api/v1/org-units/DMV-FO-NORTH/peers?per=4&page=\(page)") { response in
                    #expect(response.status == .ok)
                    let body = try #require(response.json as? [String: Any])
                    #expect(body["orgUnit"] as? String == "DMV-FO-NORTH")
                    #expect(body["parent"] as? String == "DMV-FO")
                    #expect(body["peers"] as? [String] == ["DMV-FO-SOUTH"])
                    #expect(body["total"] as? Int == 9)
                    let items = try #require(body["items"] as? [[String: Any]])
                    #expect(items.count == (page < 3 ? 4 : 1))
                    all += items
                }
            }
            #expect(Set(all.compactMap { $0["indicator"] as? String }) == Self.regional)
            let wait = try #require(all.first { $0["indicator"] as? String == "FO-WAIT-MEDIAN" })
            #expect(wait["period"] as? String == "2026-10")
            let standings = try #require(wait["standings"] as? [[String: Any]])
            #expect(standings.map { $0["rank"] as? Int } == [1, 2])
            // Lower is better: the first has the shorter wait.
            let values = standings.compactMap { $0["value"] as? Double }
            #expect(values.count == 2 && values[0] <= values[1])
            #expect(standings.allSatisfy { ($0["status"] as? String) != nil && ($0["periodsBehind"] as? Int) == 0 })
            #expect(wait["funnel"] == nil || wait["funnel"] is NSNull)
            // Customers served per counter hour is a ratio of two counts: a funnel plot of both regions, as rates.
            let perHour = try #require(all.first { $0["indicator"] as? String == "FO-SERVED-PER-HOUR" })
            let funnel = try #require(perHour["funnel"] as? [String: Any])
            #expect(funnel["measure"] as? String == "rate")
            #expect((perHour["funnelNote"] as? String)?.hasPrefix("Each unit's customers served in field offices against its counter staff hours for 2026-10") == true)
            #expect((funnel["units"] as? [[String: Any]])?.compactMap { $0["unit"] as? String }.sorted() == ["DMV-FO-NORTH", "DMV-FO-SOUTH"])

            for (query, field) in [("per=0", "per"), ("per=51", "per"), ("page=0", "page"), ("per=x", "per")] {
                try await app.signedIn().test(.GET, "/api/v1/org-units/DMV-FO-NORTH/peers?\(query)") { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.apiError?.field == field)
                }
            }
            try await app.signedIn().test(.GET, "/api/v1/org-units/NOPE/peers") { response in
                #expect(response.status == .notFound)
            }
            // A unit with peers but no values of its own shares nothing.
            try await app.signedIn().test(.GET, "/api/v1/org-units/DMV-DS/peers") { response in
                let body = try #require(response.json as? [String: Any])
                #expect(body["total"] as? Int == 0)
                #expect((body["peers"] as? [String])?.contains("DMV-FO") == true)
            }
            // Visitors see the published indicators only.
            let document = try await FrameworkStore.exportDocument(on: app.db)
            let published = Set(document.indicators.filter(\.public).map(\.code)).intersection(Self.regional)
            try await app.test(.GET, "/api/v1/org-units/DMV-FO-NORTH/peers?per=50") { response in
                #expect(response.status == .ok)
                let body = try #require(response.json as? [String: Any])
                #expect(body["total"] as? Int == published.count)
                #expect(Set((body["items"] as? [[String: Any]] ?? []).compactMap { $0["indicator"] as? String }) == published)
            }
        }
    }

    @Test("the page has a league table per shared indicator, a labelled funnel plot with its data table, peers linked, and pages")
    func page() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            try await app.signedIn().test(.GET, "/org-units/DMV-FO-SOUTH/peers") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<h1>Southern Region Offices and its peers</h1>"))
                #expect(html.contains("(this unit)"))
                #expect(html.contains("href=\"/org-units/DMV-FO-NORTH/peers\""))
                #expect(html.contains("units ranked best first for 2026-10"))
                #expect(html.contains("funnel-x-label"))
                #expect(html.contains("funnel-y-label"))
                #expect(html.contains("class=\"funnel-name\""))
                #expect(html.contains("funnel plot, 2026-10: data"))
                #expect(!html.contains("Next page"))
            }
            try await app.signedIn().test(.GET, "/org-units/DMV-FO-SOUTH/peers?per=4&page=2") { response in
                let html = response.body.string
                #expect(html.contains("Next page"))
                #expect(html.contains("Previous page"))
                #expect(html.contains("page 2 of 3"))
            }
            try await app.signedIn().test(.GET, "/org-units/DMV-FO-SOUTH/peers?per=99") { response in
                #expect(response.status == .badRequest)
            }
            // The compare page leads to each unit's peers page.
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN/compare") { response in
                #expect(response.body.string.contains("href=\"/org-units/DMV-FO-NORTH/peers\""))
            }
        }
    }

    @Test("every demo link with enough data is tested, those across frequencies at the coarser one")
    func demoLinks() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            let document = try await FrameworkStore.exportDocument(on: app.db)
            let frequency = Dictionary(document.indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { first, _ in first })
            try await app.signedIn().test(.GET, "/api/v1/links/evidence") { response in
                let items = try #require((response.json as? [String: Any])?["items"] as? [[String: Any]])
                #expect(items.count == 23)
                var across = 0
                for item in items {
                    let driver = try #require(item["driver"] as? String), result = try #require(item["result"] as? String)
                    let reason = item["reason"] as? String ?? ""
                    #expect(!reason.contains("different frequencies"), "\(driver) → \(result)")
                    let pairs = item["pairs"] as? Int ?? 0
                    if frequency[driver] != frequency[result] {
                        across += 1
                        #expect(reason.hasPrefix("Tested per "), "\(driver) → \(result): \(reason)")
                        let coarser = [frequency[driver]!, frequency[result]!].max { LinkAggregation.meanDays($0) < LinkAggregation.meanDays($1) }!
                        #expect(item["testedAt"] as? String == coarser.rawValue)
                    }
                    // Enough data: judged; the one link that is short of it (quarterly training against the annual
                    // engagement survey: four complete years) says how many pairs it had.
                    if driver == "HR-TRAINING-HOURS" {
                        #expect(pairs < 12 && reason.contains("Only \(pairs) pairs"))
                    } else {
                        #expect(pairs >= 12, "\(driver) → \(result): \(pairs) pairs")
                        #expect(item["spearman"] as? Double != nil, "\(driver) → \(result)")
                    }
                }
                #expect(across == 8)
                let share = try #require(items.first { $0["driver"] as? String == "DS-ONLINE-SHARE" && $0["result"] as? String == "DMV-CUSTOMER-MINUTES" })
                #expect((share["reason"] as? String)?.contains("worked out by its formula from its components' totals") == true)
                let dui = try #require(items.first { $0["driver"] as? String == "SAFE-SUSP-TIMELY" })
                #expect(dui["testedLag"] as? Int == 4)
            }
            try await app.signedIn().test(.GET, "/review") { response in
                #expect(response.body.string.contains("Per quarter, lag 1"))
            }
        }
    }
}
