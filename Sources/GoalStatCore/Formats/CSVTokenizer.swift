// An RFC 4180 tokenizer written by hand rather than taken from a CSV library, for three reasons:
// - SPEC §3.1 counts *physical* lines, so a row that follows a quoted field with line breaks in it must
//   still be reported on the line where it starts; libraries number records, not lines;
// - every bad row is reported with its column and the reader keeps going, so quoting mistakes must
//   become per-row problems instead of aborting the whole parse;
// - the speed budget (a million rows well under 1.5 s) rules out a `String` per field: this tokenizer
//   hands out byte ranges into the caller's buffer and allocates nothing per row.

/// One field of a CSV record: a byte range into the input, between the quotes when it was quoted.
struct CSVField {
    /// The first byte of the content.
    var start: Int
    /// One past the last byte of the content.
    var end: Int
    /// Whether the field was in double quotes.
    var quoted: Bool
    /// Whether the content holds doubled quotes (`""`) that stand for one quote each.
    var hasEscapedQuotes: Bool

    var isEmpty: Bool { start == end }
}

/// A quoting mistake in a record; the tokenizer recovers at the next comma or line break (except for an unterminated quote).
enum CSVRecordProblem: Equatable {
    /// A quoted field never closes: the rest of the file became part of it.
    case unterminatedQuote(field: Int, line: Int)
    /// A quote inside a field that did not start with one.
    case quoteInUnquotedField(field: Int)
    /// Text between a field's closing quote and the next comma or line break.
    case textAfterClosingQuote(field: Int)

    /// The index of the field where the problem is.
    var field: Int {
        switch self {
        case .unterminatedQuote(let field, _), .quoteInUnquotedField(let field), .textAfterClosingQuote(let field): field
        }
    }
}

/// Splits UTF-8 bytes into RFC 4180 records, counting physical lines.
struct CSVTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The physical line (from 1) that `position` is on.
    private var line = 1

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// A tokenizer over `bytes`, skipping a UTF-8 byte-order mark.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes: bytes, line: 1, atStartOfFile: true)
    }

    /// A tokenizer over one chunk of a file whose first byte is on `line`; only the file's start may hold a
    /// byte-order mark.
    init(bytes: UnsafeBufferPointer<UInt8>, line: Int, atStartOfFile: Bool) {
        self.bytes = bytes
        self.line = line
        let hasByteOrderMark = atStartOfFile && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    /// Where the next record starts, and its line: saved before a record and restored when a chunk ends inside it.
    var state: (position: Int, line: Int) {
        get { (position, line) }
        set { (position, line) = newValue }
    }

    /// Whether the last record read ended with its line break, so that it is known to be whole (a line break
    /// inside a quoted field that is still open does not count).
    private(set) var lastRecordEndedWithLineBreak = false

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next record's fields into `fields` (replacing its contents); returns the line it starts on
    /// and its first quoting problem, or nil at the end of the input.
    mutating func nextRecord(into fields: inout [CSVField]) -> (line: Int, problem: CSVRecordProblem?)? {
        let count = bytes.count
        lastRecordEndedWithLineBreak = false
        guard position < count else { return nil }
        fields.removeAll(keepingCapacity: true)
        let recordLine = line
        var problem: CSVRecordProblem?
        var cursor = position

        while true {
            if cursor < count && bytes[cursor] == Self.quote {
                let fieldLine = line
                let contentStart = cursor + 1
                var scan = contentStart
                var escaped = false
                var closed = false
                while scan < count {
                    let byte = bytes[scan]
                    if byte == Self.quote {
                        if scan + 1 < count && bytes[scan + 1] == Self.quote {
                            escaped = true
                            scan += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == Self.lineFeed { line += 1 }
                    scan += 1
                }
                guard closed else {
                    fields.append(CSVField(start: contentStart, end: count, quoted: true, hasEscapedQuotes: escaped))
                    position = count
                    return (recordLine, problem ?? .unterminatedQuote(field: fields.count - 1, line: fieldLine))
                }
                fields.append(CSVField(start: contentStart, end: scan, quoted: true, hasEscapedQuotes: escaped))
                cursor = scan + 1
                if cursor < count, !isFieldEnd(at: cursor) {
                    if problem == nil { problem = .textAfterClosingQuote(field: fields.count - 1) }
                    while cursor < count && bytes[cursor] != Self.comma && bytes[cursor] != Self.lineFeed {
                        cursor += 1
                    }
                }
            } else {
                let fieldStart = cursor
                // Most bytes of real data (digits, letters, '-', '.') are above ',' (0x2C): one comparison each.
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte <= Self.comma {
                        if byte == Self.comma || byte == Self.lineFeed { break }
                        if byte == Self.quote && problem == nil { problem = .quoteInUnquotedField(field: fields.count) }
                    }
                    cursor += 1
                }
                var fieldEnd = cursor
                if fieldEnd > fieldStart && bytes[fieldEnd - 1] == Self.carriageReturn { fieldEnd -= 1 }
                fields.append(CSVField(start: fieldStart, end: fieldEnd, quoted: false, hasEscapedQuotes: false))
            }

            if cursor >= count {
                position = count
                return (recordLine, problem)
            }
            if bytes[cursor] == Self.comma {
                cursor += 1
                continue
            }
            if bytes[cursor] == Self.carriageReturn { cursor += 1 }
            if cursor < count && bytes[cursor] == Self.lineFeed {
                cursor += 1
                line += 1
                lastRecordEndedWithLineBreak = true
            }
            position = cursor
            return (recordLine, problem)
        }
    }

    /// Whether the byte at `index` ends a field: a comma, a line feed, or a CR before a line feed or the end.
    private func isFieldEnd(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == Self.comma || byte == Self.lineFeed { return true }
        return byte == Self.carriageReturn && (index + 1 == bytes.count || bytes[index + 1] == Self.lineFeed)
    }

    /// The content of `field` with doubled quotes made single.
    static func unescapedBytes(of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(field.end - field.start)
        var index = field.start
        while index < field.end {
            let byte = bytes[index]
            result.append(byte)
            index += byte == quote && field.hasEscapedQuotes && index + 1 < field.end && bytes[index + 1] == quote ? 2 : 1
        }
        return result
    }
}
