import GoalStatCore

/// An org unit: a node of the organisation's tree (department → agency → office → program → team).
enum OrgUnitForm: RecordForm {
    static let noun = "org unit"

    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection] {
        [FormSection(title: nil, hint: nil, fields: [
            FormField(name: "code", label: "Code", hint: editing ? "A code cannot change once records refer to it." : "A short, stable code such as DMV-FO (letters, digits, . _ -).", kind: .text(), required: true, readOnly: editing),
            FormField(name: "name", label: "Name", kind: .text(), required: true),
            FormField(name: "kind", label: "Kind", kind: .choice(OrgUnitKind.choices(\.title)), required: true),
            FormField(name: "parent", label: "Part of", hint: "Leave empty for the top of the tree.", kind: .choice([FormChoices.none("Nothing (top of the tree)")] + choices.orgUnits)),
        ])]
    }

    static func values(of unit: OrgUnit) -> FormValues {
        var values = FormValues()
        values["code"] = unit.code
        values["name"] = unit.name
        values["kind"] = unit.kind.rawValue
        values["parent"] = unit.parent ?? ""
        return values
    }

    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues {
        var values = FormValues()
        values["kind"] = OrgUnitKind.office.rawValue
        values["parent"] = query["parent"]
        return values
    }

    static func record(from values: FormValues) -> Result<OrgUnit, FormErrors> {
        var form = FormReader(values)
        let code = form.required("code", "code"), name = form.required("name", "name")
        let kind = form.choice("kind", "kind", as: OrgUnitKind.self)
        guard form.errors.isEmpty, let kind else { return .failure(form.errors) }
        return .success(OrgUnit(code: code, name: name, kind: kind, parent: form.optional("parent")))
    }

    static func page(of unit: OrgUnit) -> SiteURL { .framework }
    static func title(of unit: OrgUnit) -> String { unit.name }
}

/// A person: someone who leads goals, stewards data or sets targets (sign-in accounts are managed on Users).
enum PersonForm: RecordForm {
    static let noun = "person"

    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection] {
        [FormSection(title: nil, hint: nil, fields: [
            FormField(name: "email", label: "Email address", hint: editing ? "The address is the person's key and cannot change." : "Reminders go to this address.", kind: .text(), required: true, readOnly: editing),
            FormField(name: "name", label: "Name", kind: .text(), required: true),
            FormField(name: "title", label: "Job title", kind: .text()),
            FormField(name: "orgUnit", label: "Org unit", kind: .choice([FormChoices.none("None")] + choices.orgUnits)),
        ])]
    }

    static func values(of person: Person) -> FormValues {
        var values = FormValues()
        values["email"] = person.email
        values["name"] = person.name
        values["title"] = person.title ?? ""
        values["orgUnit"] = person.orgUnit ?? ""
        return values
    }

    static func record(from values: FormValues) -> Result<Person, FormErrors> {
        var form = FormReader(values)
        let email = form.required("email", "email address"), name = form.required("name", "name")
        guard form.errors.isEmpty else { return .failure(form.errors) }
        return .success(Person(email: email, name: name, orgUnit: form.optional("orgUnit"), title: form.optional("title")))
    }

    static func page(of person: Person) -> SiteURL { .framework }
    static func title(of person: Person) -> String { person.name }
}
