import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The briefing on the demo agency as of a fixed date (issue 11, item 9): the demo's planted cases and milestones
/// (docs/demo.md) are where the briefing of the focus goal must find them.
@Suite("A review's briefing on the demo")
struct DemoBriefingTests {
    @Test("the briefing of the focus goal as of 2026-11-01 shows its overdue and coming milestones, the guardrail question and only its own indicators")
    func focusGoalBriefing() async throws {
        try await withServer(fixtures: false) { app in
            _ = try await DemoLoader.load(on: app.db, now: Fixtures.now)
            let review = Review(kind: .quarterly, title: "Cut office wait times, Q1 FY2027", date: "2026-11-20", goals: ["G1.1"])
            try await Transactions.run(on: app.db) { tx in try await ReviewStore.schedule(review, audit: Fixtures.audit(.system), on: tx) }
            let document = try await FrameworkStore.exportDocument(on: app.db)
            let inScope = Set(document.indicators.filter { $0.goals.contains("G1.1") }.map(\.name))
            let outOfScope = Set(document.indicators.filter { !$0.goals.contains("G1.1") }.map(\.name)).subtracting(inScope)
            try await app.signedIn().test(.GET, "/reviews/\(review.id)?asOf=2026-11-01") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("The briefing as of 2026-11-01"))
                // Milestones: G1.1-M4 overdue since 2026-09-30, G1.1-M5 due 2026-12-31 (within 90 days); done ones not.
                let milestones = Self.section(page, from: "briefing-milestones-heading", to: "briefing-risks-heading")
                #expect(milestones.contains("2026-09-30: "))
                #expect(milestones.contains("2026-12-31: "))
                #expect(!milestones.contains("2025-03-31: "))
                // The planted guardrail case: southern walk-outs climb while the wait falls (docs/demo.md).
                let questions = Self.section(page, from: "briefing-integrity-heading", to: "briefing-milestones-heading")
                let walkouts = try #require(document.indicators.first { $0.code == "FO-WALKOUTS" })
                #expect(questions.contains(Escaping.xml(walkouts.name)))
                #expect(questions.contains(IntegrityCheck.guardrailWorsens.title))
                // Off target: at least one indicator, every one of them measuring the goal.
                let offTarget = Self.section(page, from: "\"off-target-heading\"", to: "\"signals-heading\"")
                #expect(inScope.contains { offTarget.contains(Escaping.xml($0)) }, "no indicator of G1.1 is off target in the briefing")
                for name in outOfScope { #expect(!offTarget.contains(">\(Escaping.xml(name))<"), "\(name) is not in the review's scope") }
                // The focus: G1.1 is the declared focus of the demo.
                #expect(page.contains("Cut office wait times"))
            }
        }
    }

    static func section(_ page: String, from start: String, to end: String) -> String {
        guard let lower = page.range(of: start)?.upperBound else { return "" }
        let upper = page.range(of: end, range: lower..<page.endIndex)?.lowerBound ?? page.endIndex
        return String(page[lower..<upper])
    }
}
