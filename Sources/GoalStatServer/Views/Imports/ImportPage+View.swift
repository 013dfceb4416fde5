import Foundation
import GoalStatCore
import GoalStatStore
import Plot

extension ImportPageModel {
    func render(_ context: PageContext) -> String {
        let title: String
        switch step {
        case .upload: title = "Import a file"
        case .preview(let preview, _): title = "Preview of \(preview.fileName)"
        case .done(let outcome): title = "Imported \(outcome.fileName)"
        }
        return PageLayout.render(title: title, current: .imports, context: context, body: .group(
            .div(.class("page-heading"), .h1(.plain(title))),
            .errorSummary(errorItems),
            body(context)
        ), width: .full)
    }

    private var errorItems: [(fieldID: String, message: String)] {
        ["file": "import-file", "reason": "import-reason"].compactMap { name, id in
            errors[name].map { (fieldID: id, message: $0) }
        }.sorted { $0.fieldID < $1.fieldID }
    }

    private func body(_ context: PageContext) -> Node<HTML.BodyContext> {
        switch step {
        case .upload: uploadForm(context)
        case .preview(let preview, let token): .group(previewSection(preview), commitForms(preview, token: token, context: context))
        case .done(let outcome): doneSection(outcome, context: context)
        }
    }

    // MARK: Choosing a file

