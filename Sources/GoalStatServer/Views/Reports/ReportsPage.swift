import Foundation
import GoalStatCore
import Plot

/// The reports page: each report with its options, as HTML or PDF, and the plan as StratML.
struct ReportsPage: Sendable {
    var priorityGoals: [Goal]
    var reviews: [Review]
    var today: CalendarDate
    var pdfAvailable: Bool

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Reports", current: .reports, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Reports")),
                 .p(.class("lead"), .text("Reports for leadership, the Congress and the public, generated from the data as of a date: as a web page, or as a PDF to print and send."))),
            .if(!pdfAvailable, .p(.class("muted"), .text("PDF is not available on this server: it needs Chromium. The web pages print as well."))),
            .section(
                .attr("aria-labelledby", "quarterly-heading"),
                .h2(.id("quarterly-heading"), .text("Quarterly update of the priority goals")),
                .p(.text("For each agency priority goal, the nine items 31 U.S.C. 1122(b) asks to publish every quarter: results of the quarter and the trend, milestones, contributors, risk and the plan.")),
                .form(.method(.get), .action(.reportQuarterly),
                      .div(.class("field"), .label(.for("q-goal"), .text("Priority goal")),
                           .select(id: "q-goal", name: "goal", [.choice("Every priority goal", value: "")] + priorityGoals.map { .choice($0.name, value: $0.code) })),
                      .div(.class("field"), .label(.for("q-quarter"), .text("Quarter (leave empty for the latest ended)")),
                           .input(.type(.text), .id("q-quarter"), .name("quarter"), .attr("placeholder", "FY2026-Q3"))),
                      options("q")
                )
            ),
            .section(
                .attr("aria-labelledby", "annual-heading"),
                .h2(.id("annual-heading"), .text("Annual performance report")),
                .p(.text("Every goal and indicator with targets and results for five fiscal years, why each missed target was missed and the plan, data quality, evaluations and next steps (31 U.S.C. 1116).")),
                .form(.method(.get), .action(.reportAnnual),
                      .div(.class("field"), .label(.for("a-year"), .text("Fiscal year (leave empty for the latest ended)")),
                           .input(.type(.text), .id("a-year"), .name("year"), .attr("placeholder", "FY2026"))),
                      options("a")
                )
            ),
            .section(
                .attr("aria-labelledby", "briefing-heading"),
                .h2(.id("briefing-heading"), .text("Briefing books of reviews")),
                .if(reviews.isEmpty, .p(.class("muted"), .text("No review yet.")), else: .ul(.forEach(reviews) { review in
                    .li(.plain("\(review.title) (\(review.date)): "),
                        .a(.href(SiteURL.briefingBook(review.id, format: "html").path), .text("web page")),
                        .if(pdfAvailable, .group(.text(" · "), .a(.href(SiteURL.briefingBook(review.id, format: "pdf").path), .text("PDF")))))
                }))
            ),
            .section(
                .attr("aria-labelledby", "stratml-heading"),
                .h2(.id("stratml-heading"), .text("The plan in StratML")),
                .p(.text("The published plan in StratML, the ISO 17469 standard for strategic plans: Part 1 holds the mission, vision, values and goals; Part 2 adds the indicators with their targets and results.")),
                .p(.class("download-buttons"),
                   .a(.class("button-link"), .href(SiteURL.stratml(part: 1).path), .attr("download", ""), .text("StratML Part 1 (XML)")), .text(" "),
                   .a(.class("button-link"), .href(SiteURL.stratml(part: 2).path), .attr("download", ""), .text("StratML Part 2 (XML)")))
            )
        ))
    }

    private func options(_ prefix: String) -> Node<HTML.FormContext> {
        .group(
            .div(.class("field"), .label(.for("\(prefix)-as-of"), .text("Data as of")),
                 .input(.type(.date), .id("\(prefix)-as-of"), .name("asOf"), .attr("value", today.description))),
            .div(.class("field checkbox"),
                 .input(.type(.checkbox), .id("\(prefix)-public"), .name("public"), .value("true")),
                 .label(.for("\(prefix)-public"), .text("For the public: published goals and indicators only, nothing from reviews"))),
            .div(.class("field"), .label(.for("\(prefix)-format"), .text("Format")),
                 .select(id: "\(prefix)-format", name: "format", [.choice("Web page", value: "html")] + (pdfAvailable ? [.choice("PDF", value: "pdf")] : []))),
            .button(.type(.submit), .text("Make the report"))
        )
    }
}
