import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Measurement store (SPEC §3.1)")
struct MeasurementStoreTests {
    private func load(_ files: [(String, String)], dryRun: Bool = false, on store: GoalStatDatabase) async throws -> ImportReport {
        try await ImportService.importFiles(
            files.map { ImportFile(name: $0.0, data: Data($0.1.utf8)) }, dryRun: dryRun, reason: "Corrected in a test",
            audit: Fixtures.audit(actor: "k.osei@example.gov"), on: store.database
        )
    }

    private func withFramework(_ body: (GoalStatDatabase) async throws -> Void) async throws {
        try await TestDatabase.withFresh { store in
            _ = try await load([("plan.yaml", Fixtures.frameworkYAML)], on: store)
            try await body(store)
        }
    }

    @Test("a CSV import stores every row; importing it again changes nothing")
    func importIsIdempotent() async throws {
        try await withFramework { store in
            let first = try await load([("values.csv", Fixtures.measurementsCSV)], on: store)
            #expect(first.measurements?.added == 6)
            let again = try await load([("values.csv", Fixtures.measurementsCSV)], on: store)
            #expect(again.measurements?.added == 0)
            #expect(again.measurements?.revised == 0)
            #expect(again.measurements?.unchanged == 6)
            #expect(try await MeasurementStore.count(on: store.database) == 6)
        }
    }

    @Test("a framework and its values import together in one transaction")
    func frameworkAndValuesTogether() async throws {
        try await TestDatabase.withFresh { store in
            let report = try await load([("values.csv", Fixtures.measurementsCSV), ("plan.yaml", Fixtures.frameworkYAML)], on: store)
            #expect(report.framework?.counts["indicators"]?.added == 4)
            #expect(report.measurements?.added == 6)
        }
    }

    @Test("a changed value adds a revision and keeps the old value in history")
    func correctionKeepsHistory() async throws {
        try await withFramework { store in
            _ = try await load([("values.csv", Fixtures.measurementsCSV)], on: store)
            let corrected = "indicator,period,value\nFO-WAIT-MEDIAN,2026-08,22.9\n"
            let report = try await load([("fix.csv", corrected)], on: store)
            #expect(report.measurements?.revised == 1)
            let series = try await MeasurementStore.series(indicator: "FO-WAIT-MEDIAN", on: store.database)
            #expect(series.map(\.value) == [24.5, 22.9])
            #expect(series.last?.revision == 1)
            let history = try await MeasurementStore.revisions(indicator: "FO-WAIT-MEDIAN", on: store.database)
            #expect(history.count == 1)
            #expect(history.first?.revision.value == 23.1)
            #expect(history.first?.revision.revision == 0)
        }
    }

    @Test("two forms of the same period are the same period: a second value is a revision")
    func sameRangeIsSamePeriod() async throws {
        try await withFramework { store in
            _ = try await load([("a.csv", "indicator,period,value\nFO-SAT,2025-Q4,80\n")], on: store)
            let report = try await load([("b.csv", "indicator,period,value\nFO-SAT,FY2026-Q1,81\n")], on: store)
            #expect(report.measurements?.revised == 1)
            #expect(try await MeasurementStore.count(on: store.database) == 1)
        }
    }

