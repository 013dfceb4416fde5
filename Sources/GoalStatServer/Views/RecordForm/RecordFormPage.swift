import Plot

/// A page with one record's form: new or edit, with every refused field's error beside it and what was typed kept.
struct RecordFormPage: Sendable {
    var title: String
    var lead: String?
    var breadcrumb: [(label: String, url: SiteURL)] = []
    var action: SiteURL
    var sections: [FormSection]
    var values: FormValues
    var errors = FormErrors()
    /// Sent back unchanged (the version an edit started from).
    var hidden: [(name: String, value: String)] = []
    /// Advice that does not stop a save (too many key indicators on a goal).
    var notices: [String] = []
    /// Set when the save was refused because someone changed the record meanwhile.
    var staleNotice: String?
    var submitLabel: String
    var cancel: SiteURL
    /// A link to remove the record, on its edit form.
    var removal: SiteURL?
    /// What the record holds so far (its history, a chart), rendered markup shown above the form.
    var details: String?

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: title, current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .if(!breadcrumb.isEmpty, .p(.class("breadcrumb"), .forEach(breadcrumb) { item in
                    .group(.a(.href(item.url), .plain(item.label)), .text(" "))
                })),
                .h1(.plain(title)),
                .unwrap(lead) { .p(.class("lead"), .plain($0)) }
            ),
            .unwrap(staleNotice) { notice in
                .div(.class("error-summary"), .attr("role", "alert"), .h2(.text("Changed meanwhile")), .p(.plain(notice)))
            },
            .unwrap(details) { .raw($0) },
            .errorSummary(summaryItems),
            .if(!notices.isEmpty, .div(.class("notice"), .attr("role", "status"), .ul(.forEach(notices) { .li(.plain($0)) }))),
            .if(!sections.isEmpty, form(context)),
            .unwrap(removal) { url in
                .p(.a(.class("danger-link"), .href(url), .text("Remove this record…")))
            }
        ))
    }

    private var allFields: [FormField] { sections.flatMap(\.fields) }

    private var summaryItems: [(fieldID: String, message: String)] {
        let known = allFields.compactMap { field in errors.fields[field.name].map { (fieldID: field.id, message: "\(field.label): \($0)") } }
        let others = errors.fields.keys.filter { key in !allFields.contains { $0.name == key } }.sorted().map { key in
            (fieldID: "record-form", message: key.isEmpty ? errors.fields[key] ?? "" : "\(key): \(errors.fields[key] ?? "")")
        }
        return others + known
    }

    private func form(_ context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .id("record-form"),
            .class("stacked-form"),
            .action(action),
            .method(.post),
            .csrfField(context),
            .forEach(hidden) { item in .input(.type(.hidden), .attr("name", item.name), .attr("value", item.value)) },
            .forEach(sections) { section in
                if let title = section.title {
                    return .fieldset(
                        .element(named: "legend", nodes: [.plain(title)]),
                        .unwrap(section.hint) { .p(.class("hint"), .plain($0)) },
                        .forEach(section.fields) { control($0) }
                    )
                }
                return .group(section.fields.map { control($0) })
            },
            .div(
                .class("form-actions"),
                .button(.type(.submit), .plain(submitLabel)),
                .a(.href(cancel), .text("Cancel"))
            )
        )
    }

    private func control(_ field: FormField) -> Node<HTML.FormContext> {
        let error = errors.fields[field.name]
        let value = values[field.name]
        switch field.kind {
        case .text(let numeric, let date):
            let attributes: [Attribute<HTML.InputContext>] = [
                .type(date ? .date : .text), .attr("name", field.name), .attr("value", value),
                numeric ? .attr("inputmode", "decimal") : .empty,
                .flag("required", field.required), .flag("readonly", field.readOnly),
            ] + Attribute.describing(id: field.id, hint: field.hint, error: error)
            return .field(id: field.id, label: field.label, hint: field.hint, error: error, .input(attributes))
        case .longText(let rows):
            return .field(
                id: field.id, label: field.label, hint: field.hint, error: error,
                .textarea(id: field.id, name: field.name, text: value, rows: rows, required: field.required, hint: field.hint, error: error)
            )
        case .choice(let choices):
            return .field(id: field.id, label: field.label, hint: field.hint, error: error, .select(
                id: field.id, name: field.name, hint: field.hint, error: error,
                choices.map { .choice($0.label, value: $0.value, selected: $0.value == value) }
            ))
        case .choices(let choices):
            let chosen = Set(values.all(field.name))
            return .fieldset(
                .class(error == nil ? "field check-list" : "field check-list has-error"),
                .attr("id", field.id),
                .describedBy([field.hint == nil ? nil : field.id + "-hint", error == nil ? nil : field.id + "-error"]),
                .element(named: "legend", nodes: [.plain(field.label)]),
                .unwrap(field.hint) { .p(.class("hint"), .attr("id", field.id + "-hint"), .plain($0)) },
                .fieldError(id: field.id + "-error", error),
                .if(choices.isEmpty, .p(.class("muted"), .text("Nothing to choose from yet."))),
                .forEach(Array(choices.enumerated())) { index, choice in
                    .div(
                        .class("check"),
                        .input(
                            .type(.checkbox), .attr("id", "\(field.id)-\(index)"), .attr("name", field.name), .attr("value", choice.value),
                            .flag("checked", chosen.contains(choice.value))
                        ),
                        .label(.attr("for", "\(field.id)-\(index)"), .plain(choice.label))
                    )
                }
            )
        case .toggle:
            return .div(
                .class(error == nil ? "field check" : "field check has-error"),
                .fieldError(id: field.id + "-error", error),
                .input(
                    [.type(.checkbox), .attr("name", field.name), .attr("value", "on"), .flag("checked", values.isOn(field.name))]
                        + Attribute.describing(id: field.id, hint: field.hint, error: error)
                ),
                .label(.attr("for", field.id), .plain(field.label)),
                .unwrap(field.hint) { .p(.class("hint"), .attr("id", field.id + "-hint"), .plain($0)) }
            )
        }
    }
}
