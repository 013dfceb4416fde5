import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// One status everywhere (issue 9): on the demo agency, every indicator and goal reads the same on the dashboard,
/// its own page, the goal pages, the review, the API and `goalstat analyze` (`AnalysisService`, which it prints).
@Suite("One status everywhere")
struct SameStatusTests {
    @Test("the dashboard, goal and indicator pages, the review, the API and analyze tell the same status for every demo indicator and goal")
    func sameStatusEverywhere() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            let document = try await FrameworkStore.exportDocument(on: app.db)
            var told = StatusLedger()

            let dashboard = try await page("/", on: app)
            told.indicators(in: dashboard, where: "the dashboard")
            told.goalCards(in: dashboard, where: "the dashboard")
            told.indicators(in: try await page("/review", on: app), where: "the review")
            for goal in document.goals {
                let html = try await page("/goals/\(goal.code)", on: app)
                told.record(goal: goal.code, Self.firstStatus(in: html, after: "id=\"status-heading\""), where: "its page")
                told.indicators(in: html, where: "the page of \(goal.code)")
            }
            for indicator in document.indicators {
                let html = try await page("/indicators/\(indicator.code)", on: app)
                told.record(indicator: indicator.code, Self.firstStatus(in: html, after: "class=\"page-heading\""), where: "its page")
                if !indicator.isQualitative {
                    told.record(indicator: indicator.code, Self.firstStatus(in: html, after: "class=\"xmr-status\""), where: "its chart")
                }
                try await app.signedIn().test(.GET, "/api/v1/indicators/\(indicator.code)/analysis") { response in
                    #expect(response.status == .ok, "the analysis of \(indicator.code)")
                    told.record(indicator: indicator.code, (response.json as? [String: Any])?["status"] as? String, where: "the API")
                }
            }
            // What `goalstat analyze` writes: the read model's stored analyses.
            try await AnalysisStream.analyses(indicators: [], orgUnit: nil, asOf: CalendarDate(utc: Fixtures.now), on: app.db) { json in
                let analysis = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
                told.record(indicator: try #require(analysis["indicator"] as? String), analysis["status"] as? String, where: "analyze")
            }

            for indicator in document.indicators {
                let statuses = told.indicatorStatuses[indicator.code] ?? [:]
                #expect(statuses.keys.contains("its page") && statuses.keys.contains("the API") && statuses.keys.contains("analyze"),
                        "\(indicator.code) was not found everywhere: \(statuses)")
                #expect(Set(statuses.values).count == 1, "\(indicator.code) reads differently: \(statuses)")
            }
            for goal in document.goals {
                let statuses = told.goalStatuses[goal.code] ?? [:]
                #expect(statuses.keys.contains("its page"), "\(goal.code) has no status on its page")
                #expect(Set(statuses.values).count == 1, "\(goal.code) reads differently: \(statuses)")
            }
            #expect(told.indicatorStatuses.values.contains { $0["the dashboard"] != nil }, "the dashboard showed no indicator")
            #expect(told.goalStatuses.values.contains { $0["the dashboard"] != nil }, "the dashboard showed no goal")
        }
    }

    @Test("a strategic goal reads its objectives: not 'no data' while a sub-goal is off track")
    func strategicGoalsRollUp() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            let document = try await FrameworkStore.exportDocument(on: app.db)
            try await ReadModel.ensureCurrent(asOf: CalendarDate(utc: Fixtures.now), on: app.db)
            let statuses = try await ReadModel.goalStatuses(on: app.db)
            let strategic = document.goals.filter { $0.kind == .strategicGoal }
            #expect(!strategic.isEmpty)
            for goal in strategic {
                let children = document.goals.filter { $0.parent == goal.code }.map { statuses[$0.code]?.status }
                let own = try #require(statuses[goal.code]?.status)
                if children.contains(.offTrack) { #expect(own == .offTrack, "\(goal.code) has an objective off track but reads \(own)") }
                if children.contains(where: { $0 != .noData }) { #expect(own != .noData, "\(goal.code) reads no data over its objectives") }
            }
        }
    }

    @Test("a value for the unfinished current period is not shown as the latest beside the status that ignores it")
    func latestIsTheJudgedPeriod() async throws {
        try await withServer { app in
            // The fixed clock is in November 2026: November has not ended.
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                          body: jsonBody(["period": "2026-11", "value": 99.5])) { response in
                #expect(response.status == .created)
            }
            var judged: String?
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/analysis") { response in
                judged = (response.json as? [String: Any])?["latestPeriod"] as? String
            }
            let judgedPeriod = try #require(judged)
            #expect(judgedPeriod != "2026-11")
            let dashboard = try await page("/", on: app)
            let rows = dashboard.components(separatedBy: "<tr").filter { $0.contains("href=\"/indicators/FO-WAIT-MEDIAN\"") }
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row.contains("(\(judgedPeriod))"), "the dashboard's latest is not the judged period \(judgedPeriod)")
                #expect(!row.contains("99.5"))
            }
        }
    }

    private func page(_ path: String, on app: Application) async throws -> String {
        var html = ""
        try await app.signedIn().test(.GET, path) { response in
            #expect(response.status == .ok, "GET \(path)")
            html = response.body.string
        }
        return html
    }

    /// The status class of the first badge after `marker`: `status status-onTrack` gives `onTrack`.
    static func firstStatus(in html: String, after marker: String) -> String? {
        guard let start = html.range(of: marker) else { return nil }
        return statuses(in: html[start.upperBound...]).first
    }

    static func statuses(in html: Substring) -> [String] {
        html.components(separatedBy: "class=\"status status-").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    static func code(in html: Substring, linkingTo prefix: String) -> String? {
        guard let start = html.range(of: "href=\"\(prefix)") else { return nil }
        return html[start.upperBound...].split(separator: "\"").first.map { String($0).removingPercentEncoding ?? String($0) }
    }
}

/// What each place said of each record.
private struct StatusLedger {
    var indicatorStatuses: [String: [String: String]] = [:]
    var goalStatuses: [String: [String: String]] = [:]

    mutating func record(indicator code: String, _ status: String?, where place: String) {
        Self.record(code, status, place, in: &indicatorStatuses)
    }

    mutating func record(goal code: String, _ status: String?, where place: String) {
        Self.record(code, status, place, in: &goalStatuses)
    }

    private static func record(_ code: String, _ status: String?, _ place: String, in ledger: inout [String: [String: String]]) {
        #expect(status != nil, "\(code) has no status on \(place)")
        guard let status else { return }
        if let earlier = ledger[code]?[place], earlier != status {
            Issue.record("\(code) reads \(earlier) and \(status) on \(place)")
        }
        ledger[code, default: [:]][place] = status
    }

    /// Every table row that links to an indicator and shows a status badge.
    mutating func indicators(in html: String, where place: String) {
        for row in html.components(separatedBy: "<tr").dropFirst() {
            let row = Substring(row.components(separatedBy: "</tr>").first ?? row)
            guard let code = SameStatusTests.code(in: row, linkingTo: "/indicators/"),
                  let status = SameStatusTests.statuses(in: row).first else { continue }
            record(indicator: code, status, where: place)
        }
    }

    /// Every goal card: its link, then its own status line before its key indicators.
    mutating func goalCards(in html: String, where place: String) {
        for card in html.components(separatedBy: "class=\"goal-card").dropFirst() {
            let head = Substring(card.components(separatedBy: "<table").first ?? card)
            guard let code = SameStatusTests.code(in: head, linkingTo: "/goals/") else { continue }
            record(goal: code, SameStatusTests.statuses(in: head).first, where: place)
        }
    }
}
