import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("Audit log: filtered pages and exports for browsing")
struct AuditLogSearchTests {
    private let batch = UUID()

    /// Six entries a minute apart: two people, three sources, two records of a goal, one batch.
    private var entries: [AuditEntry] {
        [
            AuditEntry(actor: "r.alvarez@example.gov", at: minute(0), entity: .goal, key: "G1", field: "name", oldValue: nil, newValue: "\"A\"", source: .api),
            AuditEntry(actor: "k.osei@example.gov", at: minute(1), entity: .goal, key: "G1", field: "name", oldValue: "\"A\"", newValue: "\"B\"", source: .form),
            AuditEntry(actor: "k.osei@example.gov", at: minute(2), entity: .goal, key: "G2", field: "name", oldValue: nil, newValue: "\"C\"", source: .form),
            AuditEntry(actor: nil, at: minute(3), entity: .importBatch, key: batch.uuidString, field: "", oldValue: nil, newValue: "{}", source: .import, batch: batch),
            AuditEntry(actor: nil, at: minute(4), entity: .measurement, key: "FO-WAIT//2026-07-01", field: "value", oldValue: "1", newValue: "2", source: .import, batch: batch),
            AuditEntry(actor: "r.alvarez@example.gov", at: minute(5), entity: .indicator, key: "FO-WAIT", field: "name", oldValue: "\"X\"", newValue: "\"Y\"", source: .api),
        ]
    }

    private func minute(_ minutes: Double) -> Date {
        Fixtures.now.addingTimeInterval(minutes * 60)
    }

    @Test("each condition narrows the selection; together they must all hold; newest first")
    func filters() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await AuditLog.record(entries, on: db)
            func keys(_ filter: AuditFilter) async throws -> [String] {
                try await AuditLog.search(filter, on: db).items.map { "\($0.key).\($0.field)" }
            }
            #expect(try await keys(AuditFilter()).count == 6)
            #expect(try await keys(AuditFilter(entity: .goal)) == ["G2.name", "G1.name", "G1.name"])
            #expect(try await keys(AuditFilter(entity: .goal, key: "G1")) == ["G1.name", "G1.name"])
            #expect(try await keys(AuditFilter(actor: " K.Osei@Example.gov ")) == ["G2.name", "G1.name"])
            #expect(try await keys(AuditFilter(source: .api)) == ["FO-WAIT.name", "G1.name"])
            #expect(try await keys(AuditFilter(batch: batch)) == ["FO-WAIT//2026-07-01.value", "\(batch.uuidString)."])
            #expect(try await keys(AuditFilter(entity: .goal, actor: "k.osei@example.gov", source: .api)).isEmpty)
        }
    }

    @Test("a filtered selection pages with its own total")
    func paging() async throws {
        try await TestDatabase.withFresh { store in
            try await AuditLog.record(entries, on: store.database)
            let first = try await AuditLog.search(AuditFilter(entity: .goal), page: 1, per: 2, on: store.database)
            #expect(first.total == 3)
            #expect(first.items.map(\.key) == ["G2", "G1"])
            let second = try await AuditLog.search(AuditFilter(entity: .goal), page: 2, per: 2, on: store.database)
            #expect(second.items.map(\.at) == [minute(0)])
        }
    }

    @Test("the export holds the same selection, oldest first")
    func csvOfSelection() async throws {
        try await TestDatabase.withFresh { store in
            try await AuditLog.record(entries, on: store.database)
            let lines = try await AuditLog.csv(filter: AuditFilter(batch: batch), on: store.database)
                .split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[0] == AuditLog.csvHeader.joined(separator: ","))
            #expect(lines[1].contains(",importBatch,\(batch.uuidString),,,{},import,\(batch.uuidString)"))
            #expect(lines[2].contains(",measurement,FO-WAIT//2026-07-01,value,1,2,import,"))
        }
    }

    @Test("thousands of entries at once are recorded in order, more than one statement can hold")
    func largeRecording() async throws {
        try await TestDatabase.withFresh { store in
            let many = (0..<4_500).map { index in
                AuditEntry(actor: nil, at: Fixtures.now, entity: .measurement, key: "FO-WAIT//2026-07-01", field: "value",
                           oldValue: "\(index)", newValue: "\(index + 1)", source: .import, batch: batch)
            }
            try await AuditLog.record(many, on: store.database)
            let stored = try await AuditLog.entries(entity: .measurement, key: "FO-WAIT//2026-07-01", on: store.database)
            #expect(stored == many)
        }
    }
}
