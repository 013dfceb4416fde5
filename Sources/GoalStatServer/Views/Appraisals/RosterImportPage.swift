import GoalStatCore
import Plot

/// HR's upload of the employees-and-supervisors CSV: all or nothing, every bad line listed with its line and column.
struct RosterImportPage {
    var programs: [AppraisalProgram]
    var issues: [ImportIssue] = []
    var message: String?
    var imported: Int?

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Import employees and supervisors", current: .appraisals, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Import employees and supervisors")),
                 .p(.class("lead"), .text("HR's CSV export: email, name, org_unit, supervisor, and optionally senior_executive, career_appointee, awards_frozen, basic_pay. The whole file is stored, or nothing."))),
            .unwrap(imported) { count in .p(.class("notice"), .attr("role", "status"), .text("Imported: \(count) employee record\(count == 1 ? "" : "s") added or changed.")) },
            .unwrap(message) { message in .div(.class("error-summary"), .attr("role", "alert"), .h2(.text("Nothing was stored")), .p(.plain(message))) },
            .if(!issues.isEmpty, .scrollingTable(
                label: "Problems in the file",
                .caption(.text("Every problem, by line and column; nothing was stored")),
                .thead(.tr(.column("Line"), .column("Column"), .column("Problem"))),
                .tbody(.forEach(issues) { issue in .tr(.td(.text(String(issue.line))), .td(.plain(issue.column ?? "(the whole row)")), .td(.plain(issue.reason))) })
            )),
            .form(
                .class("stacked-form"), .id("roster-form"), .action(.appraisalRosterImport), .method(.post), .enctype(.multipartData),
                .csrfField(context),
                .div(.class("field"), .label(.for("roster-file"), .text("CSV file")), .input(.type(.file), .id("roster-file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                .div(.class("field"), .label(.for("roster-program"), .text("Appraisal program")),
                     .select(id: "roster-program", name: "program", [.choice("Keep each employee's program", value: "")] + programs.map { .choice($0.name, value: $0.id.uuidString) })),
                .button(.type(.submit), .text("Import"))
            )
        ))
    }
}
