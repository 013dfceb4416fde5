import GoalStatCore
import Plot

/// The portal's search results.
struct PortalSearchPage {
    var agency: String
    var query: String
    var hits: [PortalSearch.Hit]

    func render(_ context: PageContext) -> String {
        PortalLayout.render(title: query.isEmpty ? "Search" : "Search: \(query)", agency: agency, section: .search, context: context, body: .group(
            .h1(.text("Search")),
            .if(query.isEmpty, .p(.text("Type words to look for in our published goals, indicators, quarterly updates and small wins.")), else: .group(
                .p(.attr("role", "status"), .plain(hits.isEmpty ? "Nothing published matches “\(query)”." : "\(hits.count) result\(hits.count == 1 ? "" : "s") for “\(query)”.")),
                .ol(.class("search-results"), .forEach(hits) { hit in
                    .li(
                        .p(.class("muted"), .plain(hit.kind.title)),
                        .h2(.a(.href(link(hit)), .plain(hit.title))),
                        .p(.plain(hit.excerpt))
                    )
                })
            ))
        ), query: query)
    }

    private func link(_ hit: PortalSearch.Hit) -> SiteURL {
        switch hit.kind {
        case .indicator: .portalIndicator(hit.key ?? "")
        case .goal, .narrative: .portalGoal(hit.key ?? "")
        case .win: hit.key.map { .portalGoal($0) } ?? .portalWins
        }
    }
}

/// The timeline of updates.
struct PortalUpdatesPage {
    var agency: String
    var updates: [PortalUpdate]

    func render(_ context: PageContext) -> String {
        PortalLayout.render(title: "Updates", agency: agency, section: .updates, context: context, body: .group(
            .h1(.text("Timeline of updates")),
            .p(.class("lead"), .text("Results reported, milestones completed, quarterly updates and small wins, newest first.")),
            .if(updates.isEmpty, .p(.text("Nothing has been published yet."))),
            .ol(.class("timeline"), .forEach(updates) { update in
                .li(
                    .class("timeline-\(update.kind.rawValue)"),
                    .p(.class("muted"), .element(named: "time", nodes: [.attr("datetime", update.date.description), .plain(update.date.description)])),
                    .h2(Self.title(update)),
                    .p(.plain(update.text))
                )
            })
        ))
    }
}

extension PortalUpdatesPage {
    /// The update's title, linked to its indicator's or goal's public page when it has one.
    static func title(_ update: PortalUpdate) -> Node<HTML.BodyContext> {
        if let code = update.indicator { return .a(.href(.portalIndicator(code)), .plain(update.title)) }
        if let code = update.goal { return .a(.href(.portalGoal(code)), .plain(update.title)) }
        return .plain(update.title)
    }
}

/// The recognition feed: published small wins, newest first, a page at a time.
struct PortalWinsPage {
    var snapshot: PortalSnapshot
    var wins: [Win]
    var page: Int
    var hasMore: Bool

    func render(_ context: PageContext) -> String {
        PortalLayout.render(title: "Small wins", agency: snapshot.agencyName, section: .wins, context: context, body: .group(
            .h1(.text("Small wins")),
            .p(.class("lead"), .text("Things our teams achieved on the way to our goals.")),
            .if(wins.isEmpty, .p(.text("No small win has been published yet."))),
            .forEach(wins) { win in PortalParts.win(win, goalName: win.goal.flatMap { code in snapshot.document.goals.first { $0.code == code }?.name }) },
            .nav(.attr("aria-label", "Pages"), .p(
                .if(page > 1, .a(.href(.portalWins, query: [("page", String(page - 1))]), .text("Newer wins"))),
                .if(page > 1 && hasMore, .text(" · ")),
                .if(hasMore, .a(.href(.portalWins, query: [("page", String(page + 1))]), .text("Older wins")))
            ))
        ))
    }
}

/// Display mode for office screens (issue 12 item 6): one published goal per screen, full width, large type,
/// moving to the next by itself every `seconds` through a `<meta http-equiv="refresh">`: no script, no sign-in.
struct PortalDisplayPage {
    var snapshot: PortalSnapshot
    var slide: Int
    var count: Int
    var seconds = 20

    func render() -> String {
        let goals = snapshot.goalTree.map(\.goal)
        let goal = goals.isEmpty ? nil : goals[slide % goals.count]
        let next = goals.isEmpty ? 0 : (slide % goals.count + 1) % goals.count
        return HTML(
            .lang(.english),
            PageLayout.head(
                title: "\(goal?.name ?? "Display") · \(snapshot.agencyName)",
                .meta(.attr("http-equiv", "refresh"), .content("\(seconds); url=\(SiteURL.portalDisplay(next).path)"))
            ),
            .body(
                .class("display-mode"),
                .main(
                    .id("main"),
                    .p(.class("display-agency"), .plain(snapshot.agencyName), .text(" · "), .plain("\(goals.isEmpty ? 0 : slide % goals.count + 1) of \(goals.count)")),
                    .unwrap(goal) { goal in
                        let status = snapshot.goalStatus(goal)
                        return .group(
                            .h1(.plain(goal.name)),
                            PortalParts.status(status, sentence: PublicStatusWords.goalHeadline(status)),
                            .ul(.class("display-indicators"), .forEach(snapshot.indicators(of: goal.code).prefix(4)) { indicator in
                                .li(
                                    .h2(.plain(indicator.name)),
                                    PortalParts.status(snapshot.status(indicator), sentence: snapshot.headline(indicator)),
                                    .if(!(snapshot.verdicts[indicator.code]?.sparkline.isEmpty ?? true),
                                        .raw(SparklineSVG.render(snapshot.verdicts[indicator.code]?.sparkline ?? [], label: "Recent values of \(indicator.name)"))),
                                    .unwrap(snapshot.latest(indicator)) { latest in .p(.class("display-latest"), .plain(latest)) }
                                )
                            })
                        )
                    },
                    .if(goal == nil, .h1(.text("No goals have been published yet."))),
                    .p(.class("display-next"), .a(.href(.portalDisplay(next)), .text("Next goal")), .text(" (the screen moves on by itself every \(seconds) seconds). "),
                       // WCAG 2.2.1: a person at the screen can stop the cycling; the goal's own page does not move.
                       .unwrap(goal) { goal in .a(.href(.portalGoal(goal.code)), .text("Stop here and read this goal")) })
                )
            )
        ).render()
    }
}
