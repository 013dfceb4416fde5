import GoalStatCore
import Plot

extension DataEntryPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Data entry", current: .dataEntry, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("Data entry")),
                .p(.class("lead"), .text("One grid for all of a data steward's indicators. Leave a value empty to skip it; choose Missing, with a note saying why, when a period has no value: that stops the reminders for it. A changed value is kept as a correction: the old one stays in the indicator's history."))
            ),
            .unwrap(savedMessage) { message in .div(.class("notice notice-success"), .attr("role", "status"), .p(.plain(message))) },
            chooser,
            grid(context)
        ), width: .full)
    }

    private static let pasteHint = "One row per indicator: code, value, and optionally status and note, separated by tabs (as a spreadsheet copies them) or commas. Pasted values replace what is typed in the grid. Every line with a problem is listed; nothing is saved until all are right."

    /// ", for Northern Region Offices", or nothing for the indicators' totals.
    private var unitPhrase: String {
        guard let orgUnit else { return "" }
        return ", for " + (orgUnits.first { $0.code == orgUnit }?.name ?? orgUnit)
    }

    private var stewardName: String? {
        stewards.first { $0.email == steward }?.name ?? steward
    }

    /// A GET form, so the grid for a steward and month has an address that can be bookmarked or sent in a reminder.
    private var chooser: Node<HTML.BodyContext> {
        .form(
            .class("inline-form"),
            .action(.dataEntry),
            .method(.get),
            .div(
                .class("field"),
                .label(.for("entry-steward"), .text("Data steward")),
                .select(id: "entry-steward", name: "steward",
                        [.choice("Choose a data steward", value: "", selected: steward == nil)]
                            + stewards.map { .choice($0.name, value: $0.email, selected: $0.email == steward) })
            ),
            .div(
                .class("field"),
                .label(.for("entry-month"), .text("Month")),
                .input(.type(.month), .id("entry-month"), .name("month"), .attr("value", month)),
                .p(.class("hint"), .text("Quarterly and annual indicators show the quarter or year that contains this month."))
            ),
            .div(
                .class("field"),
                .label(.for("entry-org-unit"), .text("Values for")),
                .select(id: "entry-org-unit", name: "orgUnit",
                        [.choice("Each indicator's total", value: "", selected: orgUnit == nil)]
                            + orgUnits.map { .choice($0.name, value: $0.code, selected: $0.code == orgUnit) })
            ),
            .button(.type(.submit), .text("Show indicators"))
        )
    }

    private func grid(_ context: PageContext) -> Node<HTML.BodyContext> {
        guard steward != nil else {
            return .p(.class("muted"), .text("Choose a data steward to see the indicators they update."))
        }
        guard !rows.isEmpty else {
            return .p(.class("muted"), .text("No indicators are stewarded by "), .plain(stewardName ?? ""), .text("."))
        }
        return .group(
            .errorSummary(summaryItems),
            .form(
                .action(.dataEntry),
                .method(.post),
                .csrfField(context),
                .input(.type(.hidden), .attr("name", "steward"), .attr("value", steward ?? "")),
                .input(.type(.hidden), .attr("name", "month"), .attr("value", month)),
                .input(.type(.hidden), .attr("name", "orgUnit"), .attr("value", orgUnit ?? "")),
                .scrollingTable(
                    label: "Values to enter",
                    .caption(.text("Values for "), .plain(month), .text(", indicators of "), .plain(stewardName ?? ""), .plain(unitPhrase)),
                    .thead(.tr(
                        .column("Indicator"), .column("Period"), .column("Previous value"),
                        .column("Value"), .column("Status"), .column("Note")
                    )),
                    .tbody(.forEach(rows) { row in self.row(row) })
                ),
                .details(
                    .if(!paste.isEmpty || errors["paste"] != nil, .attribute(named: "open")),
                    .summary(.text("Paste from a spreadsheet")),
                    .field(
                        id: "paste", label: "Rows copied from a spreadsheet",
                        hint: Self.pasteHint,
                        error: errors["paste"],
                        .group(
                            .if(!pasteProblems.isEmpty, .ul(.class("field-error-list"), .id("paste-problems"), .forEach(pasteProblems) { .li(.plain($0)) })),
                            .textarea(id: "paste", name: "paste", text: paste, rows: 5, hint: Self.pasteHint, error: errors["paste"])
                        )
                    )
                ),
                .field(
                    id: "reason", label: "Reason for the corrections",
                    hint: "Needed when you change a value already stored as final: say what was wrong with it. It is kept with the value's history.",
                    error: errors["reason"],
                    .textarea(.id("reason"), .attr("name", "reason"), .attr("rows", "2"), .attr("aria-describedby", errors["reason"] == nil ? "reason-hint" : "reason-hint reason-error"), .text(reason))
                ),
                .div(.class("form-actions"), .button(.type(.submit), .text("Save values")))
            )
        )
    }

    /// Errors for rows in grid order, each linked to its value field; any other error links to the grid.
    private var summaryItems: [(fieldID: String, message: String)] {
        let forRows = rows.compactMap { row in errors[row.code].map { (fieldID: Self.valueID(row), message: "\(row.name) (\(row.code)): \($0)") } }
        let others = errors.keys.filter { key in !rows.contains { $0.code == key } }.sorted().map { key in
            key == "reason"
                ? (fieldID: "reason", message: "Reason for the corrections: \(errors[key] ?? "")")
                : (fieldID: "main", message: "\(key): \(errors[key] ?? "")")
        }
        return forRows + others
    }

    private static func valueID(_ row: DataEntryRow) -> String {
        "value-" + row.code
    }

    private func row(_ row: DataEntryRow) -> Node<HTML.TableContext> {
        let error = errors[row.code]
        let valueID = Self.valueID(row)
        let errorID = valueID + "-error"
        let subject = "\(row.name) (\(row.code)), \(row.period)"
        return .tr(
            .class(error == nil ? "" : "row-error"),
            .rowHeader(.plain(row.name), .br(), .span(.class("code"), .plain(row.code))),
            .td(.class("period"), .plain(row.period)),
            .td(.plain(row.previous ?? "—")),
            .td(
                .fieldError(id: errorID, error),
                .label(.class("visually-hidden"), .attr("for", valueID), .plain(row.levels == nil ? "Value of \(subject) in \(row.unit)" : "Level of \(subject)")),
                .unwrap(row.levels, { levels in
                    .select(
                        id: valueID, name: "level[\(row.code)]", error: error,
                        [.choice("No level entered", value: "", selected: row.level == nil)]
                            + levels.map { .choice($0, value: $0, selected: $0 == row.level) }
                    )
                }, else: .group(
                    // A rejected entry comes back in a text field, so what was typed is shown as typed, not dropped.
                    .input([
                        error == nil ? .type(.number) : .type(.text),
                        .attr("step", "any"), .attr("inputmode", "decimal"),
                        .attr("name", "value[\(row.code)]"), .attr("value", row.value),
                    ] + Attribute.describing(id: valueID, hint: nil, error: error)),
                    .text(" "),
                    .span(.class("unit"), .ariaHidden(true), .plain(row.unit))
                ))
            ),
            .td(
                .label(.class("visually-hidden"), .attr("for", "status-" + row.code), .plain("Status of \(subject)")),
                .select(id: "status-" + row.code, name: "status[\(row.code)]", MeasurementStatus.allCases.map { status in
                    .choice(status.shortTitle, value: status.rawValue, selected: status == row.status)
                })
            ),
            .td(
                .label(.class("visually-hidden"), .attr("for", "note-" + row.code), .plain("Note on \(subject)")),
                .input(.type(.text), .attr("id", "note-" + row.code), .attr("name", "note[\(row.code)]"), .attr("value", row.note))
            )
        )
    }
}
