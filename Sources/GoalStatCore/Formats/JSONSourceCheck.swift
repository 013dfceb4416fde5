/// A JSON text's first problem, with its place: a syntax error, a key given twice in one object, or a number that
/// would not survive as a `Double`.
public struct JSONSourceProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all at this point.
        case syntax
        /// A key given twice in one object.
        case duplicateKey
        /// Well-formed, but a number a `Double` cannot hold.
        case numberOutOfRange
    }

    public var kind: Kind
    public var position: SourcePosition
    /// The value the problem is in, as steps from the root (empty for the document itself).
    public var path: [DocumentPathComponent]
    public var reason: String

    public init(kind: Kind, position: SourcePosition, path: [DocumentPathComponent], reason: String) {
        self.kind = kind
        self.position = position
        self.path = path
        self.reason = reason
    }

    public var description: String { "line \(position.line), column \(position.column): \(reason)" }
}

/// Reads JSON for what `JSONDecoder` does not say: where a syntax error is (it gives at best an offset in a debug
/// text), that an object repeats a key (Foundation keeps one silently; RFC 8259 leaves duplicates undefined, so no
/// decoder we have refuses them), and that a number literal overflows or underflows (`1e-400` decodes as 0). No
/// package on this machine's mirror offers a JSON reader with positions and duplicate detection, so this is a small
/// recursive-descent checker run before decoding; it allocates only for object keys.
public enum JSONSourceCheck {
    /// The first problem in `bytes`, or nil when the text is one well-formed JSON value with unique keys and
    /// representable numbers.
    public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> JSONSourceProblem? {
        var scanner = JSONScanner(bytes: bytes, targets: [])
        do {
            try scanner.document()
            return nil
        } catch let failure as JSONScanner.Failure {
            return JSONSourceProblem(
                kind: failure.kind, position: SourcePosition.of(offset: failure.offset, in: bytes), path: failure.path, reason: failure.reason
            )
        } catch {
            return nil
        }
    }

    /// Where the values at `paths` start, for naming the line and column of problems found after decoding; one
    /// pass over the text however many paths are asked for. Paths that are not in the text are left out.
    public static func positions(
        of paths: Set<[DocumentPathComponent]>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> [[DocumentPathComponent]: SourcePosition] {
        guard !paths.isEmpty else { return [:] }
        var scanner = JSONScanner(bytes: bytes, targets: paths)
        try? scanner.document()
        let places = SourcePosition.of(offsets: Array(scanner.found.values), in: bytes)
        return scanner.found.compactMapValues { places[$0] }
    }
}

/// The scanner behind `JSONSourceCheck`: RFC 8259's grammar, one value per document.
struct JSONScanner {
    struct Failure: Error {
        var kind: JSONSourceProblem.Kind = .syntax
        var offset: Int
        var path: [DocumentPathComponent]
        var reason: String
    }

    /// Deeper nesting is refused rather than risking the stack (`JSONDecoder` stops at 512 too).
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    let targets: Set<[DocumentPathComponent]>
    /// The offset where each target's value starts.
    var found: [[DocumentPathComponent]: Int] = [:]
    var index = 0
    var depth = 0
    var path: [DocumentPathComponent] = []

    init(bytes: UnsafeBufferPointer<UInt8>, targets: Set<[DocumentPathComponent]>) {
        self.bytes = bytes
        self.targets = targets
    }

    mutating func document() throws {
        if let offset = Self.invalidUTF8Offset(bytes) { throw fail(at: offset, "the text is not valid UTF-8") }
        // A byte-order mark is tolerated, as JSONDecoder tolerates it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw fail(at: index, "the JSON text is empty") }
        try value()
        skipWhitespace()
        if index < bytes.count { throw fail(at: index, "unexpected text after the end of the JSON value") }
    }

    private mutating func value() throws {
        skipWhitespace()
        guard index < bytes.count else { throw fail(at: index, "the JSON text ends where a value was expected") }
        if !targets.isEmpty, targets.contains(path) { found[path] = index }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string(keeping: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw fail(at: index, "unexpected \(describe(at: index)) where a value was expected")
        }
    }

