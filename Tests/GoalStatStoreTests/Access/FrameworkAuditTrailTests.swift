import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Audit trail of framework writes: imports and removals")
struct FrameworkAuditTrailTests {
    private let leader = Fixtures.audit(.api, actor: "r.alvarez@example.gov")

    private func importFixture(on store: GoalStatDatabase) async throws {
        _ = try await ImportService.importFiles(
            [ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8))], dryRun: false,
            audit: Fixtures.audit(.cli), on: store.database
        )
    }

    private func importDocument(_ document: FrameworkDocument, audit: AuditContext, on store: GoalStatDatabase) async throws {
        _ = try await Transactions.run(on: store.database) { tx in
            try await FrameworkStore.importDocument(document, audit: audit, on: tx)
        }
    }

    @Test("a framework import records every record it adds, field by field, under one batch")
    func importRecordsAdditions() async throws {
        try await TestDatabase.withFresh { store in
            try await importFixture(on: store)
            let entries = try await AuditLog.search(AuditFilter(), per: 1000, on: store.database).items
            let kinds: Set<AuditEntityKind> = [.orgUnit, .person, .plan, .goal, .indicator, .indicatorLink, .target, .milestone, .narrative, .rebase]
            #expect(Set(entries.map(\.entity)) == kinds)
            #expect(entries.allSatisfy { $0.oldValue == nil && $0.source == .cli && $0.actor == nil })
            #expect(Set(entries.map(\.batch)).count == 1)
            #expect(entries.first?.batch != nil)
            let goal = try await AuditLog.entries(entity: .goal, key: "G1.1", on: store.database)
            #expect(goal.contains { $0.field == "name" && $0.newValue == "\"Cut office wait times\"" })
            let targets = Set(entries.filter { $0.entity == .target }.map(\.key))
            #expect(targets == [
                "FO-WAIT-MEDIAN//FY2026/2025-09-15", "FO-WAIT-MEDIAN//FY2026/2026-01-20", "FO-WAIT-MEDIAN/DMV-FO-NORTH/FY2027/2025-09-15",
            ])
            #expect(Set(entries.filter { $0.entity == .rebase }.map(\.key)) == ["FO-WAIT-MEDIAN//2026-08"])
        }
    }

    @Test("a re-import that changes one field of a goal records exactly that field, old → new, with who and how")
    func changedFieldOnly() async throws {
        try await TestDatabase.withFresh { store in
            try await importFixture(on: store)
            let before = try await AuditLog.all(on: store.database).total
            var goal = try #require(try await FrameworkStore.exportDocument(on: store.database).goals.first { $0.code == "G1" })
            goal.name = "Faster and simpler service"
            try await importDocument(FrameworkDocument(goals: [goal]), audit: leader, on: store)
            #expect(try await AuditLog.all(on: store.database).total == before + 1)
            #expect(try await AuditLog.search(AuditFilter(source: .api), on: store.database).items == [AuditEntry(
                actor: "r.alvarez@example.gov", at: Fixtures.now, entity: .goal, key: "G1", field: "name",
                oldValue: "\"Faster service\"", newValue: "\"Faster and simpler service\"", source: .api
            )])
        }
    }

    @Test("a re-import that changes nothing records nothing")
    func unchangedRecordsNothing() async throws {
        try await TestDatabase.withFresh { store in
            try await importFixture(on: store)
            let before = try await AuditLog.all(on: store.database).total
            try await importFixture(on: store)
            try await importDocument(try await FrameworkStore.exportDocument(on: store.database), audit: leader, on: store)
            #expect(try await AuditLog.all(on: store.database).total == before)
        }
    }

    @Test("removing an indicator records its removal and that of the targets and rebases that went with it")
    func removalIsRecorded() async throws {
        try await TestDatabase.withFresh { store in
            try await importFixture(on: store)
            let extra = FrameworkDocument(
                indicators: [Indicator(code: "FO-EXTRA", name: "Extra", direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV-FO", goals: ["G1.1"])],
                targets: [Target(indicator: "FO-EXTRA", period: "FY2027", value: 5, rationale: "Start.", setOn: "2026-10-01")],
                rebases: [Rebase(indicator: "FO-EXTRA", period: "2026-09", reason: "New counter.")]
            )
            try await importDocument(extra, audit: leader, on: store)
            let before = try await AuditLog.all(on: store.database).total
            let remover = Fixtures.audit(.api, actor: "k.osei@example.gov")
            try await Transactions.run(on: store.database) { tx in
                try await FrameworkStore.remove(.indicator, key: "FO-EXTRA", audit: remover, on: tx)
            }
            let removal = try await AuditLog.search(AuditFilter(actor: "k.osei@example.gov"), per: 1000, on: store.database).items
            let after = try await AuditLog.all(on: store.database).total
            #expect(removal.count == after - before)
            #expect(removal.allSatisfy { $0.newValue == nil && $0.oldValue != nil && $0.source == .api })
            #expect(Set(removal.map { "\($0.entity)|\($0.key)" }) == [
                "indicator|FO-EXTRA", "target|FO-EXTRA//FY2027/2026-10-01", "rebase|FO-EXTRA//2026-09",
            ])
            #expect(removal.contains { $0.entity == .indicator && $0.field == "goals" && $0.oldValue == "[\"G1.1\"]" })
        }
    }

    @Test("a removal that is refused records nothing")
    func refusedRemovalRecordsNothing() async throws {
        try await TestDatabase.withFresh { store in
            try await importFixture(on: store)
            let before = try await AuditLog.all(on: store.database).total
            await #expect(throws: FrameworkRemovalError.self) {
                try await Transactions.run(on: store.database) { tx in
                    try await FrameworkStore.remove(.goal, key: "G1", audit: leader, on: tx)
                }
            }
            #expect(try await AuditLog.all(on: store.database).total == before)
        }
    }
}
