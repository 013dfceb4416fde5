import GoalStatCore
import Plot

/// Every link between indicators, each with a way to remove it.
struct LinksPage: Sendable {
    var links: [IndicatorLink]
    var names: [String: String]

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Links between indicators", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.framework), .text("Plan and framework"))),
                .h1(.text("Links between indicators")),
                .p(.class("lead"), .text("Which indicators are expected to drive which: the review tests each link against the data."))
            ),
            .p(.a(.class("button-link"), .href(.newLink), .text("Add a link"))),
            .if(links.isEmpty, .p(.class("muted"), .text("No links yet.")), else: .scrollingTable(
                label: "Links between indicators",
                .caption(.text("Links between indicators")),
                .thead(.tr(.th(.text("Driver")), .th(.text("Result")), .th(.text("Expected direction")), .th(.text("Lag in periods")), .th(.text("Change")))),
                .tbody(.forEach(links) { link in
                    .tr(
                        .td(.a(.href(.indicator(link.driver)), .plain(names[link.driver] ?? link.driver))),
                        .td(.a(.href(.indicator(link.result)), .plain(names[link.result] ?? link.result))),
                        .td(.plain(link.expectedSign.title)),
                        .td(.text(String(link.lagPeriods))),
                        .td(.a(.href(.removeLink, query: [("driver", link.driver), ("result", link.result)]), .text("Remove…")))
                    )
                })
            ))
        ))
    }
}

/// Asks before a link is removed.
struct LinkRemovalPage: Sendable {
    var driver: String
    var result: String

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Remove a link", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.links), .text("Links between indicators"))),
                .h1(.text("Remove the link from "), .plain(driver), .text(" to "), .plain(result))
            ),
            .p(.text("The review will no longer test this link. The history of changes keeps it.")),
            .form(
                .class("stacked-form"),
                .action(.removeLink),
                .method(.post),
                .csrfField(context),
                .input(.type(.hidden), .attr("name", "driver"), .attr("value", driver)),
                .input(.type(.hidden), .attr("name", "result"), .attr("value", result)),
                .div(
                    .class("form-actions"),
                    .button(.type(.submit), .class("danger"), .text("Remove link")),
                    .a(.href(.links), .text("Keep it"))
                )
            )
        ))
    }
}
