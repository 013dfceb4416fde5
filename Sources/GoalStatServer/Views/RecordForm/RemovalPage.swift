import Plot

/// Asks before a record is removed, and says what still refers to it (then it cannot be removed yet).
struct RemovalPage: Sendable {
    var noun: String
    var name: String
    var key: String
    var blockers: [String]
    var action: SiteURL
    var cancel: SiteURL

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Remove the \(noun) \(name)", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.framework), .text("Plan and framework"))),
                .h1(.text("Remove the \(noun) "), .plain(name))
            ),
            blockers.isEmpty
                ? .group(
                    .p(.text("The \(noun) "), .strong(.plain("\(name) (\(key))")), .text(" will be removed. The history of changes keeps what it was, but it cannot be undone here.")),
                    .form(
                        .class("stacked-form"),
                        .action(action),
                        .method(.post),
                        .csrfField(context),
                        .input(.type(.hidden), .attr("name", "confirm"), .attr("value", "remove")),
                        .div(
                            .class("form-actions"),
                            .button(.type(.submit), .class("danger"), .text("Remove \(noun)")),
                            .a(.href(cancel), .text("Keep it"))
                        )
                    )
                )
                : .div(
                    .class("error-summary"),
                    .attr("role", "alert"),
                    .h2(.text("It cannot be removed yet")),
                    .p(.text("These still refer to it. Remove them or point them elsewhere first:")),
                    .ul(.forEach(blockers) { .li(.plain($0)) }),
                    .p(.a(.href(cancel), .text("Back")))
                )
        ))
    }
}
