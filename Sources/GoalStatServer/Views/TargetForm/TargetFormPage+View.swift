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
        ("decidedOn", "target-decided-on", "Decided on (optional)"),
        ("benchmarkKind", "target-benchmark-kind", "Benchmark"),
        ("benchmarkValue", "target-benchmark-value", "Benchmark value"),
        ("benchmarkSource", "target-benchmark-source", "Benchmark source"),
    ]

    private static let orgUnitHint = "Leave as the whole indicator unless the target is for one unit."
    private static let rationaleHint = "Why this target, and for a revision what was learned that changes it."
    private static let decidedOnHint = "When the decision was taken, if before today (a board meeting, say). It is shown with the version; the version counts as known from today, the day it is recorded."
    private static let benchmarkHint = "A comparison that puts the target in context: another agency's figure, the national one, or the best anyone achieves."

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
            textField("decidedOn", hint: Self.decidedOnHint, value: decidedOn, type: .date),
            .fieldset(
                .class("target-benchmark"),
                .element(named: "legend", nodes: [.text("Benchmark (optional)")]),
                .p(.class("hint"), .text(Self.benchmarkHint)),
                .field(id: id("benchmarkKind"), label: "Benchmark", error: errors["benchmarkKind"], .select(
                    id: id("benchmarkKind"), name: "benchmarkKind", error: errors["benchmarkKind"],
                    [.choice("None", value: "", selected: benchmarkKind.isEmpty)]
                        + BenchmarkKind.allCases.map { .choice($0.title, value: $0.rawValue, selected: $0.rawValue == benchmarkKind) }
                )),
                textField("benchmarkValue", value: benchmarkValue, numeric: true),
                textField("benchmarkSource", hint: "Where the figure comes from, so that others can check it.", value: benchmarkSource)
            ),
            .p(.class("hint"), .text("This version will be recorded as set on "), .plain(recordedOn), .text(" by "), .plain(recordedBy), .text(".")),
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
