/// One problem found in an import: the line of the file, the column (by name) and the reason in plain words.
///
/// The JSON API uses the same shape for the `details` of an import error (SPEC §5a); `column` is
/// `null` when the problem concerns a whole row (wrong number of fields, a duplicate).
public struct ImportIssue: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    /// The physical line of the file where the row starts (the header is line 1).
    public var line: Int
    /// The column's name as written in the header, or nil for the whole row.
    public var column: String?
    /// What is wrong, in plain words.
    public var reason: String

    /// An issue on `line`, in `column` (nil: the whole row).
    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        column.map { "line \(line), column \($0): \(reason)" } ?? "line \(line): \(reason)"
    }

    private enum CodingKeys: String, CodingKey { case line, column, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decodeIfPresent(String.self, forKey: .column)
        reason = try container.decode(String.self, forKey: .reason)
    }

    /// Encodes `column` as `null` rather than leaving it out, so API clients always see the three keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(reason, forKey: .reason)
    }
}
