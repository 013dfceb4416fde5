import Foundation

/// The field-by-field difference between two versions of any Codable record, for the audit log.
///
/// Both versions are encoded with `JSONEncoder` (ISO 8601 dates) and flattened to `path → JSON text`:
/// nested objects become dotted paths (`dataQuality.verification`), arrays stay whole (`["a","b"]`), a nil or
/// absent value has no entry. So any domain record can be diffed without a hand-written list of its fields.
public enum AuditDiff {
    /// One changed field. Values are JSON text (`"Faster service"`, `22.5`, `true`, `["a"]`); nil means absent.
    public struct Change: Sendable, Equatable, Hashable {
        public var field: String
        public var oldValue: String?
        public var newValue: String?

        public init(field: String, oldValue: String?, newValue: String?) {
            self.field = field
            self.oldValue = oldValue
            self.newValue = newValue
        }
    }

    /// The changed fields, sorted by path. Pass nil as `old` for a new record and as `new` for a removed one.
    public static func changes<Record: Encodable>(old: Record?, new: Record?) -> [Change] {
        var before: [String: String] = [:]
        var after: [String: String] = [:]
        if let old { before = flatten(old) }
        if let new { after = flatten(new) }
        return Set(before.keys).union(after.keys).sorted().compactMap { field in
            before[field] == after[field] ? nil : Change(field: field, oldValue: before[field], newValue: after[field])
        }
    }

    /// `path → JSON text` for one record; a record that is not an object (a bare number) has the path "".
    ///
    /// Each value's text is cut from the record's own encoding instead of being encoded once more by itself: a
    /// framework import of 2,000 indicators flattens about 8,000 records into 54,000 fields, and a `JSONEncoder`
    /// round trip per field was a quarter of its time. The encoder's compact output with sorted keys is what
    /// encoding the field alone gives, except for numbers it may print otherwise after a round trip through
    /// `JSONValue` (an exponent, more digits than a Double keeps); a record with such a number takes the round trip.
    public static func flatten<Record: Encodable>(_ record: Record) -> [String: String] {
        let encoder = makeEncoder()
        guard let data = try? encoder.encode(record) else {
            // A record that cannot be encoded has a throwing encode(to:); record that fact rather than nothing.
            return ["": "\"(not encodable)\""]
        }
        if let fields = data.withUnsafeBytes({ EncodedFields.fields(of: $0.bindMemory(to: UInt8.self)) }) {
            return fields
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return ["": "\"(not encodable)\""] }
        var result: [String: String] = [:]
        value.flatten(into: &result, path: "", encoder: encoder)
        return result
    }

    /// A whole record as one JSON text (keys sorted, nil fields absent), for an entry that records it at once.
    public static func json<Record: Encodable>(_ record: Record) -> String {
        guard let data = try? makeEncoder().encode(record) else { return "\"(not encodable)\"" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}

extension JSONValue {
    func flatten(into result: inout [String: String], path: String, encoder: JSONEncoder) {
        switch self {
        case .null:
            return
        case .object(let members):
            for (key, value) in members {
                value.flatten(into: &result, path: path.isEmpty ? key : "\(path).\(key)", encoder: encoder)
            }
        default:
            result[path] = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
    }
}
