import Plot

/// One field of a record's form. `name` is the field's path in the record as the framework file names it
/// (`leader`, `dataQuality.source`), so that a rule the validator reports against that path lands beside it.
struct FormField: Sendable {
    enum Kind: Sendable {
        case text(numeric: Bool = false, date: Bool = false)
        case longText(rows: Int)
        /// One of a list (a `<select>`).
        case choice([FormChoice])
        /// Any of a list (check boxes).
        case choices([FormChoice])
        /// Yes or no (one check box).
        case toggle
    }

    var name: String
    var label: String
    var hint: String?
    var kind: Kind
    var required = false
    /// Shown but not editable (a key cannot be renamed).
    var readOnly = false

    /// The element id: field paths hold dots, which CSS selectors and fragment links handle badly.
    var id: String { "field-" + name.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "") }
}

struct FormChoice: Sendable {
    var label: String
    var value: String
}

/// A group of fields under a heading (a `<fieldset>`).
struct FormSection: Sendable {
    var title: String?
    var hint: String?
    var fields: [FormField]
}

/// What a form shows or what was submitted: each field's values (one, or several for check boxes).
struct FormValues: Sendable, Equatable {
    var values: [String: [String]] = [:]

    init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    subscript(_ name: String) -> String {
        get { values[name]?.first ?? "" }
        set { values[name] = [newValue] }
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    mutating func set(_ name: String, _ list: [String]) { values[name] = list }

    /// The trimmed text of a field, nil when blank.
    func text(_ name: String) -> String? {
        let text = self[name].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func isOn(_ name: String) -> Bool {
        ["on", "true", "yes", "1"].contains(self[name].lowercased())
    }
}

/// Field name → message, for a refused submission; an error without a field of its own goes under `general`.
struct FormErrors: Error, Sendable {
    static let general = ""
    var fields: [String: String] = [:]

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ name: String, _ message: String) {
        if let existing = fields[name] {
            fields[name] = existing + "; " + message
        } else {
            fields[name] = message
        }
    }
}
