import Plot

/// The one layout every page shares: skip link, header with the main navigation, `<main>`, footer.
///
/// There is no inline script or style anywhere: the Content-Security-Policy allows styles and scripts from our own
/// origin only, and every page works without JavaScript.
enum PageLayout {
    /// How wide the content may run: text pages keep a readable measure, the dashboard uses the whole screen.
    enum Width: String {
        case readable, full
    }

    /// A complete HTML5 document titled "`title` · GoalStat" around `body`.
    static func render(
        title: String, current: SiteURL?, context: PageContext, body: Node<HTML.BodyContext>, width: Width = .readable
    ) -> String {
        HTML(
            .lang(.english),
            head(title: "\(title) · GoalStat"),
            .body(
                .class("width-\(width.rawValue)"),
                .a(.class("skip-link"), .href("#main"), .text("Skip to main content")),
                header(current: current, context: context),
                .main(.id("main"), .attr("tabindex", "-1"), body),
                footer(context)
            )
        ).render()
    }

    /// The `<head>` every page shares (the portal's too): charset, viewport, title and our one stylesheet, plus any
    /// extra element a page needs (display mode's refresh).
    static func head(title: String, _ extra: Node<HTML.HeadContext> = .empty) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            extra,
            .element(named: "title", nodes: [.plain(title)]),
            .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
        )
    }

    private static func header(current: SiteURL?, context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("site-header-inner"),
                .a(.class("brand"), .href(.dashboard), .text("GoalStat")),
                .nav(
                    .attr("aria-label", "Main"),
                    .ul(.forEach(context.navigation) { item in
                        .li(.a(
                            .href(item.url),
                            .if(item.url == current, .attr("aria-current", "page")),
                            .text(item.title)
                        ))
                    })
                ),
                account(context)
            )
        )
    }

    /// Who is signed in, with the way to their account and out; or the way in.
    private static func account(_ context: PageContext) -> Node<HTML.BodyContext> {
        guard let name = context.userName else {
            return .div(.class("account"), .a(.href(.signIn(next: nil)), .text("Sign in")))
        }
        return .div(
            .class("account"),
            .a(.href(.account), .attr("title", "Your account"), .plain(name)),
            .form(
                .class("inline-form"),
                .action(.signOut),
                .method(.post),
                .csrfField(context),
                .button(.type(.submit), .class("link-button"), .text("Sign out"))
            )
        )
    }

    private static func footer(_ context: PageContext) -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer"),
            .p(
                .text("GoalStat — open-source performance management for public agencies. "),
                .if(context.userName == nil,
                    .group(.text("Everything published here can be downloaded as "), .a(.href(.openData), .text("open data")), .text(".")),
                    else: .group(.text("Every number here is also available through the "), .a(.href(.openAPI), .text("API")), .text(" and the "),
                                 .a(.href(.portal), .text("public portal")), .text(".")))
            )
        )
    }
}
