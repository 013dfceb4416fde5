import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Demo agency")
struct DemoLoaderTests {
    @Test("the demo loads into an empty database with five years of data, and refuses a database that holds a plan")
    func loadsOnce() async throws {
        try await TestDatabase.withFresh { store in
            let report = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let document = try await FrameworkStore.exportDocument(on: store.database)
            #expect(document.indicators.count >= 40)
            #expect(document.goals.filter { $0.kind == .strategicGoal }.count >= 5)
            #expect(document.goals.filter { $0.kind != .strategicGoal }.count >= 12)
            #expect(document.orgUnits.count >= 6)
            #expect(Set(document.indicators.map(\.stage)) == Set(ValueChainStage.allCases))
            #expect(document.indicators.contains { $0.guardrail })
            #expect((report.measurements?.added ?? 0) > 2_000)
            // Its small wins: three on the recognition feed, one waiting for the PIO, each for a published goal.
            let wins = try await PortalStore.wins(publishedOnly: false, offset: 0, limit: 10, on: store.database)
            #expect(wins.total == 4)
            #expect(wins.items.filter(\.published).allSatisfy { WinRules.isPublic($0, in: document.published()) })
            #expect(wins.items.filter(\.published).count == 3)
            let series = try await MeasurementStore.series(indicator: document.indicators.first { $0.frequency == .monthly }!.code, on: store.database)
            #expect(series.last?.period == .month(year: 2026, month: 10))
            await #expect(throws: DemoLoaderError.self) { try await DemoLoader.load(on: store.database, now: Fixtures.now) }
        }
    }

    @Test("the demo is audited as the system's work: its framework record by record, its values as one batch")
    func auditedAsSystem() async throws {
        try await TestDatabase.withFresh { store in
            let report = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let batch = try #require(report.measurements?.batchID.flatMap(UUID.init(uuidString:)))
            let log = try await AuditLog.search(AuditFilter(batch: batch), per: 1000, on: store.database)
            let all = try await AuditLog.all(on: store.database)
            #expect(log.total == all.total)
            #expect(log.items.allSatisfy { $0.actor == nil && $0.source == .system })
            #expect(log.items.filter { $0.entity == .importBatch }.map(\.key) == [batch.uuidString])
            let values = try await AuditLog.search(AuditFilter(entity: .measurement), on: store.database)
            #expect(values.total == 0)
        }
    }
}

@Suite("Demo integrity cases end to end")
struct DemoIntegrityTests {
    @Test("the integrity checks on the stored demo flag every planted case and nothing else")
    func plantedCasesAreFlagged() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let today = CalendarDate(utc: Fixtures.now)
            let findings = try await PerformanceReview.load(asOf: today, on: store.database).integrity(on: store.database)
            let planted = DemoMeasurements.plantedCases(through: (2026, 10))
            let flagged = Set(findings.map { "\($0.check.rawValue) \($0.indicator)" })
            let expected = Set(planted.map { "\($0.check.rawValue) \($0.indicator)" })
            #expect(flagged == expected)
            #expect(findings.allSatisfy { !$0.question.isEmpty && !$0.evidence.isEmpty })
        }
    }
}
