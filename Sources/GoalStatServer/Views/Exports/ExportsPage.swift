import GoalStatCore
import Plot

/// Every download in one place: the values, the framework file and the audit log, each in its formats. Only what
/// the reader's roles allow is offered; each download checks for itself.
struct ExportsPage: Sendable {
    var mayExportFramework: Bool
    var mayReadAudit: Bool
    var mayImport: Bool

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Download data", current: .exports, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Download data")),
                 .p(.class("lead"), .text("Files in the formats GoalStat imports, so a download can be edited and sent back."))),
            .section(
                .attr("aria-labelledby", "export-values"),
                .h2(.id("export-values"), .text("Measurements")),
                .p(.text("Every current value you may export (the indicators of your units), sorted by indicator, unit and period. One indicator's values download from its page.")),
                .p(.class("download-buttons"),
                   .a(.class("button-link"), .href(.measurementsExport(format: "csv")), .attr("download", ""), .text("Measurements (CSV)")), .text(" "),
                   .a(.class("button-link"), .href(.measurementsExport(format: "json")), .attr("download", ""), .text("Measurements (JSON)")))
            ),
            .if(mayExportFramework, .section(
                .attr("aria-labelledby", "export-framework"),
                .h2(.id("export-framework"), .text("Framework")),
                .p(.text("The plan, org units, people, goals, indicators, links, targets and milestones as one framework file.")),
                .p(.class("download-buttons"),
                   .a(.class("button-link"), .href(.frameworkExport(format: "yaml")), .attr("download", ""), .text("Framework (YAML)")), .text(" "),
                   .a(.class("button-link"), .href(.frameworkExport(format: "json")), .attr("download", ""), .text("Framework (JSON)")))
            )),
            .if(mayReadAudit, .section(
                .attr("aria-labelledby", "export-audit"),
                .h2(.id("export-audit"), .text("Audit log")),
                .p(.text("Every change, oldest first. To download part of it, filter the audit log and use its download link.")),
                .p(.class("download-buttons"),
                   .a(.class("button-link"), .href(.auditCSV(AuditFilter())), .attr("download", ""), .text("Audit log (CSV)")))
            )),
            .if(mayImport, .p(.a(.href(.imports), .text("Import a file"))))
        ))
    }
}
