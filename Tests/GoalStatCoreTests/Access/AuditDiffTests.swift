import Foundation
@testable import GoalStatCore
import Testing

@Suite("Audit diff: any record, field by field")
struct AuditDiffTests {
    private let indicator = Indicator(
        code: "FO-WAIT", name: "Median wait", unit: .other("minutes"), direction: .decrease, frequency: .monthly,
        stage: .intermediateOutcome, orgUnit: "DMV-FO"
    )

    @Test("nested fields are named by dotted paths; unchanged fields are left out")
    func nestedRecord() throws {
        var old = indicator
        old.dataQuality = DataQuality(verification: "Monthly reconciliation.")
        var new = old
        new.name = "Median in-office wait"
        new.dataQuality?.verification = "Weekly reconciliation."
        new.dataQuality?.limitations = "Walk-outs are not counted."
        let changes = AuditDiff.changes(old: old, new: new)
        #expect(changes == [
            AuditDiff.Change(field: "dataQuality.limitations", oldValue: nil, newValue: "\"Walk-outs are not counted.\""),
            AuditDiff.Change(field: "dataQuality.verification", oldValue: "\"Monthly reconciliation.\"", newValue: "\"Weekly reconciliation.\""),
            AuditDiff.Change(field: "name", oldValue: "\"Median wait\"", newValue: "\"Median in-office wait\""),
        ])
    }

    @Test("the same record twice has no changes")
    func identical() {
        #expect(AuditDiff.changes(old: indicator, new: indicator).isEmpty)
    }

    @Test("a new record lists every field it has, a removed one every field it had")
    func addedAndRemoved() {
        let added = AuditDiff.changes(old: nil, new: indicator)
        #expect(added.contains(AuditDiff.Change(field: "code", oldValue: nil, newValue: "\"FO-WAIT\"")))
        #expect(added.allSatisfy { $0.oldValue == nil && $0.newValue != nil })
        let removed = AuditDiff.changes(old: indicator, new: nil)
        #expect(removed.count == added.count)
        #expect(removed.allSatisfy { $0.newValue == nil })
    }

    struct Sample: Encodable {
        var count: Int
        var share: Double
        var flag: Bool
        var tags: [String]
        var when: Date
        var note: String?
    }

    @Test("numbers, booleans, lists and dates are JSON text; lists stay whole; nil is absent")
    func valueForms() {
        let old = Sample(count: 3, share: 0.5, flag: false, tags: ["a"], when: Date(timeIntervalSince1970: 0), note: "x")
        let new = Sample(count: 4, share: 0.25, flag: true, tags: ["a", "b"], when: Date(timeIntervalSince1970: 86400), note: nil)
        let byField = Dictionary(uniqueKeysWithValues: AuditDiff.changes(old: old, new: new).map { ($0.field, $0) })
        #expect(byField["count"] == AuditDiff.Change(field: "count", oldValue: "3", newValue: "4"))
        #expect(byField["share"] == AuditDiff.Change(field: "share", oldValue: "0.5", newValue: "0.25"))
        #expect(byField["flag"] == AuditDiff.Change(field: "flag", oldValue: "false", newValue: "true"))
        #expect(byField["tags"] == AuditDiff.Change(field: "tags", oldValue: "[\"a\"]", newValue: "[\"a\",\"b\"]"))
        #expect(byField["when"] == AuditDiff.Change(field: "when", oldValue: "\"1970-01-01T00:00:00Z\"", newValue: "\"1970-01-02T00:00:00Z\""))
        #expect(byField["note"] == AuditDiff.Change(field: "note", oldValue: "\"x\"", newValue: nil))
        #expect(byField.count == 6)
    }

    @Test("an audit context turns changes into entries that say who, when and how")
    func contextEntries() {
        let batch = UUID()
        let context = AuditContext(actor: "k.osei@example.gov", source: .import, batch: batch, now: Date(timeIntervalSince1970: 100))
        var new = indicator
        new.name = "Renamed"
        let entries = context.entries(.indicator, key: "FO-WAIT", old: indicator, new: new)
        #expect(entries == [AuditEntry(
            actor: "k.osei@example.gov", at: Date(timeIntervalSince1970: 100), entity: .indicator, key: "FO-WAIT",
            field: "name", oldValue: "\"Median wait\"", newValue: "\"Renamed\"", source: .import, batch: batch
        )])
    }
}
