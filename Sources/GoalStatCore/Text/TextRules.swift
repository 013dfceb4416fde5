/// Checks a text against its kind's limits (`TextKind`). One byte-level routine serves strings and CSV fields alike,
/// because the CSV reader runs it on every note of a million-row file.
public enum TextRules {
    /// The problem with `text` as a `kind`, or nil when it may be stored.
    public static func problem(in text: String, as kind: TextKind) -> TextProblem? {
        var copy = text
        return copy.withUTF8 { problem(inUTF8: $0, as: kind) }
    }

    /// The same check on UTF-8 bytes known to be valid: counts scalars by their lead bytes and refuses C0 controls
    /// (except tab, line feed and carriage return in multi-line kinds), DEL and the C1 controls U+0080–U+009F
    /// (encoded `C2 80`–`C2 9F`). NUL is the one PostgreSQL itself refuses; the others are refused because they are
    /// invisible, break terminals and logs, and are never typed on purpose.
    public static func problem(inUTF8 bytes: UnsafeBufferPointer<UInt8>, as kind: TextKind) -> TextProblem? {
        let (maximum, multiLine) = kind.limit
        // Fast path: no byte below 0x20, no DEL, no C2 lead byte and short enough in bytes means nothing to report.
        if bytes.count <= maximum, !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) { return nil }
        var scalars = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > maximum { return .tooLong(maximum: maximum) }
            }
            if byte < 0x20 {
                let isLineBreakOrTab = byte == 0x0A || byte == 0x0D || byte == 0x09
                if !isLineBreakOrTab { return .controlCharacter(position: scalars, scalar: UInt32(byte)) }
                if !multiLine { return .lineBreak(position: scalars, scalar: UInt32(byte)) }
            } else if byte == 0x7F {
                return .controlCharacter(position: scalars, scalar: 0x7F)
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                return .controlCharacter(position: scalars, scalar: UInt32(bytes[index + 1]))
            }
            index += 1
        }
        return nil
    }
}

/// Why a text cannot be stored; `message` is plain words for any interface.
public enum TextProblem: Error, Sendable, Equatable {
    /// More than `maximum` characters.
    case tooLong(maximum: Int)
    /// A control character (`scalar`) at a 1-based character position.
    case controlCharacter(position: Int, scalar: UInt32)
    /// A line feed, carriage return or tab in a single-line text.
    case lineBreak(position: Int, scalar: UInt32)

    public var message: String {
        switch self {
        case .tooLong(let maximum):
            "is too long: at most \(maximum) characters"
        case .controlCharacter(let position, let scalar):
            "has a control character (\(Self.name(scalar))) at character \(position); remove it"
        case .lineBreak(let position, let scalar):
            "must be one line: it has \(scalar == 0x09 ? "a tab" : "a line break") at character \(position)"
        }
    }

    private static func name(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