    private mutating func object() throws {
        try enter()
        index += 1
        var keys: [String: Int] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail(at: index, "expected a key in double quotes, found \(describe(at: index))")
            }
            let keyOffset = index
            let key = try string(keeping: true) ?? ""
            if let first = keys[key] {
                let place = SourcePosition.of(offset: first, in: bytes)
                throw fail(
                    .duplicateKey, at: keyOffset,
                    "the key \"\(key)\" appears twice in this object, first at line \(place.line), column \(place.column); keep one"
                )
            }
            keys[key] = keyOffset
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail(at: index, "expected ':' after the key \"\(key)\", found \(describe(at: index))")
            }
            index += 1
            path.append(.key(key))
            try value()
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw fail(at: index, "the JSON text ends inside an object; a '}' is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return
            } else {
                throw fail(at: index, "expected ',' or '}' after a value in an object, found \(describe(at: index))")
            }
        }
    }

    private mutating func array() throws {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        var position = 0
        while true {
            path.append(.index(position))
            try value()
            path.removeLast()
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail(at: index, "the JSON text ends inside a list; a ']' is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return
            } else {
                throw fail(at: index, "expected ',' or ']' after a value in a list, found \(describe(at: index))")
            }
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw fail(at: index, "nested more than \(Self.maximumDepth) levels deep") }
    }

    /// Reads a string; returns its text when `keeping` (object keys), else only checks it.
    private mutating func string(keeping: Bool) throws -> String? {
        let open = index
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return keeping ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self) : nil
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var text: [UInt8] = keeping ? Array(bytes[start..<index]) : []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return keeping ? String(decoding: text, as: UTF8.self) : nil
            case UInt8(ascii: "\\"):
                try escape(into: &text, keeping: keeping)
            case ..<0x20:
                throw fail(at: index, "a control character inside a string must be escaped (\\n, \\t, \\u0000)")
            default:
                if keeping { text.append(byte) }
                index += 1
            }
        }
        throw fail(at: open, "this string is never closed; a '\"' is missing")
    }

    private mutating func escape(into text: inout [UInt8], keeping: Bool) throws {
        let start = index
        index += 1
        guard index < bytes.count else { throw fail(at: start, "the JSON text ends inside an escape") }
        if let replacement = Self.simpleEscapes[bytes[index]] {
            if keeping { text.append(replacement) }
            index += 1
            return
        }
        guard bytes[index] == UInt8(ascii: "u") else {
            throw fail(at: start, "'\\\(describe(at: index))' is not an escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
        }
        var scalar = try hexQuad()
        if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail(at: start, "\\u\(String(scalar, radix: 16)) is half of a surrogate pair; the other half is missing")
            }
            index += 1
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail(at: start, "\\u\(String(scalar, radix: 16)) is half of a surrogate pair; the other half is missing")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw fail(at: start, "\\u\(String(scalar, radix: 16)) is half of a surrogate pair; the other half is missing")
        }
        if keeping, let unicode = Unicode.Scalar(scalar) { text += Array(String(Character(unicode)).utf8) }
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
        UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    /// Reads `uXXXX` (the index on the `u`) and returns the code unit.
    private mutating func hexQuad() throws -> UInt32 {
        let start = index - 1
        index += 1
        guard index + 4 <= bytes.count else { throw fail(at: start, "\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail(at: start, "\\u needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func number() throws {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits() > 0
        }
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits() > 0
        }
        // Take in the rest of what looks like the same token, so the message quotes all of it.
        while index < bytes.count, !Self.endsToken(bytes[index]) { index += 1; valid = false }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: literal, as: UTF8.self)
        guard valid else {
            throw fail(at: start, "'\(text)' is not a JSON number (digits with an optional -, . and exponent; no leading zeros)")
        }
        if case .problem(let problem) = DoubleParsing.parse(literal) {
            throw fail(.numberOutOfRange, at: start, MeasurementsCSVReader.valueReason(problem, text))
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let start = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var matches = index + expected.count <= bytes.count
        if matches { matches = bytes[index..<(index + expected.count)].elementsEqual(expected) }
        index += matches ? expected.count : 0
        guard matches, index >= bytes.count || Self.endsToken(bytes[index]) else {
            throw fail(at: start, "unexpected \(describe(at: start)); text must be in double quotes")
        }
    }

    private static func endsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"), UInt8(ascii: " "), 0x09, 0x0A, 0x0D: true
        default: false
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the text" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        return bytes[offset] < 0x20 ? "a control character" : "'\(character)'"
    }

    private func fail(_ kind: JSONSourceProblem.Kind = .syntax, at offset: Int, _ reason: String) -> Failure {
        Failure(kind: kind, offset: offset, path: path, reason: reason)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil; ASCII-only text skips the decoder.
    static func invalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
