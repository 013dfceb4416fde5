import Foundation

/// Audit values as people write them: `Value: 12.5 → 13; Status: provisional → final`, not JSON text.
public enum AuditWording {
    /// One sentence for the entries of one change (the fields of one record changed at one moment).
    /// A record added whole lists its fields; a record removed whole says so.
    public static func change(_ entries: [AuditEntry]) -> String {
        // The fields of a value first, as a person reads them (the log writes them alphabetically).
        let ordered = entries.enumerated().sorted { a, b in
            a.element.field == b.element.field || (!order(a.element.field, b.element.field) && !order(b.element.field, a.element.field))
                ? a.offset < b.offset : order(a.element.field, b.element.field)
        }
        return ordered.map { change($0.element) }.joined(separator: "; ")
    }

    /// One entry in words: `Value: 12.5 → 13`, `Added: Value: 12.5, Status: final`, `Removed`.
    public static func change(_ entry: AuditEntry) -> String {
        if entry.field.isEmpty {
            switch (entry.oldValue, entry.newValue) {
            case (nil, let new?): return "Added: " + value(new)
            case (_?, nil): return "Removed (was " + value(entry.oldValue) + ")"
            default: return value(entry.oldValue) + " → " + value(entry.newValue)
            }
        }
        return "\(fieldName(entry.field)): \(value(entry.oldValue)) → \(value(entry.newValue))"
    }

    /// A field path in words: `dataQuality.verification` → `Data quality, verification`, `rowsAdded` → `Rows added`.
    public static func fieldName(_ path: String) -> String {
        let parts = path.split(separator: ".").map { words(String($0)) }
        guard let first = parts.first else { return "Record" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: ", ")
    }

    /// A JSON text in words: strings as they are (a camelCase choice in words), numbers in their shortest form,
    /// `yes`/`no`, lists joined by commas, objects as `Field: value` pairs; nothing at all is `—`.
    public static func value(_ json: String?) -> String {
        guard let json else { return "—" }
        guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return json }
        return words(of: parsed)
    }

    private static func words(of value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "yes" : "no"
        case .int(let number): return String(number)
        case .double(let number): return self.number(number)
        case .string(let text): return isChoice(text) ? words(text) : text
        case .array(let items): return items.isEmpty ? "none" : items.map(words(of:)).joined(separator: ", ")
        case .object(let members):
            return members.sorted { order($0.key, $1.key) }
                .filter { $0.value != .null }
                .map { "\(fieldName($0.key)): \(words(of: $0.value))" }
                .joined(separator: ", ")
        }
    }

    /// Whole numbers without a fraction (`13`), others in the shortest form that reads back the same (`12.5`).
    public static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A camelCase word of a choice (`intermediateOutcome`, `onTrack`): one lower-case word then capitalised ones,
    /// letters only. Codes, emails and sentences are not choices.
    private static func isChoice(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) }
            && text.unicodeScalars.contains { CharacterSet.uppercaseLetters.contains($0) }
    }

    /// `intermediateOutcome` → `intermediate outcome`.
    private static func words(_ camelCase: String) -> String {
        var result = ""
        for character in camelCase {
            if character.isUppercase, !result.isEmpty { result += " " }
            result += character.lowercased()
        }
        return result
    }

    /// The fields of a value first, in the order a person reads them; the rest alphabetically.
    private static func order(_ a: String, _ b: String) -> Bool {
        let first = ["value", "level", "status", "note", "reason", "label", "rowsAdded", "rowsRevised"]
        switch (first.firstIndex(of: a), first.firstIndex(of: b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a < b
        }
    }
}
