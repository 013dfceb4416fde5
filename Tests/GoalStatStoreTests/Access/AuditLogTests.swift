import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import SQLKit
import Testing

@Suite("Audit log: append-only, by entity and by person")
struct AuditLogTests {
    private func entry(_ actor: String?, _ kind: AuditEntityKind, _ key: String, _ field: String, _ minutes: Double, source: AuditSource = .form) -> AuditEntry {
        AuditEntry(actor: actor, at: Fixtures.now.addingTimeInterval(minutes * 60), entity: kind, key: key, field: field,
                   oldValue: "1", newValue: "2", source: source)
    }

    @Test("recorded entries come back per entity and per person, oldest first, exactly as recorded")
    func appendAndQuery() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            let batch = UUID()
            var imported = entry("k.osei@example.gov", .measurement, "FO-WAIT|2026-07|", "value", 2, source: .import)
            imported.batch = batch
            try await AuditLog.record([entry("r.alvarez@example.gov", .indicator, "FO-WAIT", "name", 1)], on: db)
            try await AuditLog.record([imported, entry("k.osei@example.gov", .indicator, "FO-WAIT", "unit", 3)], on: db)
            try await AuditLog.record([entry("r.alvarez@example.gov", .goal, "G1", "name", 4)], on: db)
            let indicator = try await AuditLog.entries(entity: .indicator, key: "FO-WAIT", on: db)
            #expect(indicator.map(\.field) == ["name", "unit"])
            let osei = try await AuditLog.entries(by: "K.Osei@example.gov", on: db)
            #expect(osei == [imported, entry("k.osei@example.gov", .indicator, "FO-WAIT", "unit", 3)])
            #expect(osei.first?.batch == batch)
            #expect(osei.first?.source == .import)
        }
    }

    @Test("recorded entries are stored as Fluent's own create stores them: times to the microsecond, before 2000 too, and text with tabs, newlines and backslashes")
    func storedAsFluentStores() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            var first = entry("K.Osei@example.gov", .indicator, "IND-1", "name", 0)
            first.at = Date(timeIntervalSince1970: 1_790_000_000.123456789)
            first.batch = UUID()
            first.oldValue = nil
            first.newValue = "\"tab\\there\tand a new\nline\\.\""
            var second = first
            second.field = "unit"
            var third = entry(nil, .goal, "G1", "", 0, source: .system)
            third.at = Date(timeIntervalSince1970: 946_684_799.25)
            third.newValue = nil
            let entries = [first, second, third, first]
            try await AuditLog.record(entries, on: db)
            for (offset, entry) in entries.enumerated() { try await AuditEntryModel(entry, sequence: 100 + offset).create(on: db) }
            let rows = try await AuditEntryModel.query(on: db).sort(\.$sequence).all()
            #expect(rows.map(\.sequence) == [0, 1, 2, 3, 100, 101, 102, 103])
            #expect(rows.prefix(4).map(\.domain) == rows.suffix(4).map(\.domain))
            #expect(rows[2].domain.batch == nil && rows[2].domain.actor == nil && rows[2].domain.newValue == nil)
        }
    }

    @Test("entries recorded at the same instant keep their order")
    func sameInstantOrder() async throws {
        try await TestDatabase.withFresh { store in
            let fields = ["z", "a", "m", "b"]
            try await AuditLog.record(fields.map { entry(nil, .goal, "G1", $0, 0) }, on: store.database)
            #expect(try await AuditLog.entries(entity: .goal, key: "G1", on: store.database).map(\.field) == fields)
        }
    }

    @Test("the whole log pages newest first, in the API's list shape")
    func paging() async throws {
        try await TestDatabase.withFresh { store in
            try await AuditLog.record((0..<5).map { entry(nil, .goal, "G\($0)", "name", Double($0)) }, on: store.database)
            let first = try await AuditLog.all(page: 1, per: 2, on: store.database)
            #expect(first.total == 5)
            #expect(first.items.map(\.key) == ["G4", "G3"])
            #expect(try await AuditLog.all(page: 3, per: 2, on: store.database).items.map(\.key) == ["G0"])
        }
    }

    @Test("the log exports as CSV, quoting what needs quoting and defusing spreadsheet formulas")
    func csv() async throws {
        try await TestDatabase.withFresh { store in
            var tricky = entry("a@example.gov", .goal, "G1", "name", 0)
            tricky.oldValue = "\"Faster, simpler\""
            tricky.newValue = "=HYPERLINK(\"x\")"
            try await AuditLog.record([tricky], on: store.database)
            let text = try await AuditLog.csv(on: store.database)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines[0] == "at,actor,entity,key,field,old_value,new_value,source,batch")
            #expect(lines[1] == "2026-11-23T12:00:00Z,a@example.gov,goal,G1,name,\"\"\"Faster, simpler\"\"\",\"'=HYPERLINK(\"\"x\"\")\",form,")
        }
    }

    @Test("the database itself refuses to change or remove an entry")
    func appendOnlyInTheDatabase() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await AuditLog.record([entry("a@example.gov", .goal, "G1", "name", 0)], on: db)
            let sql = try #require(db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_entries SET new_value = 'forged'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_entries").run() }
            #expect(try await AuditLog.entries(entity: .goal, key: "G1", on: db).map(\.newValue) == ["2"])
        }
    }
}
