import Foundation
import GoalStatCore

extension MeasurementStore {
    /// The audit key of a value: `INDICATOR/ORGUNIT/PERIODSTART`, the org unit empty for the indicator's own unit and
    /// the period as its first day, so that the key does not depend on how the plan prints periods:
    /// `FO-WAIT-MEDIAN//2026-07-01`, `FO-SERVED/DMV-FO-NORTH/2026-08-01`.
    public static func auditKey(indicator: String, orgUnit: String?, period: Period) -> String {
        "\(indicator)/\(orgUnit ?? "")/\(PeriodStorage.start(period))"
    }

    /// Whether values of this kind come in bulk (files, the demo) and are audited by their batch rather than one by one.
    static func isBulkLoad(_ kind: EntryKind) -> Bool {
        kind == .import || kind == .demo
    }

    /// The audit entries of one stored batch, as `store` describes them; `audit.batch` is the batch's id. A bulk load
    /// is audited by its counts alone (`additions` and `revisions` are not needed for it).
    static func auditEntries(
        kind: EntryKind, label: String, summary: MeasurementImportSummary, additions: [ParsedMeasurement],
        revisions: [(row: ParsedMeasurement, old: StoredValue)], audit: AuditContext
    ) -> [AuditEntry] {
        if isBulkLoad(kind) {
            let batch = AuditedBatch(label: label, rowsAdded: summary.added, rowsRevised: summary.revised)
            return [audit.entry(.importBatch, key: audit.batch?.uuidString ?? "", field: "", old: nil, new: AuditDiff.json(batch))]
        }
        var entries: [AuditEntry] = []
        for row in additions {
            entries.append(audit.entry(.measurement, key: auditKey(row), field: "", old: nil, new: AuditDiff.json(AuditedValue(row))))
        }
        for (row, old) in revisions {
            entries += audit.entries(.measurement, key: auditKey(row), old: AuditedValue(old), new: AuditedValue(row))
        }
        return entries
    }

    private static func auditKey(_ row: ParsedMeasurement) -> String {
        auditKey(indicator: row.indicator, orgUnit: row.orgUnit, period: row.period)
    }
}

/// The fields of a value the audit log records; a nil field is absent from its JSON.
private struct AuditedValue: Encodable {
    var value: Double?
    var level: String?
    var status: String
    var note: String?

    init(_ row: ParsedMeasurement) {
        value = row.value
        level = row.level
        status = row.status.rawValue
        note = row.note
    }

    init(_ stored: StoredValue) {
        value = stored.value
        level = stored.level
        status = stored.status
        note = stored.note
    }
}

/// What the audit log records of a bulk load.
private struct AuditedBatch: Encodable {
    var label: String
    var rowsAdded: Int
    var rowsRevised: Int
}
