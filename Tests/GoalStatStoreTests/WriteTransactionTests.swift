import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// Counts the calls of `WriteWait.onWait`.
final class WaitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func count() { lock.withLock { calls += 1 } }
    var total: Int { lock.withLock { calls } }
}

@Suite("Write transactions on SQLite", .enabled(if: TestDatabase.kind == .sqlite))
struct WriteTransactionTests {
    private static let values = """
    indicator,period,value
    FO-WAIT-MEDIAN,2026-07,24.5
    FO-WAIT-MEDIAN,2026-08,23.1
    """

    private func withTwoHandles(
        second wait: WriteWait, _ body: (_ first: GoalStatDatabase, _ second: GoalStatDatabase) async throws -> Void
    ) async throws {
        try await TestDatabase.withFresh { first in
            _ = try await ImportService.importFiles(
                [ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8))], dryRun: false, audit: Fixtures.audit(), on: first.database
            )
            guard case .sqlite(let path) = first.location else { return }
            let second = try GoalStatDatabase(location: .sqlite(path: path), writeWait: wait)
            do {
                try await body(first, second)
                await second.shutdown()
            } catch {
                await second.shutdown()
                throw error
            }
        }
    }

    @Test("a writer whose transaction reads first waits for another process's writer, says so once, and then stores")
    func waitsForAnotherWriter() async throws {
        let waits = WaitCounter()
        try await withTwoHandles(second: WriteWait(bound: .seconds(120), onWait: { waits.count() })) { first, second in
            let holder = try await WriteLockHolder(on: first)
            let importing = Task {
                try await ImportService.importFiles(
                    [ImportFile(name: "values.csv", data: Data(Self.values.utf8))], dryRun: false, audit: Fixtures.audit(), on: second.database
                )
            }
            // The import is waiting once it has said so (on a loaded machine that may take a while).
            let deadline = ContinuousClock.now + .seconds(60)
            while waits.total == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(waits.total == 1)
            // Read through a handle of its own: the holder keeps one of the first handle's pooled connections (one per
            // event loop), and a read there could queue behind it until the pool gives up.
            let reader = try GoalStatDatabase(location: first.location)
            let stored = try await MeasurementStore.count(on: reader.database)
            await reader.shutdown()
            #expect(stored == 0)
            try await holder.letGo()
            let report = try await importing.value
            #expect(report.measurements?.added == 2)
            #expect(waits.total == 1)
        }
    }

    @Test("after its bounded wait a writer fails with DatabaseUnavailable.busy, and nothing is stored")
    func boundedWait() async throws {
        try await withTwoHandles(second: WriteWait(bound: .milliseconds(300))) { first, second in
            let holder = try await WriteLockHolder(on: first)
            let started = ContinuousClock.now
            await #expect(throws: DatabaseUnavailable.busy) {
                try await ImportService.importFiles(
                    [ImportFile(name: "values.csv", data: Data(Self.values.utf8))], dryRun: false, audit: Fixtures.audit(), on: second.database
                )
            }
            #expect(ContinuousClock.now - started < .seconds(10))
            try await holder.letGo()
            #expect(try await MeasurementStore.count(on: second.database) == 0)
        }
    }

    @Test("writers of one process queue in order; each read-then-write transaction commits")
    func writersOfOneProcessQueue() async throws {
        // A generous bound: sixteen writers in a row take a while when the whole suite runs at once on two cores.
        try await withTwoHandles(second: WriteWait(bound: .seconds(120))) { _, second in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        try await Transactions.run(on: second.database) { tx in
                            // Read, yield to the others, then write: a deferred transaction would fail here.
                            _ = try await MeasurementStore.count(on: tx)
                            try await Task.sleep(for: .milliseconds(5))
                            let row = """
                            indicator,period,value
                            FO-SERVED,\(String(format: "%04d-%02d", 2000 + writer, 1)),\(writer)
                            """
                            let catalog = try await MeasurementStore.catalog(on: tx)
                            _ = try await MeasurementStore.store(
                                MeasurementsCSV.read(Array(row.utf8), catalog: catalog).rows, kind: .api, label: "API", audit: Fixtures.audit(.api), on: tx
                            )
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await MeasurementStore.count(on: second.database) == 16)
        }
    }

    @Test("work that starts a transaction inside a write transaction joins it")
    func nestedTransactionsJoin() async throws {
        try await withTwoHandles(second: WriteWait(bound: .seconds(2))) { _, second in
            await #expect(throws: ImportFailure.self) {
                try await Transactions.run(on: second.database) { tx -> Void in
                    _ = try await Transactions.run(on: second.database) { inner in
                        try await ImportService.importFiles(
                            [ImportFile(name: "values.csv", data: Data(Self.values.utf8))], dryRun: false, audit: Fixtures.audit(), on: inner
                        )
                    }
                    let stored = try await MeasurementStore.count(on: tx)
                    #expect(stored == 2)
                    throw ImportFailure(problems: [])
                }
            }
            // The outer transaction rolled back, the inner work with it.
            let stored = try await MeasurementStore.count(on: second.database)
            #expect(stored == 0)
        }
    }
}
