/// The fields of an object as `JSONEncoder` wrote it (compact, keys sorted), cut from its bytes: `AuditDiff.flatten`
/// without decoding the record and encoding each field again. Hand-written because no JSON library here hands out
/// the source text of a value; it reads only what the encoder writes and answers nil for anything else (a value that
/// is not an object, an escaped key, a number a round trip through `JSONValue` could print otherwise), so the caller
/// then takes that round trip.
enum EncodedFields {
    static func fields(of bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var reader = Reader(bytes: bytes)
        var result: [String: String] = [:]
        guard reader.peek == UInt8(ascii: "{"), reader.object(path: "", into: &result), reader.index == bytes.count else { return nil }
        return result
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Reads the object at `index`, adding its fields under `path`.
        mutating func object(path: String, into result: inout [String: String]) -> Bool {
            index += 1  // {
            if peek == UInt8(ascii: "}") { index += 1; return true }
            while true {
                guard peek == UInt8(ascii: "\""), let key = plainKey() else { return false }
                guard peek == UInt8(ascii: ":") else { return false }
                index += 1
                let field = path.isEmpty ? key : "\(path).\(key)"
                if peek == UInt8(ascii: "{") {
                    guard object(path: field, into: &result) else { return false }
                } else {
                    let start = index
                    guard skipValue() else { return false }
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    // A null field is absent, as a nil one is.
                    if !(text.count == 4 && text.elementsEqual("null".utf8)) {
                        result[field] = String(decoding: text, as: UTF8.self)
                    }
                }
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return true
                default: return false
                }
            }
        }

        /// A key without escapes (a Swift property name), or nil.
        mutating func plainKey() -> String? {
            index += 1
            let start = index
            while let byte = peek, byte != UInt8(ascii: "\"") {
                if byte == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard peek != nil else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return key
        }

        /// Steps over one value that is not an object field's nested object (an array may hold objects).
        mutating func skipValue() -> Bool {
            guard let byte = peek else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while let byte = peek {
                    index += byte == UInt8(ascii: "\\") ? 2 : 1
                    if byte == UInt8(ascii: "\"") { return true }
                }
                return false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                index += 1
                if peek == close { index += 1; return true }
                while true {
                    if close == UInt8(ascii: "}") {
                        guard peek == UInt8(ascii: "\""), skipValue(), peek == UInt8(ascii: ":") else { return false }
                        index += 1
                    }
                    guard skipValue() else { return false }
                    switch peek {
                    case UInt8(ascii: ","): index += 1
                    case close: index += 1; return true
                    default: return false
                    }
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]).elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
            else { return false }
            index += count
            return true
        }

        /// A number a round trip through `JSONValue` prints the same: an integer of at most 18 digits (an Int64), or
        /// a decimal of at most 15 digits without an exponent (a Double keeps 15 digits exactly, and the encoder
        /// writes no trailing zeros).
        mutating func number() -> Bool {
            let negative = peek == UInt8(ascii: "-")
            if negative { index += 1 }
            var digits = 0, fraction = false
            while let byte = peek {
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digits += 1
                } else if byte == UInt8(ascii: "."), !fraction, digits > 0 {
                    fraction = true
                } else {
                    break
                }
                index += 1
            }
            guard digits > 0, bytes[index - 1] != UInt8(ascii: ".") else { return false }
            // -0 reads back as the integer 0.
            if negative, !fraction, digits == 1, bytes[index - 1] == UInt8(ascii: "0") { return false }
            return fraction ? digits <= 15 : digits <= 18
        }
    }
}