    private func uploadForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .text(mayImportFramework
                ? "Send a measurements file (CSV), a framework file (YAML or JSON) or a StratML plan (XML). You first see what it would add, change and refuse, line by line; nothing is stored until you commit it."
                : "Send a measurements file (CSV). You first see what it would add, change and refuse, line by line; nothing is stored until you commit it.")),
            .form(
                .id("import-form"),
                .action(.imports),
                .method(.post),
                .enctype(.multipartData),
                .csrfField(context),
                .field(
                    id: "import-file", label: "File",
                    hint: "A .csv file of measurements (columns indicator, period, value, and optionally org_unit, status, note, reason)\(mayImportFramework ? ", a .yaml, .yml or .json framework file, or a StratML plan (.xml, Part 1 or Part 2)" : ""); at most \(BodyLimits.pageUploadText). Larger files: POST /api/v1/imports or goalstat import.",
                    error: errors["file"],
                    .input([
                        .type(.file), .attr("name", "file"), .attr("accept", mayImportFramework ? ".csv,.yaml,.yml,.json,.xml" : ".csv"),
                        .flag("required"),
                    ] + Attribute.describing(id: "import-file", hint: "hint", error: errors["file"]))
                ),
                .button(.type(.submit), .text("Preview the import"))
            ),
            .p(.a(.href(.exports), .text("Download what is stored")), .text(" (measurements, the framework, the audit log).")),
            .p(.class("muted"), .text("The file waits one hour for its commit, kept for you alone; it is removed once committed or discarded."))
        )
    }

    // MARK: The preview

    private func previewSection(_ preview: ImportPreview) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .plain(Self.summary(preview))),
            .if(preview.problemCount > 0, problemsSection(preview)),
            .unwrap(preview.measurements) { linesSection($0) },
            .if(!preview.notes.isEmpty, .section(
                .attr("aria-labelledby", "notes-title"),
                .h2(.id("notes-title"), .text("What the StratML file held that was not understood or had to be guessed")),
                .p(.text("None of these stops the import; check the records below and correct them after the import where needed.")),
                .ul(.forEach(preview.notes.prefix(ImportPreview.listLimit)) { .li(.plain($0)) })
            )),
            .unwrap(preview.framework) { recordsSection($0) }
        )
    }

    static func summary(_ preview: ImportPreview) -> String {
        var parts: [String] = []
        if preview.problemCount > 0 {
            parts.append("The file cannot be imported as it is: \(preview.problemCount) problem\(preview.problemCount == 1 ? "" : "s") (listed below). Nothing was stored; correct the file and send it again.")
        }
        if let m = preview.measurements {
            var counts = "\(m.rows) good line\(m.rows == 1 ? "" : "s"): \(m.added) new value\(m.added == 1 ? "" : "s"), \(m.corrected) correction\(m.corrected == 1 ? "" : "s") of stored values, \(m.unchanged) unchanged."
            if m.needingReason > 0, preview.problemCount == 0 {
                counts += " \(m.needingReason) correction\(m.needingReason == 1 ? " changes a final value" : "s change final values") without a reason of its own: the commit needs a reason."
            }
            if m.heldProvisional > 0 {
                counts += " \(m.heldProvisional) value\(m.heldProvisional == 1 ? "" : "s") given as final for a period not yet ended would be kept as provisional."
            }
            parts.append(counts)
        }
        if let f = preview.framework {
            parts.append("\(f.summary.added) record\(f.summary.added == 1 ? "" : "s") to add, \(f.summary.updated) to change, \(f.summary.unchanged) unchanged.")
        }
        if preview.problemCount == 0, !preview.canCommit { parts.append("Importing this file would change nothing.") }
        parts.append("This is a preview: nothing has been stored yet.")
        return parts.joined(separator: " ")
    }

    private func problemsSection(_ preview: ImportPreview) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "refused-title"),
            .h2(.id("refused-title"), .text("Refused lines")),
            .if(preview.problems.count < preview.problemCount,
                .p(.text("The first \(preview.problems.count) of \(preview.problemCount) problems are listed."))),
            .scrollingTable(
                label: "Refused lines",
                .caption(.text("Each problem with its line and column")),
                .thead(.tr(.column("Line"), .column("Column or field"), .column("Reason"))),
                .tbody(.forEach(preview.problems) { problem in
                    .tr(
                        .td(.plain(problem.line.map(String.init) ?? "—")),
                        .td(.plain(problem.field ?? problem.column ?? "—")),
                        .td(.plain(problem.reason))
                    )
                })
            )
        )
    }

    private func linesSection(_ m: ImportPreview.Measurements) -> Node<HTML.BodyContext> {
        let changed = m.added + m.corrected
        return .section(
            .attr("aria-labelledby", "lines-title"),
            .h2(.id("lines-title"), .text("New and changed values")),
            .if(changed > m.lines.count,
                .p(.text("The first \(m.lines.count) of \(changed) new or changed lines are listed; the counts above cover the whole file."))),
            .if(m.lines.isEmpty, .p(.class("muted"), .text("No line adds or changes a value.")), else: .scrollingTable(
                label: "New and changed values",
                .caption(.text("Lines that add or change a value, in file order")),
                .thead(.tr(.column("Line"), .column("Indicator"), .column("Unit"), .column("Period"), .column("Stored now"), .column("Would become"), .column("Change"))),
                .tbody(.forEach(m.lines) { line in
                    .tr(
                        .td(.plain(String(line.line))),
                        .td(.a(.href(.indicator(line.indicator)), .plain(line.indicatorName)), .text(" "), .span(.class("code"), .plain(line.indicator))),
                        .td(.plain(line.orgUnit ?? "Whole indicator")),
                        .td(.plain(line.period)),
                        .td(.plain(line.old.map(Self.words) ?? "—")),
                        .td(.plain(Self.words(line.new))),
                        .td(line.isNew ? .tag("New") : line.needsReason ? .tag("Correction: needs a reason", class: "tag-overdue") : .tag("Correction"))
                    )
                })
            ))
        )
    }

    static func words(_ value: ImportPreview.Value) -> String {
        var text = "\(value.value) (\(value.status))"
        if let note = value.note { text += ", note: \(note)" }
        return text
    }

    private func recordsSection(_ f: ImportPreview.Framework) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "records-title"),
            .h2(.id("records-title"), .text("Records")),
            .scrollingTable(
                label: "Records by kind",
                .caption(.text("What the file would do, by kind of record")),
                .thead(.tr(.column("Kind"), .column("To add"), .column("To change"), .column("Unchanged"))),
                .tbody(.forEach(f.summary.counts.sorted { $0.key < $1.key }) { kind, counts in
                    .tr(.td(.plain(AuditWording.fieldName(kind))), .td(.plain(String(counts.added))), .td(.plain(String(counts.updated))), .td(.plain(String(counts.unchanged))))
                })
            ),
            .if(f.summary.added + f.summary.updated > f.records.count,
                .p(.text("The first \(f.records.count) added or changed records are listed."))),
            .if(!f.records.isEmpty, .scrollingTable(
                label: "Added and changed records",
                .caption(.text("Each record the file adds or changes, with its changes")),
                .thead(.tr(.column("Record"), .column("Change"), .column("What would change"))),
                .tbody(.forEach(f.records) { record in
                    .tr(
                        .td(.plain("\(record.entity.title) \(record.key)")),
                        .td(record.isNew ? .tag("New") : .tag("Changed")),
                        .td(.class("audit-value"), .plain(record.changes))
                    )
                })
            ))
        )
    }

    private func commitForms(_ preview: ImportPreview, token: UUID?, context: PageContext) -> Node<HTML.BodyContext> {
        guard let token else {
            return .p(.a(.href(.imports), .text("Send another file")))
        }
        return .section(
            .attr("aria-labelledby", "commit-title"),
            .h2(.id("commit-title"), .text("Commit this import")),
            .form(
                .id("commit-form"),
                .action(.importCommit),
                .method(.post),
                .csrfField(context),
                .input(.type(.hidden), .attr("name", "token"), .attr("value", token.uuidString)),
                .if(preview.needsReason, .field(
                    id: "import-reason", label: "Reason for the corrections",
                    hint: "Why these final values change (kept with each corrected value in its history). Lines with their own reason column keep theirs.",
                    error: errors["reason"],
                    .textarea(id: "import-reason", name: "reason", text: reason, rows: 3, required: true, hint: "hint", error: errors["reason"])
                )),
                .button(.type(.submit), .text("Commit this import"))
            ),
            .p(.class("muted"), .text("Not the file you meant? Discard it, and nothing of it is kept:")),
            .form(
                .class("inline-form"),
                .action(.importDiscard),
                .method(.post),
                .csrfField(context),
                .input(.type(.hidden), .attr("name", "token"), .attr("value", token.uuidString)),
                .button(.type(.submit), .class("link-button"), .text("Discard the file"))
            )
        )
    }

    // MARK: The result

    private func doneSection(_ outcome: Outcome, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .plain(outcome.report.lines.joined(separator: ". ") + ".")),
            .if(!outcome.indicators.isEmpty, .section(
                .attr("aria-labelledby", "imported-indicators"),
                .h2(.id("imported-indicators"), .text("Indicators in the file")),
                .ul(.forEach(outcome.indicators) { code in .li(.a(.href(.indicator(code)), .plain(code))) })
            )),
            .p(
                .if(context.canReadAudit, .group(
                    .a(.href(.audit(AuditFilter(batch: outcome.batch))), .text("This import in the audit log")), .text(" · ")
                )),
                .a(.href(.dashboard), .text("Dashboard")), .text(" · "),
                .a(.href(.imports), .text("Import another file"))
            )
        )
    }
}
