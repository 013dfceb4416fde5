import GoalStatCore

/// What a record's form needs to know: its fields, how a record fills them, and how they make a record.
/// One generic controller (`RecordFormController`) serves every kind through this.
protocol RecordForm: Sendable {
    associatedtype Record: Sendable
    /// "goal", "org unit": what the pages call the record.
    static var noun: String { get }
    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection]
    static func values(of record: Record) -> FormValues
    /// What a new record's form starts with.
    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues
    /// The record the form describes, or every mistake under its field.
    static func record(from values: FormValues) -> Result<Record, FormErrors>
    /// Where the record is shown after a save.
    static func page(of record: Record) -> SiteURL
    static func title(of record: Record) -> String
}

extension RecordForm {
    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues { FormValues() }
}

/// The records a form offers to choose from, as label and key.
struct FormChoices: Sendable {
    var orgUnits: [FormChoice]
    var people: [FormChoice]
    var goals: [FormChoice]
    var indicators: [FormChoice]
    var perspectives: [FormChoice]

    init(_ document: FrameworkDocument) {
        orgUnits = document.orgUnits.map { FormChoice(label: "\($0.name) (\($0.code))", value: $0.code) }
        people = document.people.map { FormChoice(label: "\($0.name) (\($0.email))", value: $0.email) }
        goals = document.goals.map { FormChoice(label: "\($0.code) — \($0.name)", value: $0.code) }
        indicators = document.indicators.map { FormChoice(label: "\($0.code) — \($0.name)", value: $0.code) }
        perspectives = (document.plan?.perspectives ?? Plan.defaultPerspectives).map { FormChoice(label: $0, value: $0) }
    }

    static func none(_ label: String) -> FormChoice { FormChoice(label: label, value: "") }
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    static func choices(_ title: (Self) -> String) -> [FormChoice] {
        allCases.map { FormChoice(label: title($0), value: $0.rawValue) }
    }
}
