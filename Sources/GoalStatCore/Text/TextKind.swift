/// The kinds of text GoalStat stores. Each has one length limit and one rule for the characters it may hold: this
/// is the single table every write path checks (framework files, measurements CSV, the JSON API, the HTML forms),
/// so that SQLite and PostgreSQL hold exactly the same texts and neither is handed a NUL byte or a 50 MB note.
///
/// | kind | limit | lines | used for |
/// | --- | --- | --- | --- |
/// | code | 64 | one | org unit, goal, indicator, milestone and plan codes |
/// | email | 254 | one | people's and users' email addresses (RFC 5321's limit) |
/// | name | 200 | one | names, titles, units, levels, perspectives, authors, token names |
/// | line | 1,000 | one | an indicator's data source and formula, a benchmark's source |
/// | longText | 20,000 | several | descriptions, statements, definitions, methodology, data-quality statements, rationales, narratives, reasons, notes |
///
/// Lengths count Unicode scalars (code points), as PostgreSQL's `length()` does.
public enum TextKind: String, Sendable, CaseIterable {
    case code, email, name, line, longText

    /// The table itself: the most characters a text of this kind may have, and whether it may span lines.
    public var limit: (maximumLength: Int, allowsLineBreaks: Bool) {
        switch self {
        case .code: (64, false)
        case .email: (254, false)
        case .name: (200, false)
        case .line: (1_000, false)
        case .longText: (20_000, true)
        }
    }

    public var maximumLength: Int { limit.maximumLength }

    /// Multi-line kinds accept line feed, carriage return (so CR LF from browsers and Windows files is stored as
    /// sent) and tab; single-line kinds accept none of them, so a name can never break a header, a CSV row or a log line.
    public var allowsLineBreaks: Bool { limit.allowsLineBreaks }
}
