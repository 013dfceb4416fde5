import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Framework import in bulk (SPEC §3.2, §8)")
struct FrameworkBulkImportTests {
    /// The fixture plan with `count` more monthly indicators, each with targets for its own unit and for a region.
    private static func document(indicators count: Int, renamedEvery: Int? = nil, retargeted: Int = 0) throws -> FrameworkDocument {
        var document = try FrameworkFile.decode(Data(Fixtures.frameworkYAML.utf8), format: .yaml, file: "plan.yaml")
        let template = try #require(document.indicators.first { $0.code == "FO-SERVED" })
        for index in 0..<count {
            var indicator = template
            indicator.code = "GEN-\(index)"
            indicator.name = "Generated indicator \(index)"
            if let every = renamedEvery, index % every == 0 { indicator.name += " (renamed)" }
            if index % 7 == 0 { indicator.goals = ["G1.1", "G1"] }
            document.indicators.append(indicator)
            for (year, value) in [("FY2026", 100.0), ("FY2027", 110.0)] {
                let changed = index < retargeted && year == "FY2027"
                document.targets.append(Target(
                    indicator: indicator.code, period: year, value: changed ? value + 5 : value,
                    rationale: "Plan \(year)", setOn: "2025-09-15", setBy: "r.alvarez@example.gov"
                ))
            }
            document.targets.append(Target(indicator: indicator.code, orgUnit: "DMV-FO-NORTH", period: "FY2026", value: 40, setOn: "2025-09-15"))
        }
        if count > 0 {
            document.links.append(IndicatorLink(driver: "GEN-0", result: "GEN-1", expectedSign: .positive))
        }
        return document
    }

    /// Imports `document` and returns the audit entries it wrote, and those the import wrote before it read the
    /// framework once per record: the difference between the whole framework exported before and after.
    private static func importComparingAudit(_ document: FrameworkDocument, on store: GoalStatDatabase) async throws
        -> (summary: FrameworkImportSummary, written: [AuditEntry], asBefore: [AuditEntry]) {
        let batch = UUID()
        let context = AuditContext(actor: "r.alvarez@example.gov", source: .import, batch: batch, now: Fixtures.now)
        return try await store.database.transaction { db in
            let labels = try await FrameworkStore.reporting(on: db)
            let before = try await FrameworkStore.exportDocument(on: db, reporting: document.plan.map {
                Reporting(calendar: FiscalCalendar(startMonth: $0.fiscalYearStartMonth), fiscal: $0.reportsInFiscalYears)
            } ?? labels)
            let summary = try await FrameworkStore.importDocument(document, audit: context, on: db)
            let after = try await FrameworkStore.exportDocument(on: db)
            let written = try await AuditEntryModel.query(on: db).filter(\.$batchID == batch).sort(\.$sequence).all().map(\.domain)
            return (summary, written, FrameworkAudit.entries(from: before, to: after, context: context))
        }
    }

    @Test("a 300-indicator framework is stored whole, with the audit entries the record-by-record import wrote")
    func importsEverythingWithTheSameAudit() async throws {
        try await TestDatabase.withFresh { store in
            let document = try Self.document(indicators: 300)
            let result = try await Self.importComparingAudit(document, on: store)
            #expect(result.summary.counts["indicators"]?.added == 304)
            #expect(result.summary.counts["targets"]?.added == 903)
            #expect(result.written.count > 304 * 5)
            #expect(result.written == result.asBefore)

            let stored = try await FrameworkStore.exportDocument(on: store.database)
            #expect(stored.indicators.map(\.code) == document.indicators.map(\.code))
            #expect(stored.indicators == document.indicators)
            #expect(stored.targets.count == 903)
            #expect(try await IndicatorModel.query(on: store.database).sort(\.$position).all().map(\.position) == Array(0..<304))
            #expect(try await IndicatorGoalModel.query(on: store.database).filter(\.$indicatorCode == "GEN-7").sort(\.$position).all()
                .map(\.goalCode) == ["G1.1", "G1"])
        }
    }

    @Test("importing again with some records changed updates only those, audited as before")
    func reimportUpdatesOnlyTheChanged() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await Self.importComparingAudit(try Self.document(indicators: 300), on: store)
            var changed = try Self.document(indicators: 320, renamedEvery: 10, retargeted: 25)
            changed.indicators[5].goals = ["G1"]
            changed.orgUnits[2].name = "Northern Offices"
            let result = try await Self.importComparingAudit(changed, on: store)
            #expect(result.summary.counts["indicators"]?.added == 20)
            #expect(result.summary.counts["indicators"]?.updated == 31)
            #expect(result.summary.counts["targets"]?.updated == 25)
            #expect(result.summary.counts["targets"]?.added == 60)
            #expect(result.summary.counts["orgUnits"]?.updated == 1)
            #expect(result.written == result.asBefore)
            #expect(!result.written.isEmpty)

            let versions = try await IndicatorModel.query(on: store.database).all()
            #expect(versions.first { $0.code == "GEN-10" }?.version == 2)
            #expect(versions.first { $0.code == "GEN-11" }?.version == 1)
            #expect(try await FrameworkStore.exportDocument(on: store.database).indicators == changed.indicators)
        }
    }
}
