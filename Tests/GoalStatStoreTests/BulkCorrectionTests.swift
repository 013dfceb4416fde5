import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Corrections in bulk")
struct BulkCorrectionTests {
    private static let series = [("FO-WAIT-MEDIAN", ""), ("FO-WAIT-MEDIAN", "DMV-FO-NORTH"), ("FO-SERVED", ""), ("FO-SERVED", "DMV-FO-NORTH")]
    private static let months = 600

    /// One row per series and month from January 1975; `change` may alter a row's value and status by its index.
    private static func csv(months: Int = months, change: (Int) -> (value: Double, status: String)? = { _ in nil }) -> (text: String, changed: Set<Int>) {
        var lines = ["indicator,period,value,org_unit,status"]
        var changed: Set<Int> = []
        var index = 0
        for (indicator, unit) in series {
            for month in 0..<months {
                let period = String(format: "%04d-%02d", 1975 + month / 12, month % 12 + 1)
                var value = Double(100 + month % 37) + 0.5
                var status = "final"
                if let altered = change(index) {
                    (value, status) = altered
                    changed.insert(index)
                }
                lines.append("\(indicator),\(period),\(value),\(unit),\(status)")
                index += 1
            }
        }
        return (lines.joined(separator: "\n") + "\n", changed)
    }

    private func load(_ name: String, _ text: String, dryRun: Bool = false, on store: GoalStatDatabase) async throws -> MeasurementImportSummary {
        let report = try await ImportService.importFiles(
            [ImportFile(name: name, data: Data(text.utf8))], dryRun: dryRun, reason: "Corrected in a test", audit: Fixtures.audit(actor: "k.osei@example.gov"), on: store.database
        )
        return try #require(report.measurements)
    }

    private func revisionCount(on store: GoalStatDatabase) async throws -> (count: Int, values: [Double]) {
        var count = 0
        var values: [Double] = []
        for (indicator, unit) in Self.series {
            let history = try await MeasurementStore.revisions(indicator: indicator, orgUnit: unit.isEmpty ? nil : unit, on: store.database)
            count += history.count
            values += history.compactMap(\.revision.value)
        }
        return (count, values)
    }

    @Test("a correction import of many rows keeps one revision per changed row, and a second run changes nothing")
    func manyCorrections() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await ImportService.importFiles(
                [ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8))], dryRun: false, audit: Fixtures.audit(), on: store.database
            )
            let original = Self.csv()
            #expect(try await load("values.csv", original.text, on: store).added == Self.series.count * Self.months)

            // Every third row gets a new value, every fifth a new status; the file also brings a year of new months.
            let fix = Self.csv(months: Self.months + 12) { index in
                let month = index % (Self.months + 12)
                guard month < Self.months else { return nil }
                if index % 3 == 0 { return (Double(900 + month % 11) + 0.5, "final") }
                if index % 5 == 0 { return (Double(100 + month % 37) + 0.5, "provisional") }
                return nil
            }
            let changed = fix.changed.count
            let total = Self.series.count * (Self.months + 12)

            let dryRun = try await load("fix.csv", fix.text, dryRun: true, on: store)
            #expect((dryRun.added, dryRun.revised, dryRun.unchanged) == (Self.series.count * 12, changed, total - changed - Self.series.count * 12))
            #expect(try await revisionCount(on: store).count == 0)
            #expect(try await MeasurementStore.count(on: store.database) == Self.series.count * Self.months)

            let first = try await load("fix.csv", fix.text, on: store)
            #expect((first.added, first.revised, first.unchanged) == (Self.series.count * 12, changed, total - changed - Self.series.count * 12))
            let kept = try await revisionCount(on: store)
            #expect(kept.count == changed)
            // The old values, not the new ones, are in the history.
            #expect(kept.values.allSatisfy { $0 >= 100 && $0 < 137 })
            let current = try await MeasurementStore.series(indicator: "FO-WAIT-MEDIAN", on: store.database)
            #expect(current.count == Self.months + 12)
            #expect(current.filter { $0.revision == 1 }.count == fix.changed.filter { $0 < Self.months + 12 }.count)
            #expect(current.first?.value == 900.5 && current.first?.revision == 1)

            let again = try await load("fix.csv", fix.text, on: store)
            #expect((again.added, again.revised, again.unchanged) == (0, 0, total))
            #expect(again.batchID == nil)
            #expect(try await revisionCount(on: store).count == changed)
            #expect(try await MeasurementStore.count(on: store.database) == total)
        }
    }
}
