import Plot

/// The public portal's layout (issue 12): the agency's name in the header, the portal's own navigation and search
/// box, nothing a visitor cannot use. No script, like every page; print styles hide the navigation and forms.
enum PortalLayout {
    enum Section: Equatable {
        case home, updates, wins, data, search, none
    }

    static func render(
        title: String, agency: String, section: Section, context: PageContext, body: Node<HTML.BodyContext>, query: String = ""
    ) -> String {
        HTML(
            .lang(.english),
            PageLayout.head(title: "\(title) · \(agency)"),
            .body(
                .class("portal width-readable"),
                .a(.class("skip-link"), .href("#main"), .text("Skip to main content")),
                header(agency: agency, section: section, context: context, query: query),
                .main(.id("main"), .attr("tabindex", "-1"), body),
                .footer(
                    .class("site-footer"),
                    .p(
                        .plain(agency), .text(" publishes its goals, results and data here. "),
                        .a(.href(.openData), .text("Download the data")), .text(" · "),
                        .a(.href(.portalDisplay(0)), .text("Display mode for office screens"))
                    )
                )
            )
        ).render()
    }

    private static func header(agency: String, section: Section, context: PageContext, query: String) -> Node<HTML.BodyContext> {
        let items: [(String, SiteURL, Section)] = [
            ("Goals and results", .portal, .home), ("Updates", .portalUpdates, .updates), ("Small wins", .portalWins, .wins),
            ("Open data", .openData, .data),
        ]
        return .header(
            .class("site-header portal-header"),
            .div(
                .class("site-header-inner"),
                .a(.class("brand"), .href(.portal), .span(.class("agency-name"), .plain(agency)), .span(.class("brand-sub"), .text(" · Performance")) ),
                .nav(
                    .attr("aria-label", "Portal"),
                    .ul(.forEach(items) { item in
                        .li(.a(.href(item.1), .if(item.2 == section, .attr("aria-current", "page")), .text(item.0)))
                    })
                ),
                .form(
                    .class("portal-search"), .attr("role", "search"), .action(.portalSearch(nil)), .method(.get),
                    .label(.attr("for", "portal-q"), .class("visually-hidden"), .text("Search goals, indicators and updates")),
                    .input(.type(.search), .attr("id", "portal-q"), .attr("name", "q"), .attr("value", query), .attr("maxlength", "200")),
                    .button(.type(.submit), .text("Search"))
                ),
                .div(.class("account"), .if(context.userName == nil,
                    .a(.href(.signIn(next: nil)), .text("Staff sign-in")),
                    else: .a(.href(.dashboard), .text("Staff dashboard"))))
            )
        )
    }
}
