import Plot

/// Small form controls of the appraisal pages, each labelled, with its hint and its error beside it.
enum AppraisalFormNodes {
    static func text<C: HTML.BodyContext>(
        _ id: String, _ name: String, _ label: String, value: String, error: String? = nil, hint: String? = nil, type: HTMLInputType = .text
    ) -> Node<C> {
        .field(
            id: id, label: label, hint: hint, error: error,
            .input([.type(type), .name(name), .value(value)] + Attribute.describing(id: id, hint: hint, error: error))
        )
    }

    static func long<C: HTML.BodyContext>(_ id: String, _ name: String, _ label: String, value: String, error: String? = nil, hint: String? = nil, rows: Int = 4) -> Node<C> {
        .field(id: id, label: label, hint: hint, error: error, .textarea(id: id, name: name, text: value, rows: rows, hint: hint, error: error))
    }

    static func select<C: HTML.BodyContext>(
        _ id: String, _ name: String, _ label: String, choices: [(label: String, value: String)], selected: String, error: String? = nil, hint: String? = nil
    ) -> Node<C> {
        .field(
            id: id, label: label, hint: hint, error: error,
            .select(id: id, name: name, hint: hint, error: error, choices.map { .choice($0.label, value: $0.value, selected: $0.value == selected) })
        )
    }

    static func checkbox<C: HTML.BodyContext>(_ id: String, _ name: String, _ label: String, checked: Bool, value: String = "on") -> Node<C> {
        .div(
            .class("field checkbox"),
            .input([.type(.checkbox), .attr("id", id), .name(name), .value(value)] + (checked ? [.attr("checked", "checked")] : [])),
            .label(.attr("for", id), .text(label))
        )
    }

    /// The refusal of a rule, with the section it comes from, at the top of a form.
    static func refusal<C: HTML.BodyContext>(_ message: String?) -> Node<C> {
        .unwrap(message) { message in
            .div(.class("error-summary"), .attr("role", "alert"), .h2(.text("Not saved")), .p(.plain(message)))
        }
    }
}
