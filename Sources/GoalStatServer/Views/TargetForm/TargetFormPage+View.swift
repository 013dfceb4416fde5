import GoalStatCore
import Plot

extension TargetFormPageModel {
    /// The form's fields in page order: (name, id, label). The name is what the server reads and what `errors` is keyed by.
    static let fields: [(name: String, id: String, label: String)] = [
        ("period", "target-period", "Period"),
        ("orgUnit", "target-org-unit", "Org unit"),
        ("value", "target-value", "Value"),
        ("rangeMin", "target-range-min", "Range from"),
        ("rangeMax", "target-range-max", "Range to"),
        ("rationale", "target-rationale", "Rationale"),
        ("setOn", "target-set-on", "Set on"),
        ("setBy", "target-set-by", "Set by"),
    ]

    private static let orgUnitHint = "Leave as the whole indicator unless the target is for one unit."
    private static let rationaleHint = "Why this target, and for a revision what was learned that changes it."

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Revise the target for \(indicatorName)", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.indicator(indicatorCode)), .plain(indicatorName))),
                .h1(.text("Revise the target for "), .plain(indicatorName)),
                .p(.class("lead"), .text("A revision adds a new version with its reason. The version it replaces is kept and shown in the target history, so every view can still show the target as it was known on any date."))
            ),
            .unwrap(staleNotice) { notice in
                .div(.class("error-summary"), .attr("role", "alert"), .h2(.text("Changed meanwhile")), .p(.plain(notice)))
            },
            .errorSummary(summaryItems),
            form(context),
            .section(
                .attr("aria-labelledby", "current-targets-heading"),
                .h2(.id("current-targets-heading"), .text("Targets in force now")),
                .if(currentTargets.isEmpty, .p(.class("muted"), .text("No target in force.")), else: IndicatorPageModel.targetTable(
                    currentTargets, caption: "Targets in force for \(indicatorName)", showState: false
                ))
            )
        ))
    }

    /// Each error linked to its field; an error about something the form has no field for links to the form.
    private var summaryItems: [(fieldID: String, message: String)] {
        let known = Self.fields.compactMap { field in errors[field.name].map { (fieldID: field.id, message: "\(field.label): \($0)") } }
        let others = errors.keys.filter { key in !Self.fields.contains { $0.name == key } }.sorted().map { key in
            (fieldID: "target-form", message: "\(key): \(errors[key] ?? "")")
        }
        return known + others
    }

    private func id(_ name: String) -> String {
        Self.fields.first { $0.name == name }?.id ?? name
    }

    private func form(_ context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .id("target-form"),
            .class("stacked-form"),
            .action(.targets(indicatorCode)),
            .method(.post),
            .csrfField(context),
            .input(.type(.hidden), .attr("name", "basedOn"), .attr("value", String(basedOn))),
            textField("period", hint: "For example FY2027, 2026-Q3, 2026-07", value: period, required: true),
            .field(id: id("orgUnit"), label: "Org unit", hint: Self.orgUnitHint, error: errors["orgUnit"], .select(
                id: id("orgUnit"), name: "orgUnit", hint: Self.orgUnitHint, error: errors["orgUnit"],
                [.choice("Whole indicator (total)", value: "", selected: orgUnit.isEmpty)]
                    + orgUnits.map { .choice("\($0.name) (\($0.code))", value: $0.code, selected: $0.code == orgUnit) }
            )),
            .fieldset(
                .class("target-amount"),
                .element(named: "legend", nodes: [.text("Target: one value, or a range")]),
                .p(.class("hint"), .text("Give a single value, or both ends of a range. Unit: "), .plain(unit), .text(".")),
                textField("value", value: value, numeric: true),
                .p(.class("or"), .text("or")),
                .div(
                    .class("range-fields"),
                    textField("rangeMin", value: rangeMin, numeric: true),
                    textField("rangeMax", value: rangeMax, numeric: true)
                )
            ),
            .field(
                id: id("rationale"), label: "Rationale", hint: Self.rationaleHint, error: errors["rationale"],
                .textarea(id: id("rationale"), name: "rationale", text: rationale, required: true, hint: Self.rationaleHint, error: errors["rationale"])
            ),
            textField("setOn", value: setOn, type: .date),
            .field(id: id("setBy"), label: "Set by", error: errors["setBy"], .select(
                id: id("setBy"), name: "setBy", error: errors["setBy"],
                [.choice("Not recorded", value: "", selected: setBy.isEmpty)]
                    + people.map { .choice($0.name, value: $0.email, selected: $0.email == setBy) }
            )),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .text("Save new target version")),
                .a(.href(.indicator(indicatorCode)), .text("Cancel"))
            )
        )
    }

    private func textField(
        _ name: String, hint: String? = nil, value: String, type: HTMLInputType = .text, required: Bool = false, numeric: Bool = false
    ) -> Node<HTML.FormContext> {
        let id = id(name)
        let label = Self.fields.first { $0.name == name }?.label ?? name
        let error = errors[name]
        let attributes: [Attribute<HTML.InputContext>] = [
            .type(type), .attr("name", name), .attr("value", value),
            numeric ? .attr("inputmode", "decimal") : .empty,
            .flag("required", required),
        ] + Attribute.describing(id: id, hint: hint, error: error)
        return .field(id: id, label: label, hint: hint, error: error, .input(attributes))
    }
}
