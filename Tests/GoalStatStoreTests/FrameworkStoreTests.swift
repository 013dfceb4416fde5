import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Framework store (SPEC §3.2)")
struct FrameworkStoreTests {
    private func importYAML(_ text: String, dryRun: Bool = false, on store: GoalStatDatabase) async throws -> ImportReport {
        try await ImportService.importFiles(
            [ImportFile(name: "plan.yaml", data: Data(text.utf8))], dryRun: dryRun, audit: Fixtures.audit(), on: store.database
        )
    }

    @Test("importing the framework stores every record, and importing it again changes nothing")
    func importIsIdempotent() async throws {
        try await TestDatabase.withFresh { store in
            let first = try await importYAML(Fixtures.frameworkYAML, on: store)
            #expect(first.framework?.counts["indicators"]?.added == 4)
            #expect(first.framework?.counts["targets"]?.added == 3)
            #expect(first.framework?.counts["goals"]?.added == 2)
            let second = try await importYAML(Fixtures.frameworkYAML, on: store)
            #expect(second.changesNothing)
            #expect(second.framework?.unchanged == first.framework?.added)
        }
    }

    @Test("a changed record is updated, a new one added, and nothing is deleted")
    func changedFileUpdates() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await importYAML(Fixtures.frameworkYAML, on: store)
            let changed = """
            goals:
              - { code: G1, kind: strategicGoal, name: Faster and simpler service, orgUnit: DMV, leader: r.alvarez@example.gov, perspective: Public, public: true }
              - { code: G2, kind: strategicGoal, name: Safer roads, orgUnit: DMV }
            """
            let report = try await importYAML(changed, on: store)
            #expect(report.framework?.counts["goals"]?.updated == 1)
            #expect(report.framework?.counts["goals"]?.added == 1)
            let document = try await FrameworkStore.exportDocument(on: store.database)
            #expect(document.goals.map(\.code) == ["G1", "G1.1", "G2"])
            #expect(document.goals.first?.name == "Faster and simpler service")
            #expect(document.indicators.count == 4)
        }
    }

    @Test("export, import into an empty database, export again gives the identical file")
    func roundTrip() async throws {
        let first = try await TestDatabase.withFresh { store in
            _ = try await importYAML(Fixtures.frameworkYAML, on: store)
            return try await ExportService.framework(format: .yaml, on: store.database)
        }
        let second = try await TestDatabase.withFresh { store in
            _ = try await importYAML(String(decoding: first, as: UTF8.self), on: store)
            return try await ExportService.framework(format: .yaml, on: store.database)
        }
        #expect(String(decoding: first, as: UTF8.self) == String(decoding: second, as: UTF8.self))
        let json = try await TestDatabase.withFresh { store in
            _ = try await importYAML(Fixtures.frameworkYAML, on: store)
            return try await ExportService.framework(format: .json, on: store.database)
        }
        let decoded = try JSONDecoder().decode(FrameworkDocument.self, from: json)
        #expect(decoded.targets.count == 3)
        #expect(decoded.targets.contains { $0.period == "FY2026" && $0.value == 22 })
    }

    @Test("a file with unknown references is refused with each field named, and nothing is stored")
    func invalidReferencesStoreNothing() async throws {
        try await TestDatabase.withFresh { store in
            let bad = """
            orgUnits:
              - { code: DMV, name: DMV, kind: agency }
            goals:
              - { code: G1, kind: strategicGoal, name: Faster, orgUnit: NOPE, leader: nobody@example.gov }
            indicators:
              - { code: "bad code", name: X, direction: up, frequency: monthly, stage: output, orgUnit: DMV }
            """
            await #expect(throws: ImportFailure.self) { try await importYAML(bad, on: store) }
            let fixable = """
            orgUnits:
              - { code: DMV, name: DMV, kind: agency }
            goals:
              - { code: G1, kind: strategicGoal, name: Faster, orgUnit: NOPE, leader: nobody@example.gov }
            """
            do {
                _ = try await importYAML(fixable, on: store)
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.field) == ["goals[0].orgUnit", "goals[0].leader"])
            }
            let document = try await FrameworkStore.exportDocument(on: store.database)
            #expect(document.orgUnits.isEmpty)
        }
    }

    @Test("a bad enum value names its field")
    func badEnumNamesField() async throws {
        try await TestDatabase.withFresh { store in
            let bad = """
            indicators:
              - { code: X, name: X, direction: up, frequency: monthly, stage: output, orgUnit: DMV }
            """
            do {
                _ = try await importYAML(bad, on: store)
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.first?.field == "indicators[0].direction")
            }
        }
    }

    @Test("a dry run reports what would change and stores nothing")
    func dryRunStoresNothing() async throws {
        try await TestDatabase.withFresh { store in
            let report = try await importYAML(Fixtures.frameworkYAML, dryRun: true, on: store)
            #expect(report.dryRun)
            #expect(report.framework?.counts["indicators"]?.added == 4)
            let document = try await FrameworkStore.exportDocument(on: store.database)
            #expect(document.indicators.isEmpty)
            #expect(document.plan == nil)
        }
    }
}
