import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// The integrity findings and goal statuses the read model keeps up to date piece by piece are the ones worked out
/// afresh from everything stored.
@Suite("The read model's integrity findings and goal roll-up")
struct ReadModelIntegrityTests {
    /// The findings from every stored value, as the review worked them out before the read model kept them.
    private static func fresh(asOf: CalendarDate, on db: any Database) async throws -> [IntegrityFinding] {
        let document = try await FrameworkStore.exportDocument(on: db)
        let reporting = try await FrameworkStore.reporting(on: db)
        let everyUnit = try await MeasurementStore.measurementsOfEveryUnit(indicators: document.indicators.map(\.code), on: db)
        let input = IntegrityInput(
            indicators: document.indicators, links: document.links, targets: document.targets,
            measurements: everyUnit.values.flatMap { $0 }, today: asOf, calendar: reporting.calendar
        )
        return IntegrityChecks.run(input).map { IntegrityFinding($0, reporting: reporting) }
    }

    private static func months(_ from: (Int, Int), count: Int) -> [String] {
        (0..<count).map { i in
            let index = from.0 * 12 + from.1 - 1 + i
            return "\(index / 12)-\(String(format: "%02d", index % 12 + 1))"
        }
    }

    /// The demo agency with its read model worked out; returns the day it was worked out for.
    private static func loadDemo(on db: any Database) async throws -> CalendarDate {
        _ = try await DemoLoader.load(on: db, now: Fixtures.now)
        let today = CalendarDate(utc: Fixtures.now)
        try await ReadModel.ensureCurrent(asOf: today, on: db)
        return today
    }

    /// The walk-outs guardrail's question about the total.
    private static func guardrailOfTotal(_ findings: [IntegrityFinding]) -> IntegrityFinding? {
        findings.first { $0.check == .guardrailWorsens && $0.indicator == "FO-WALKOUTS" && $0.orgUnit == nil }
    }

    @Test("after the demo loads, after a guardrail's partner is corrected and after one unit's value, the stored findings and goal statuses are those worked out afresh")
    func incrementalIsFresh() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let today = try await Self.loadDemo(on: db)
            let built = try await ReadModel.integrityFindings(on: db)
            #expect(built == (try await Self.fresh(asOf: today, on: db)))
            #expect(Self.guardrailOfTotal(built)?.relatedIndicator == "FO-WAIT-MEDIAN")
            #expect(try await ReadModel.integrityFindings(of: ["FO-WALKOUTS"], on: db).allSatisfy { $0.indicator == "FO-WALKOUTS" })

            // The review pages through them by check: the counts and each page are those of the whole list.
            let counts = try await ReadModel.integrityCounts(of: nil, on: db)
            #expect(counts == Dictionary(grouping: built, by: \.check).mapValues(\.count))
            let visible: Set<String> = ["FO-WALKOUTS", "FO-WAIT-MEDIAN"]
            #expect(try await ReadModel.integrityCounts(of: visible, on: db) == Dictionary(grouping: built.filter { visible.contains($0.indicator) }, by: \.check).mapValues(\.count))
            let busiest = try #require(counts.max { $0.value < $1.value }?.key)
            let ofBusiest = built.filter { $0.check == busiest }
            #expect(ofBusiest.count >= 2)
            #expect(try await ReadModel.integrityFindings(of: nil, check: busiest, offset: 1, limit: 1, on: db) == [ofBusiest[1]])
            #expect(try await ReadModel.integrityFindings(of: nil, check: busiest, offset: 0, limit: 100, on: db) == ofBusiest)
            #expect(try await ReadModel.integrityFindings(of: nil, check: nil, offset: 1, limit: 3, on: db) == Array(built.dropFirst(1).prefix(3)))
            // A few indicators (a review's scope) are read by key, in the same order.
            #expect(try await ReadModel.integrityFindings(of: visible, check: nil, offset: 0, limit: 100, on: db) == Array(built.filter { visible.contains($0.indicator) }.prefix(100)))

            // The wait the walk-outs guard no longer improves: the guardrail's question no longer names it, though
            // only the wait changed; the corrections, entered long after their periods closed, raise a late-revision question.
            let before = try #require(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db))
            let rows = Self.months((2023, 1), count: 46).map { "FO-WAIT-MEDIAN,\($0),75" }
            _ = try await ImportService.importFiles(
                [ImportFile(name: "wait.csv", data: Data(("indicator,period,value\n" + rows.joined(separator: "\n") + "\n").utf8))],
                dryRun: false, reason: "Recounted", audit: Fixtures.audit(), on: db
            )
            let after = try await ReadModel.integrityFindings(on: db)
            #expect(after == (try await Self.fresh(asOf: today, on: db)))
            #expect(Self.guardrailOfTotal(after)?.relatedIndicator != "FO-WAIT-MEDIAN")
            #expect(after.contains { $0.check == .lateRevision && $0.indicator == "FO-WAIT-MEDIAN" && $0.orgUnit == nil })

            // Only the goals above the wait were rolled up again; they read as a whole roll-up reads them.
            #expect(try await ReadModel.verdict(of: "FO-WAIT-MEDIAN", on: db)?.status != before.status)
            let rolledUp = try await ReadModel.goalStatuses(on: db)
            try await Transactions.run(on: db) { tx in try await ReadModelBuilder(asOf: today, on: tx).rollUpGoals() }
            #expect(try await ReadModel.goalStatuses(on: db) == rolledUp)

            // One unit's value of the wait: the findings of that unit and of the guardrail's same unit again.
            let unit = try #require(try await MeasurementStore.orgUnits(withValuesFor: "FO-WAIT-MEDIAN", on: db).first)
            _ = try await ImportService.importFiles(
                [ImportFile(name: "unit.csv", data: Data("indicator,period,value,org_unit\nFO-WAIT-MEDIAN,2024-02,95,\(unit)\n".utf8))],
                dryRun: false, reason: "Recounted", audit: Fixtures.audit(), on: db
            )
            #expect(try await ReadModel.integrityFindings(on: db) == (try await Self.fresh(asOf: today, on: db)))
        }
    }

    @Test("a value of a guardrail itself works out its question again with the indicators it protects")
    func guardrailsOwnValue() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let today = try await Self.loadDemo(on: db)
            let question = try #require(Self.guardrailOfTotal(try await ReadModel.integrityFindings(on: db)))
            // An early value of the walk-outs, outside both windows the check compares: the question stays.
            _ = try await ImportService.importFiles(
                [ImportFile(name: "walkouts.csv", data: Data("indicator,period,value\nFO-WALKOUTS,2023-01,4.1\n".utf8))],
                dryRun: false, reason: "Recounted", audit: Fixtures.audit(), on: db
            )
            let after = try await ReadModel.integrityFindings(on: db)
            #expect(after == (try await Self.fresh(asOf: today, on: db)))
            #expect(Self.guardrailOfTotal(after)?.relatedIndicator == question.relatedIndicator)
        }
    }
}
