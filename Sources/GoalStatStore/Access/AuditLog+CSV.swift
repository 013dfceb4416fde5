import Foundation
import GoalStatCore

extension AuditLog {
    /// The CSV columns of an audit export.
    public static let csvHeader = ["at", "actor", "entity", "key", "field", "old_value", "new_value", "source", "batch"]

    /// Entries as RFC 4180 CSV. Cells that a spreadsheet would run as a formula (`=`, `+`, `@`, tab, return first)
    /// get a leading apostrophe: an audit export is opened by people, and a stored value must not run in it.
    public static func csv(_ entries: [AuditEntry]) -> String {
        let formatter = ISO8601DateFormatter()
        var lines = [csvHeader.joined(separator: ",")]
        for entry in entries {
            let cells = [
                formatter.string(from: entry.at), entry.actor ?? "", entry.entity.rawValue, entry.key, entry.field,
                entry.oldValue ?? "", entry.newValue ?? "", entry.source.rawValue, entry.batch?.uuidString ?? "",
            ]
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvCell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
