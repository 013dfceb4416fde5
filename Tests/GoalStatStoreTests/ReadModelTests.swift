import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// The read model (issue 9) is brought up to date inside every write transaction and when the date moves on.
@Suite("The read model")
struct ReadModelTests {
    private static let today = CalendarDate(year: 2026, month: 4, day: 10)

    private func importFiles(_ files: [(String, String)], dryRun: Bool = false, on store: GoalStatDatabase) async throws {
        _ = try await ImportService.importFiles(
            files.map { ImportFile(name: $0.0, data: Data($0.1.utf8)) }, dryRun: dryRun, reason: "Corrected in a test", audit: Fixtures.audit(), on: store.database
        )
    }

    private static func values(_ months: ClosedRange<Int>, value: (Int) -> Double = { 30 + Double($0 % 3) / 2 }) -> String {
        "indicator,period,value\n" + months.map { "FO-WAIT-MEDIAN,\($0 <= 12 ? "2025" : "2026")-\(String(format: "%02d", ($0 - 1) % 12 + 1)),\(value($0))" }
            .joined(separator: "\n") + "\n"
    }

    @Test("a write brings the verdict and the goals up to date before it commits, and moves the counter")
    func writesKeepItCurrent() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await importFiles([("plan.yaml", Fixtures.frameworkYAML)], on: store)
            let built = try await ReadModel.ensureCurrent(asOf: Self.today, on: db)
            #expect(built.asOf == Self.today)
            #expect(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db)?.status == .noData)

            try await importFiles([("v.csv", Self.values(1...14))], on: store)
            let after = try await ReadModel.state(on: db)
            #expect(after.counter > built.counter)
            let verdict = try #require(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db))
            #expect(verdict.latestPeriod == "2026-02")
            #expect(verdict.status == .offTrack, "\(verdict.reasons)")
            #expect(verdict.sparkline.count == 14)
            let stored = try #require(try await ReadModel.analysisJSON(of: "FO-WAIT-MEDIAN", on: db))
            let analysis = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
            #expect(analysis["status"] as? String == "offTrack")
            // The same as the analysis worked out afresh.
            let fresh = try #require(try await AnalysisService.analyze(indicators: ["FO-WAIT-MEDIAN"], asOf: Self.today, on: db).first)
            #expect(IndicatorVerdict(fresh) == verdict)
            let goals = try await ReadModel.goalStatuses(on: db)
            #expect(goals.values.contains { $0.status == .offTrack }, "a goal of an off-track key indicator: \(goals)")

            // A dry run changes nothing, the counter included.
            try await importFiles([("w.csv", Self.values(1...15, value: { _ in 10 }))], dryRun: true, on: store)
            #expect(try await ReadModel.state(on: db) == after)
            #expect(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db) == verdict)
        }
    }

    @Test("a unit's values get their own verdict; removing an indicator removes its rows")
    func unitsAndRemoval() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await importFiles([("plan.yaml", Fixtures.frameworkYAML)], on: store)
            try await ReadModel.ensureCurrent(asOf: Self.today, on: db)
            try await importFiles([("u.csv", "indicator,period,value,org_unit\nFO-SERVED,2026-01,5,DMV-FO-NORTH\nFO-SERVED,2026-02,6,DMV-FO-NORTH\n")], on: store)
            #expect(try await ReadModel.verdict(of: "FO-SERVED", orgUnit: "DMV-FO-NORTH", on: db)?.latestValue == 6)
            #expect(try await ReadModel.verdict(of: "FO-SERVED", on: db)?.latestValue == nil, "the total has no values of its own")

            #expect(try await ReadModel.verdict(of: "FO-SAT", on: db) != nil)
            try await Transactions.run(on: db) { tx in
                try await FrameworkStore.remove(.indicator, key: "FO-SAT", audit: Fixtures.audit(.api), on: tx)
            }
            #expect(try await ReadModel.verdict(of: "FO-SAT", on: db) == nil)
        }
    }

    @Test("a change no status depends on (a person) still moves the counter, so that every process renders afresh")
    func shownChangesMoveTheCounter() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await importFiles([("plan.yaml", Fixtures.frameworkYAML)], on: store)
            let before = try await ReadModel.ensureCurrent(asOf: Self.today, on: db)
            try await importFiles([("people.yaml", "people:\n  - { email: n.new@example.gov, name: Nia New, orgUnit: DMV }\n")], on: store)
            #expect(try await ReadModel.state(on: db).counter > before.counter)
        }
    }

    @Test("a new day works everything out again once; the same day does nothing")
    func theDateMovesOn() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await importFiles([("plan.yaml", Fixtures.frameworkYAML), ("v.csv", Self.values(1...14))], on: store)
            let first = try await ReadModel.ensureCurrent(asOf: CalendarDate(year: 2026, month: 2, day: 20), on: db)
            #expect(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db)?.latestPeriod == "2026-01", "February has not ended")
            #expect(try await ReadModel.ensureCurrent(asOf: CalendarDate(year: 2026, month: 2, day: 20), on: db) == first)
            let next = try await ReadModel.ensureCurrent(asOf: CalendarDate(year: 2026, month: 3, day: 1), on: db)
            #expect(next.counter == first.counter + 1)
            #expect(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db)?.latestPeriod == "2026-02")
        }
    }
}