    @Test("a bad CSV is refused with every bad line named, and nothing is stored")
    func badCSVStoresNothing() async throws {
        try await withFramework { store in
            let bad = """
            indicator,period,value,colour
            FO-WAIT-MEDIAN,2026-07,24.5,red
            """
            do {
                _ = try await load([("bad.csv", bad)], on: store)
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.contains { $0.column == "colour" })
            }
            let rows = """
            indicator,period,value
            FO-WAIT-MEDIAN,2026-07,24.5
            FO-WAIT-MEDIAN,2026/08,23
            NO-SUCH,2026-08,1
            FO-SERVED,2026-08,12 000
            FO-SERVED,2026-09,1200
            """
            do {
                _ = try await load([("rows.csv", rows)], on: store)
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.line) == [3, 4, 5])
                #expect(failure.problems.map(\.column) == ["period", "indicator", "value"])
                #expect(failure.problems.allSatisfy { $0.file == "rows.csv" })
            }
            #expect(try await MeasurementStore.count(on: store.database) == 0)
        }
    }

    /// More than one chunk of the streaming read (`MeasurementsCSV.chunkSize`): 1,284 rows of two indicators, the
    /// total and one unit, every month from 2000-01 to 2026-09, each with a note of 2,000 characters.
    private static func manyChunks(badLineAt badLine: Int? = nil) -> String {
        let note = String(repeating: "n", count: 2_000)
        var lines = ["indicator,period,value,org_unit,note"]
        for indicator in ["FO-SERVED", "FO-WAIT-MEDIAN"] {
            for unit in ["", "DMV-FO-NORTH"] {
                for month in 0..<321 {
                    lines.append("\(indicator),\(2000 + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(100 + month),\(unit),\(note)")
                }
            }
        }
        if let badLine { lines[badLine - 1] = "FO-SERVED,2026-13,1,,bad month" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a bad row after chunks already stored stores nothing, and is named with its line")
    func badRowInALaterChunk() async throws {
        try await withFramework { store in
            let file = Self.manyChunks(badLineAt: 1_280)
            #expect(file.utf8.count > MeasurementsCSV.chunkSize)
            do {
                _ = try await load([("late.csv", file)], on: store)
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.line) == [1_280])
                #expect(failure.problems.map(\.column) == ["period"])
            }
            #expect(try await MeasurementStore.count(on: store.database) == 0)
            #expect(try await ReadModel.verdict(of: "FO-SERVED", on: store.database)?.status == .noData)
            let good = try await load([("good.csv", Self.manyChunks())], on: store)
            #expect(good.measurements?.added == 1_284)
            #expect(try await MeasurementStore.count(on: store.database) == 1_284)
        }
    }

    @Test("one import adds to indicators without values and corrects one with values: each counted once")
    func newAndStoredIndicatorsInOneImport() async throws {
        try await withFramework { store in
            _ = try await load([("first.csv", "indicator,period,value\nFO-WAIT-MEDIAN,2026-07,24.5\nFO-WAIT-MEDIAN,2026-08,23.1\n")], on: store)
            let mixed = """
            indicator,period,value,org_unit
            FO-SERVED,2026-08,1200,DMV-FO-NORTH
            FO-WAIT-MEDIAN,2026-07,24.5,
            FO-WAIT-MEDIAN,2026-08,22.9,
            FO-WAIT-MEDIAN,2026-09,21.0,
            FO-SAT,2026-Q3,88.5,
            """
            let report = try await load([("mixed.csv", mixed)], on: store)
            #expect(report.measurements?.added == 3)
            #expect(report.measurements?.revised == 1)
            #expect(report.measurements?.unchanged == 1)
            let series = try await MeasurementStore.series(indicator: "FO-WAIT-MEDIAN", on: store.database)
            #expect(series.map(\.value) == [24.5, 22.9, 21.0])
            #expect(try await MeasurementStore.count(on: store.database) == 5)
        }
    }

    @Test("a dry run reports and stores nothing")
    func dryRun() async throws {
        try await withFramework { store in
            let report = try await load([("values.csv", Fixtures.measurementsCSV)], dryRun: true, on: store)
            #expect(report.measurements?.added == 6)
            #expect(try await MeasurementStore.count(on: store.database) == 0)
        }
    }

    @Test("export, import into an empty database, export again gives the identical CSV")
    func roundTrip() async throws {
        let first = try await TestDatabase.withFresh { store in
            _ = try await load([("plan.yaml", Fixtures.frameworkYAML), ("values.csv", Fixtures.measurementsCSV)], on: store)
            return try await ExportService.measurements(format: .csv, on: store.database)
        }
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("indicator,period,value,org_unit,status,note\n"))
        #expect(text.contains("FO-SERVED,FY2026-Q4,,,missing,office closed") || text.contains("FO-SERVED,2026-09,,,missing,office closed"))
        let second = try await TestDatabase.withFresh { store in
            _ = try await load([("plan.yaml", Fixtures.frameworkYAML), ("values.csv", text)], on: store)
            return try await ExportService.measurements(format: .csv, on: store.database)
        }
        #expect(text == String(decoding: second, as: UTF8.self))
    }
}
