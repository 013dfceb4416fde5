import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Audit trail of values: corrections one by one, entries one by one, file imports by batch")
struct MeasurementAuditTrailTests {
    private let steward = Fixtures.audit(.import, actor: "k.osei@example.gov")

    private func load(_ files: [(String, String)], audit: AuditContext, on store: GoalStatDatabase) async throws -> ImportReport {
        try await ImportService.importFiles(
            files.map { ImportFile(name: $0.0, data: Data($0.1.utf8)) }, dryRun: false, reason: "Corrected in a test", audit: audit, on: store.database
        )
    }

    private func withFramework(_ body: (GoalStatDatabase) async throws -> Void) async throws {
        try await TestDatabase.withFresh { store in
            _ = try await load([("plan.yaml", Fixtures.frameworkYAML)], audit: Fixtures.audit(.cli), on: store)
            try await body(store)
        }
    }

    private func batch(of report: ImportReport) throws -> UUID {
        try #require(report.measurements?.batchID.flatMap(UUID.init(uuidString:)))
    }

    @Test("a file import of new rows records exactly one entry: the batch, with its label and counts")
    func fileImportIsOneEntry() async throws {
        try await withFramework { store in
            let before = try await AuditLog.all(on: store.database).total
            let report = try await load([("values.csv", Fixtures.measurementsCSV)], audit: steward, on: store)
            #expect(report.measurements?.added == 6)
            let batch = try batch(of: report)
            #expect(try await AuditLog.all(on: store.database).total == before + 1)
            #expect(try await AuditLog.search(AuditFilter(batch: batch), on: store.database).items == [AuditEntry(
                actor: "k.osei@example.gov", at: Fixtures.now, entity: .importBatch, key: batch.uuidString, field: "",
                oldValue: nil, newValue: #"{"label":"values.csv","rowsAdded":6,"rowsRevised":0}"#, source: .import, batch: batch
            )])
        }
    }

    @Test("a file correction is one batch entry with its counts, and every value it replaced is kept in the revision history")
    func fileCorrectionIsOneEntryWithHistory() async throws {
        try await withFramework { store in
            _ = try await load([("values.csv", Fixtures.measurementsCSV)], audit: steward, on: store)
            let fix = """
            indicator,period,value,org_unit,status,note
            FO-WAIT-MEDIAN,2026-08,22.9,,final,
            FO-SERVED,2026-08,1250,DMV-FO-NORTH,final,"a note, with a comma"
            FO-WAIT-MEDIAN,2026-09,21.0,,final,
            """
            let report = try await load([("fix.csv", fix)], audit: steward, on: store)
            #expect(report.measurements?.revised == 2)
            let batch = try batch(of: report)
            let entries = try await AuditLog.search(AuditFilter(batch: batch), on: store.database).items
            #expect(entries.map { "\($0.entity)|\($0.key)|\($0.field)|\($0.oldValue ?? "-")|\($0.newValue ?? "-")" } == [
                #"importBatch|\#(batch.uuidString)||-|{"label":"fix.csv","rowsAdded":1,"rowsRevised":2}"#,
            ])
            #expect(entries.allSatisfy { $0.actor == "k.osei@example.gov" && $0.source == .import })
            let wait = try await MeasurementStore.revisions(indicator: "FO-WAIT-MEDIAN", on: store.database)
            #expect(wait.map { "\($0.period)|\($0.revision.revision)|\($0.revision.value ?? -1)|\($0.revision.status)" } == ["2026-08|0|23.1|final"])
            let served = try await MeasurementStore.revisions(indicator: "FO-SERVED", orgUnit: "DMV-FO-NORTH", on: store.database)
            #expect(served.map { "\($0.revision.revision)|\($0.revision.value ?? -1)|\($0.revision.status)" } == ["0|1200.0|provisional"])
            #expect((wait + served).allSatisfy { $0.revision.supersededAt == Fixtures.now })
        }
    }

    @Test("values entered through the API are recorded one entry each, and a correction field by field")
    func apiEntryRecordsEachValue() async throws {
        try await withFramework { store in
            let api = Fixtures.audit(.api, actor: "r.alvarez@example.gov")
            func enter(_ entries: [MeasurementEntry]) async throws -> MeasurementImportSummary {
                let catalog = try await MeasurementStore.catalog(on: store.database)
                let rows = try entries.enumerated().map { try $0.element.validate(indicator: "FO-WAIT-MEDIAN", catalog: catalog, line: $0.offset + 1).get() }
                return try await Transactions.run(on: store.database) { tx in
                    try await MeasurementStore.store(rows, kind: .api, label: "API", audit: api, on: tx)
                }
            }
            let first = try await enter([
                MeasurementEntry(period: "2026-07", value: 24.5),
                MeasurementEntry(period: "2026-08", value: 23.1, status: .provisional, note: "late count"),
            ])
            let firstBatch = try #require(first.batchID.flatMap(UUID.init(uuidString:)))
            let added = try await AuditLog.search(AuditFilter(source: .api), on: store.database).items.reversed()
            #expect(added.map(\.key) == ["FO-WAIT-MEDIAN//2026-07-01", "FO-WAIT-MEDIAN//2026-08-01"])
            #expect(added.map(\.newValue) == [
                #"{"status":"final","value":24.5}"#, #"{"note":"late count","status":"provisional","value":23.1}"#,
            ])
            #expect(added.allSatisfy { $0.entity == .measurement && $0.field == "" && $0.oldValue == nil && $0.batch == firstBatch })
            #expect(added.allSatisfy { $0.actor == "r.alvarez@example.gov" })

            _ = try await enter([MeasurementEntry(period: "2026-08", value: 23.1, status: .final)])
            let corrected = try await AuditLog.entries(entity: .measurement, key: "FO-WAIT-MEDIAN//2026-08-01", on: store.database).dropFirst()
            #expect(corrected.map { "\($0.field)|\($0.oldValue ?? "-")|\($0.newValue ?? "-")" } == [
                "note|\"late count\"|-", "status|\"provisional\"|\"final\"",
            ])
        }
    }

    @Test("an import refused for a bad row leaves no audit entries: the transaction rolls back")
    func failedImportRecordsNothing() async throws {
        try await TestDatabase.withFresh { store in
            let bad = """
            indicator,period,value
            FO-WAIT-MEDIAN,2026-07,24.5
            FO-WAIT-MEDIAN,2026/08,23
            """
            await #expect(throws: ImportFailure.self) {
                try await load([("plan.yaml", Fixtures.frameworkYAML), ("bad.csv", bad)], audit: steward, on: store)
            }
            let log = try await AuditLog.all(on: store.database)
            #expect(log.total == 0)
            #expect(try await FrameworkStore.exportDocument(on: store.database).indicators.isEmpty)
        }
    }

    @Test("a dry run leaves no audit entries")
    func dryRunRecordsNothing() async throws {
        try await withFramework { store in
            let before = try await AuditLog.all(on: store.database).total
            _ = try await ImportService.importFiles(
                [ImportFile(name: "values.csv", data: Data(Fixtures.measurementsCSV.utf8))], dryRun: true, audit: steward, on: store.database
            )
            #expect(try await AuditLog.all(on: store.database).total == before)
        }
    }
}
