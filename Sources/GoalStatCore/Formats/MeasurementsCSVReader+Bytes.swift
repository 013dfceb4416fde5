/// Byte-level helpers of the reader: field contents without copies, UTF-8 checks, and the row estimate.
extension MeasurementsCSVReader {
    /// Calls `body` with a field's content, its doubled quotes made single (the rare case that costs a copy).
    @inline(__always)
    static func withBytes<Result>(
        of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard field.hasEscapedQuotes else { return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])) }
        return CSVTokenizer.unescapedBytes(of: field, in: bytes).withUnsafeBufferPointer(body)
    }

    /// Whether two fields without doubled quotes hold the same bytes.
    @inline(__always)
    static func sameBytes(_ left: CSVField, _ right: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !left.hasEscapedQuotes && !right.hasEscapedQuotes && ByteKeyTable.equal(
            UnsafeBufferPointer(rebasing: bytes[left.start..<left.end]),
            UnsafeBufferPointer(rebasing: bytes[right.start..<right.end])
        )
    }

    /// A field's content as text, invalid UTF-8 replaced (for messages and header names).
    static func string(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        Self.withBytes(of: field, in: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of `bytes`, or nil when they are not valid UTF-8.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces each invalid sequence with U+FFFD, which changes the bytes.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// Why a note cannot be stored.
    enum NoteProblem: Error {
        case notUTF8
        case text(TextProblem)
    }

    /// A note's text, checked against `TextKind.longText` on its bytes before any string is made.
    static func checkedNote(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, NoteProblem> {
        guard let text = validString(bytes) else { return .failure(.notUTF8) }
        if let problem = TextRules.problem(inUTF8: bytes, as: .longText) { return .failure(.text(problem)) }
        return .success(text)
    }

    /// Whether any byte is outside ASCII.
    static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    /// A generous row count (line breaks), to size the row array and the duplicate table once.
    static func estimatedRowCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var lineBreaks = 0
        var offset = 0
        // Eight bytes at a time: a byte of `word ^ 0x0A…` is zero where a line feed was; count those zero bytes.
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let low7 = 0x7F7F_7F7F_7F7F_7F7F as UInt64
            let nonZero = ((word & low7) &+ low7) | word
            lineBreaks += (~nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
            offset += 8
        }
        while offset < count {
            if base[offset] == UInt8(ascii: "\n") { lineBreaks += 1 }
            offset += 1
        }
        return lineBreaks + 1
    }
}
