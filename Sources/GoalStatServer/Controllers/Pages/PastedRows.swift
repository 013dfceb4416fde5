/// Rows pasted from a spreadsheet into the data-entry grid: `code, value[, status[, note]]`, separated by tabs (what a
/// spreadsheet puts on the clipboard) or commas, one indicator per line (SPEC §2a: low-burden data entry).
struct PastedRows: Equatable {
    struct Row: Equatable {
        var code: String
        var value: String
        var status: String?
        var note: String?
        /// The line of the pasted text it came from, counting from 1.
        var line = 0
    }

    /// The rows that could be read, and every line that could not, each with its number (not only the first).
    var rows: [Row] = []
    var problems: [String] = []

    /// Only the grid's indicators (`codes`) may be pasted.
    static func parse(_ text: String, codes: Set<String>) -> PastedRows {
        var result = PastedRows()
        var seen: [String: Int] = [:]
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let separator: Character = line.contains("\t") ? "\t" : ","
            let cells = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let number = index + 1
            guard cells.count >= 2 else {
                result.problems.append("line \(number): expected an indicator code and a value")
                continue
            }
            guard codes.contains(cells[0]) else {
                result.problems.append("line \(number): '\(cells[0])' is not one of the indicators in this grid")
                continue
            }
            if let first = seen[cells[0]] {
                result.problems.append("line \(number): \(cells[0]) is already on line \(first)")
                continue
            }
            seen[cells[0]] = number
            let status = cells.count > 2 && !cells[2].isEmpty ? cells[2].lowercased() : nil
            if let status, !["final", "provisional", "estimated", "missing"].contains(status) {
                result.problems.append("line \(number): status '\(cells[2])' is not final, provisional, estimated or missing")
                continue
            }
            let note = cells.count > 3 ? cells[3...].joined(separator: String(separator)) : nil
            result.rows.append(Row(code: cells[0], value: cells[1], status: status, note: note.flatMap { $0.isEmpty ? nil : $0 }, line: number))
        }
        return result
    }
}
