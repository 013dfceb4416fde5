import Foundation
import GoalStatCore
import GoalStatStore
import GoalStatTestSupport
@testable import GoalStatServer
import Testing
import VaporTesting

/// Issue 9: the dashboard stays useful at 200 goals: counts by status, the focus and the priority goals first, the
/// strategic goals folded over their objectives, under 200 KB of HTML.
@Suite("The dashboard at agency scale")
struct DashboardScaleTests {
    /// 20 strategic goals, 170 objectives and 10 priority goals; 2,000 indicators, three key ones per priority goal,
    /// with two years of values each.
    static func framework() -> (yaml: String, csv: String) {
        var yaml = "orgUnits:\n  - { code: ROOT, name: Agency, kind: agency }\n"
        yaml += "plan: { code: SP, name: Strategic plan, orgUnit: ROOT, period: { from: FY2026, to: FY2029 } }\ngoals:\n"
        for g in 0..<20 { yaml += "  - { code: S\(g), kind: strategicGoal, name: Strategic goal number \(g), orgUnit: ROOT, public: true }\n" }
        for o in 0..<170 { yaml += "  - { code: S\(o % 20).O\(o), kind: strategicObjective, parent: S\(o % 20), name: Objective number \(o) of the plan, orgUnit: ROOT, public: true }\n" }
        for p in 0..<10 { yaml += "  - { code: P\(p), kind: priorityGoal, parent: S\(p), name: Priority goal \(p), orgUnit: ROOT, public: true\(p == 0 ? ", focus: true" : "") }\n" }
        yaml += "indicators:\n"
        var csv = "indicator,period,value\n"
        for i in 0..<2000 {
            let priority = i < 30
            let goal = priority ? "P\(i / 3)" : "S\(i % 170 % 20).O\(i % 170)"
            yaml += "  - { code: I\(i), name: Indicator \(i), unit: count, direction: increase, frequency: monthly, stage: output, orgUnit: ROOT, public: true, rank: \(priority ? "key" : "supporting"), goals: [\(goal)] }\n"
            if priority {
                for month in 0..<24 { csv += "I\(i),\(2024 + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(100 + (month * 7 + i) % 13)\n" }
            }
        }
        yaml += "targets:\n"
        for i in 0..<30 { yaml += "  - { indicator: I\(i), period: FY2026, value: 104, setOn: 2025-09-01 }\n" }
        return (yaml, csv)
    }

    @Test("200 goals: counts, the focus, priority goals in full, the rest folded, under 200 KB, every goal's status there")
    func twoHundredGoals() async throws {
        try await withServer(fixtures: false) { app in
            let (yaml, csv) = Self.framework()
            _ = try await ImportService.importFiles(
                [ImportFile(name: "plan.yaml", data: Data(yaml.utf8)), ImportFile(name: "values.csv", data: Data(csv.utf8))],
                dryRun: false, audit: Fixtures.audit(), on: app.db
            )
            try await app.signedIn().test(.GET, "/") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.utf8.count < 200_000, "the dashboard is \(html.utf8.count) bytes")
                #expect(html.contains("class=\"status-counts\""))
                #expect(html.contains("class=\"focus-callout\""))
                #expect(html.components(separatedBy: "<details class=\"goal-branch\"").count - 1 == 20, "each strategic goal folded")
                #expect(!html.contains("<details class=\"goal-branch\" open"))
                let priority = try #require(html.components(separatedBy: "class=\"priority-goals\"").dropFirst().first)
                #expect(priority.components(separatedBy: "<article class=\"goal-card").count - 1 == 10)
                #expect(priority.contains("href=\"/indicators/I0\""), "a priority goal lists its key indicators")
                // Every goal is there with its status, once in the tree.
                let rows = html.components(separatedBy: "class=\"goal-card goal-row").count - 1
                #expect(rows == 200)
                // Priority goals come before the tree.
                let first = try #require(html.range(of: "class=\"priority-goals\""))
                let tree = try #require(html.range(of: "class=\"goal-branches\""))
                #expect(first.lowerBound < tree.lowerBound)
            }
        }
    }
}
