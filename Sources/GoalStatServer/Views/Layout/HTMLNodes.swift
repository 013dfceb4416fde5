import Plot

// Plot escapes `.text` (but keeps anything that looks like an entity, so a note reading `&lt;` would show as `<`),
// and writes attribute values exactly as given, so a `"` in a value would end the attribute. Every piece of data
// therefore reaches the page through `.plain` and `.attr`, which escape fully.

extension Node {
    /// Text shown exactly as written.
    static func plain(_ text: String) -> Node {
        .raw(Escaping.xml(text))
    }

    /// An attribute with an escaped value; written even when empty (`value=""` matters on a form).
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escaping.xml(value), ignoreIfValueIsEmpty: false)
    }

    /// `aria-describedby` naming the hints and errors that are present, or nothing.
    static func describedBy(_ ids: [String?]) -> Node {
        let present = ids.compactMap { $0 }
        return present.isEmpty ? .empty : .attr("aria-describedby", present.joined(separator: " "))
    }
}

extension Attribute {
    /// An attribute with an escaped value; written even when empty.
    static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: Escaping.xml(value), ignoreIfValueIsEmpty: false)
    }

    /// A valueless attribute such as `required`, when `isOn`.
    static func flag(_ name: String, _ isOn: Bool = true) -> Attribute {
        isOn ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }

    /// `aria-describedby` naming the hints and errors that are present, or nothing.
    static func describedBy(_ ids: [String?]) -> Attribute {
        let present = ids.compactMap { $0 }
        return present.isEmpty ? .empty : .attr("aria-describedby", present.joined(separator: " "))
    }
}

extension Attribute where Context == HTML.InputContext {
    /// `id`, plus `aria-describedby` for the hint and error `Node.field` writes and `aria-invalid` when rejected.
    static func describing(id: String, hint: String?, error: String?) -> [Attribute] {
        [
            .attr("id", id),
            .describedBy([hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"]),
            error == nil ? .empty : .attr("aria-invalid", "true"),
        ]
    }
}

extension Node where Context: HTML.BodyContext {
    /// An `<input>` from a list of attributes (Plot's `.input` takes them one by one).
    static func input(_ attributes: [Attribute<HTML.InputContext>]) -> Node {
        .selfClosedElement(named: "input", attributes: attributes)
    }

    /// A `<select>` whose attributes carry the same id, hint and error wiring as an input.
    static func select(id: String, name: String, hint: String? = nil, error: String? = nil, _ options: [Node<HTML.SelectContext>]) -> Node {
        .select(
            .attr("id", id),
            .attr("name", name),
            .describedBy([hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"]),
            .if(error != nil, .attr("aria-invalid", "true")),
            .group(options)
        )
    }

    /// A `<textarea>` with the same wiring; its text is shown exactly as given.
    static func textarea(id: String, name: String, text: String, rows: Int = 4, required: Bool = false, hint: String? = nil, error: String? = nil) -> Node {
        .textarea(
            .attr("id", id),
            .attr("name", name),
            .rows(rows),
            .if(required, .attribute(named: "required")),
            .describedBy([hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"]),
            .if(error != nil, .attr("aria-invalid", "true")),
            // The parser drops one newline right after `<textarea>`; this one keeps a leading newline in the text.
            .raw("\n"),
            .plain(text)
        )
    }
}

extension Node where Context == HTML.AnchorContext {
    /// A link to one of our pages, optionally with query parameters; built from `SiteURL` so it cannot rot.
    static func href(_ url: SiteURL, query: [(name: String, value: String)] = []) -> Node {
        let parameters = query.map { "\(Escaping.queryValue($0.name))=\(Escaping.queryValue($0.value))" }
        return .attr("href", parameters.isEmpty ? url.path : url.path + "?" + parameters.joined(separator: "&"))
    }
}

extension Node where Context == HTML.FormContext {
    /// The page a form submits to.
    static func action(_ url: SiteURL) -> Node {
        .attr("action", url.path)
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its label as content (Plot's `.option` writes a self-closed element with a `label`).
    static func choice(_ label: String, value: String, selected: Bool = false) -> Node {
        .element(named: "option", nodes: [
            .attr("value", value),
            .if(selected, .attribute(named: "selected")),
            .plain(label),
        ])
    }
}

extension Node where Context: HTML.BodyContext {
    /// A wide table in its own keyboard-scrollable box, so that on a phone the table scrolls, not the page.
    static func scrollingTable(label: String, _ nodes: Node<HTML.TableContext>...) -> Node {
        .div(
            .class("table-scroll"),
            .attr("role", "region"),
            .attr("aria-label", label),
            .attr("tabindex", "0"),
            .table(.group(nodes))
        )
    }

    /// The message under a rejected field; its `id` is what the field's `aria-describedby` names.
    static func fieldError(id: String, _ message: String?) -> Node {
        .unwrap(message) { message in
            .p(.class("field-error"), .attr("id", id), .span(.class("visually-hidden"), .text("Error: ")), .plain(message))
        }
    }

    /// The box at the top of a rejected form: what went wrong, each item a link to its field.
    static func errorSummary(_ items: [(fieldID: String, message: String)]) -> Node {
        .if(!items.isEmpty, .div(
            .class("error-summary"),
            .attr("role", "alert"),
            .attr("aria-labelledby", "error-summary-title"),
            .h2(.id("error-summary-title"), .text(items.count == 1 ? "There is a problem" : "There are \(items.count) problems")),
            .p(.text("Nothing was saved. Correct the fields below and submit again.")),
            .ul(.forEach(items) { item in
                .li(.a(.attr("href", "#" + item.fieldID), .plain(item.message)))
            })
        ))
    }

    /// A definition list that leaves out the terms with nothing to say.
    static func definitions(_ items: [(term: String, detail: Node<HTML.BodyContext>?)], class className: String = "facts") -> Node {
        .dl(.class(className), .forEach(items.filter { $0.detail != nil }) { item in
            .group(.dt(.text(item.term)), .dd(item.detail ?? .empty))
        })
    }

    /// A labelled form field: label, optional hint, the error if rejected, then the control. The control should carry
    /// `Attribute.describing(id:hint:error:)` so that its hint and error are read with it.
    static func field(id: String, label: String, hint: String? = nil, error: String? = nil, _ control: Node) -> Node {
        .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.attr("for", id), .text(label)),
            .unwrap(hint) { hint in .p(.class("hint"), .attr("id", id + "-hint"), .plain(hint)) },
            .fieldError(id: id + "-error", error),
            control
        )
    }

    /// A small word-label such as "Guardrail" or "Internal".
    static func tag(_ text: String, class className: String = "") -> Node {
        .span(.class(className.isEmpty ? "tag" : "tag \(className)"), .text(text))
    }
}

extension Node where Context == HTML.TableRowContext {
    /// A column header with `scope="col"`.
    static func column(_ title: String) -> Node {
        .th(.attr("scope", "col"), .text(title))
    }

    /// A row header with `scope="row"`.
    static func rowHeader(_ nodes: Node<HTML.BodyContext>...) -> Node {
        .th(.attr("scope", "row"), .group(nodes))
    }
}

extension Node where Context == HTML.FormContext {
    /// The hidden CSRF token every POST form carries (`CSRFMiddleware` refuses a form without it).
    static func csrfField(_ context: PageContext) -> Node {
        .input(.type(.hidden), .attr("name", CSRF.field), .attr("value", context.csrfToken ?? ""))
    }
}
