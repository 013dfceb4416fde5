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
            let series = try await MeasurementStore.series(indicator: document.indicators.first { $0.frequency == .monthly }!.code, on: store.database)
            #expect(series.last?.period == .month(year: 2026, month: 10))
            await #expect(throws: DemoLoaderError.self) { try await DemoLoader.load(on: store.database, now: Fixtures.now) }
        }
    }
}
