import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// A correction of a final value needs a reason, kept with the value's history (issue 10, SPEC §2a).
@Suite("Corrections need a reason")
struct CorrectionReasonTests {
    private func importCSV(
        _ files: [(String, String)], reason: String? = nil, dryRun: Bool = false, on db: any Database
    ) async throws -> ImportReport {
        try await ImportService.importFiles(
            files.map { ImportFile(name: $0.0, data: Data($0.1.utf8)) }, dryRun: dryRun, reason: reason, audit: Fixtures.audit(), on: db
        )
    }

    @Test("a file that changes final values without a reason is refused line by line, and nothing is stored")
    func refusedWithoutReason() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            _ = try await importCSV([("plan.yaml", Fixtures.frameworkYAML)], on: db)
            _ = try await importCSV([("v.csv", "indicator,period,value,status\nFO-SERVED,2026-01,100,\nFO-SERVED,2026-02,110,\nFO-SERVED,2026-03,120,provisional\n")], on: db)

            // Line 2 changes a final value; line 3 repeats one; line 4 replaces a provisional figure, which needs no reason.
            let changed = "indicator,period,value\nFO-SERVED,2026-01,101\nFO-SERVED,2026-02,110\nFO-SERVED,2026-03,125\n"
            let failure = await #expect(throws: ImportFailure.self) { _ = try await importCSV([("a.csv", "indicator,period,value\n"), ("fix.csv", changed)], on: db) }
            #expect(failure?.problems.map { "\($0.file):\($0.line ?? 0) \($0.column ?? "")" } == ["fix.csv:2 reason"])
            #expect(failure?.problems.first?.reason == CorrectionsNeedReasons.reason)
            #expect(try await MeasurementStore.series(indicator: "FO-SERVED", on: db).compactMap(\.value) == [100, 110, 120])

            // A reason column for the one row, or --reason for the file: stored, the reason kept with the old value.
            let withColumn = "indicator,period,value,reason\nFO-SERVED,2026-01,101,Late forms from one office\nFO-SERVED,2026-03,125,\n"
            let report = try await importCSV([("fix.csv", withColumn)], on: db)
            #expect(report.measurements?.revised == 2)
            _ = try await importCSV([("again.csv", "indicator,period,value\nFO-SERVED,2026-01,102\n")], reason: "Recount after audit", on: db)
            let revisions = try await MeasurementStore.revisions(indicator: "FO-SERVED", on: db)
            #expect(revisions.map { "\(Int($0.revision.value ?? 0)) \($0.revision.correctionReason ?? "-")" } == [
                "120 -", "101 Recount after audit", "100 Late forms from one office",
            ])
        }
    }

    @Test("a form or API entry that changes a final value without a reason is refused with its line")
    func entriesNeedReasons() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            _ = try await importCSV([("plan.yaml", Fixtures.frameworkYAML), ("v.csv", "indicator,period,value\nFO-SERVED,2026-01,100\n")], on: db)
            let catalog = try await MeasurementStore.catalog(indicators: ["FO-SERVED"], on: db)
            let unexplained = try MeasurementEntry(period: "2026-01", value: 90).validate(indicator: "FO-SERVED", catalog: catalog, line: 3).get()
            let refused = await #expect(throws: CorrectionsNeedReasons.self) {
                try await Transactions.run(on: db) { tx in
                    _ = try await MeasurementStore.store([unexplained], kind: .api, label: "API", audit: Fixtures.audit(.api), on: tx)
                }
            }
            #expect(refused?.issues.map { "\($0.line) \($0.column ?? "")" } == ["3 reason"])
            let explained = try MeasurementEntry(period: "2026-01", value: 90, reason: "Typo: 100 was 90").validate(indicator: "FO-SERVED", catalog: catalog).get()
            let summary = try await Transactions.run(on: db) { tx in
                try await MeasurementStore.store([explained], kind: .api, label: "API", audit: Fixtures.audit(.api), on: tx)
            }
            #expect(summary.revised == 1)
            #expect(try await MeasurementStore.revisions(indicator: "FO-SERVED", on: db).first?.revision.correctionReason == "Typo: 100 was 90")
        }
    }
}
