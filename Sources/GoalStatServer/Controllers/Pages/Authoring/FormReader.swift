import GoalStatCore
import GoalStatStore

/// Reads a submitted form into a record's fields, collecting every mistake (each under its field) rather than
/// stopping at the first; the record's own rules (references, periods, texts) are the validator's, run on save.
struct FormReader {
    let values: FormValues
    var errors = FormErrors()

    init(_ values: FormValues) {
        self.values = values
    }

    mutating func required(_ name: String, _ label: String) -> String {
        guard let text = values.text(name) else {
            errors.add(name, "enter the \(label)")
            return ""
        }
        return text
    }

    func optional(_ name: String) -> String? { values.text(name) }

    func isOn(_ name: String) -> Bool { values.isOn(name) }

    func list(_ name: String) -> [String] {
        values.all(name).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One line per entry, blank lines left out.
    func lines(_ name: String) -> [String] {
        self[name].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    subscript(_ name: String) -> String { values[name] }

    mutating func choice<Value: RawRepresentable>(_ name: String, _ label: String, as _: Value.Type) -> Value? where Value.RawValue == String {
        guard let text = values.text(name) else {
            errors.add(name, "choose the \(label)")
            return nil
        }
        guard let value = Value(rawValue: text) else {
            errors.add(name, "'\(text)' is not one of the choices")
            return nil
        }
        return value
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = values.text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            errors.add(name, "enter a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func number(_ name: String) -> Double? {
        guard let text = values.text(name) else { return nil }
        switch DecimalText.parse(text) {
        case .success(let value): return value
        case .failure(let error):
            errors.add(name, error.reason)
            return nil
        }
    }

    /// `period.from` and `period.to`, both or neither.
    mutating func span(_ name: String) -> PeriodSpan? {
        let from = values.text("\(name).from"), to = values.text("\(name).to")
        switch (from, to) {
        case (nil, nil): return nil
        case let (from?, to?): return PeriodSpan(from: from, to: to)
        case (nil, _?):
            errors.add("\(name).from", "enter where the period starts, or leave both ends empty")
            return nil
        case (_?, nil):
            errors.add("\(name).to", "enter where the period ends, or leave both ends empty")
            return nil
        }
    }
}

extension FormValues {
    /// The form's text for a period span.
    mutating func setSpan(_ name: String, _ span: PeriodSpan?) {
        self["\(name).from"] = span?.from ?? ""
        self["\(name).to"] = span?.to ?? ""
    }

    mutating func setFlag(_ name: String, _ isOn: Bool) {
        self[name] = isOn ? "on" : ""
    }
}

extension FormErrors {
    /// The form field a validator's path names: the record's own path (`APIError.recordField`: `goals[0].leader` →
    /// `leader`), with list positions dropped (`deputies[1]` → `deputies`, one field of check boxes) or, for forms
    /// with a row per item, kept as a path step (`values[1].name` → `values.1.name`).
    static func field(_ path: String, keepingIndexes: Bool = false) -> String {
        let field = APIError.recordField(path)
        if keepingIndexes { return field.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "") }
        return field.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.split(separator: "[").first.map(String.init) ?? String($0) }
            .joined(separator: ".")
    }

    /// Every issue of a refused framework write, each under its form field.
    mutating func add(_ error: FrameworkImportError, keepingIndexes: Bool = false) {
        for issue in error.issues { add(Self.field(issue.field, keepingIndexes: keepingIndexes), issue.reason) }
    }
}
