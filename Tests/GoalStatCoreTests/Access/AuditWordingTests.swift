import Foundation
import Testing
@testable import GoalStatCore

@Suite("Audit values in words")
struct AuditWordingTests {
    func entry(_ field: String, _ old: String?, _ new: String?, entity: AuditEntityKind = .measurement) -> AuditEntry {
        AuditEntry(actor: "a@example.gov", at: Date(timeIntervalSince1970: 0), entity: entity, key: "K", field: field, oldValue: old, newValue: new, source: .form)
    }

    @Test func aCorrectionReadsAsPeopleWriteIt() {
        let change = AuditWording.change([entry("value", "12.5", "13"), entry("status", "\"provisional\"", "\"final\"")])
        #expect(change == "Value: 12.5 → 13; Status: provisional → final")
    }

    @Test func anAddedRecordListsItsFieldsValueFirst() {
        let added = entry("", nil, #"{"note":"checked","status":"final","value":12}"#)
        #expect(AuditWording.change(added) == "Added: Value: 12, Status: final, Note: checked")
    }

    @Test func choicesFlagsListsAndNestedFieldsAreInWords() {
        #expect(AuditWording.value("\"intermediateOutcome\"") == "intermediate outcome")
        #expect(AuditWording.value("true") == "yes")
        #expect(AuditWording.value(#"["G1","G2"]"#) == "G1, G2")
        #expect(AuditWording.value(nil) == "—")
        #expect(AuditWording.value("\"DMV-WAIT\"") == "DMV-WAIT")
        #expect(AuditWording.value("13.0") == "13")
        #expect(AuditWording.fieldName("dataQuality.verification") == "Data quality, verification")
        #expect(AuditWording.change(entry("", #"{"value":1}"#, nil)) == "Removed (was Value: 1)")
    }

    @Test func aDateRangeCoversWholeUTCDays() {
        let filter = AuditFilter(from: CalendarDate(year: 2026, month: 3, day: 1), to: CalendarDate(year: 2026, month: 3, day: 2))
        #expect(filter.startInstant == Date(timeIntervalSince1970: 1_772_323_200))
        #expect(filter.endInstant == Date(timeIntervalSince1970: 1_772_323_200 + 2 * 86_400))
        #expect(AuditOrigin.people.sources == [.form, .api] && AuditOrigin.imports.sources == [.import, .cli])
    }
}
