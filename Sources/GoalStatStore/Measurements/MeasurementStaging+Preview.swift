import GoalStatCore
import SQLKit

/// What staged rows would do, read without writing: for the preview of an upload.
extension MeasurementStaging {
    struct PreviewCounts {
        var added: Int
        var corrected: Int
        var needingReason: Int
    }

    /// The condition of a correction of a final value whose row gives no reason (as `requireReasons` has it).
    private var needsReason: String {
        "m.status = 'final' AND (s.reason IS NULL OR s.reason = '') AND (m.value \(distinct) s.value OR m.level \(distinct) s.level)"
    }

    private var changed: String { "m.indicator_code IS NULL OR \(differs(old: "m", new: "s"))" }

    func previewCounts() async throws -> PreviewCounts {
        let row = try await sql.raw("""
            SELECT SUM(CASE WHEN m.indicator_code IS NULL THEN 1 ELSE 0 END) AS added,
                SUM(CASE WHEN m.indicator_code IS NOT NULL AND (\(unsafeRaw: differs(old: "m", new: "s"))) THEN 1 ELSE 0 END) AS corrected,
                SUM(CASE WHEN \(unsafeRaw: needsReason) THEN 1 ELSE 0 END) AS needing
            FROM \(unsafeRaw: table) s LEFT JOIN \(ident: MeasurementTable.name) m \(unsafeRaw: Self.sameKey)
            """).first()
        return PreviewCounts(
            added: try row?.decode(column: "added", as: Int?.self) ?? 0,
            corrected: try row?.decode(column: "corrected", as: Int?.self) ?? 0,
            needingReason: try row?.decode(column: "needing", as: Int?.self) ?? 0
        )
    }

    /// The first `limit` new or changed rows, by line, each with the stored row it would replace.
    func previewRows(limit: Int) async throws -> [any SQLRow] {
        try await sql.raw("""
            SELECT s.line, s.indicator_code, s.org_unit_code, s.period_start, s.value, s.level, s.status, s.note,
                m.indicator_code AS old_indicator, m.value AS old_value, m.level AS old_level, m.status AS old_status, m.note AS old_note,
                CASE WHEN \(unsafeRaw: needsReason) THEN 1 ELSE 0 END AS needs_reason
            FROM \(unsafeRaw: table) s LEFT JOIN \(ident: MeasurementTable.name) m \(unsafeRaw: Self.sameKey)
            WHERE \(unsafeRaw: changed)
            ORDER BY s.line LIMIT \(unsafeRaw: String(limit))
            """).all()
    }
}
