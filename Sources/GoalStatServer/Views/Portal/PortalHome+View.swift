import GoalStatCore
import Plot

/// The portal's front page: the agency, its plan, its published goals with their status in words, the latest
/// narratives and wins.
struct PortalHomePage {
    var snapshot: PortalSnapshot
    var narratives: [Narrative]
    var wins: [Win]

    func render(_ context: PageContext) -> String {
        let plan = snapshot.document.plan
        return PortalLayout.render(title: "Goals and results", agency: snapshot.agencyName, section: .home, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.plain(snapshot.agencyName)),
                .unwrap(plan?.name) { name in .p(.class("subtitle"), .plain(name)) },
                .p(.class("subtitle"), .text("Results as of "), .plain(snapshot.today.description))
            ),
            .if(plan?.mission != nil || plan?.vision != nil || !(plan?.values.isEmpty ?? true), .section(
                .class("plan-framing"),
                .attr("aria-label", "Mission, vision and values"),
                .unwrap(plan?.mission) { text in .div(.class("framing-item"), .h2(.text("Mission")), .p(.class("prose"), .plain(text))) },
                .unwrap(plan?.vision) { text in .div(.class("framing-item"), .h2(.text("Vision")), .p(.class("prose"), .plain(text))) },
                .if(!(plan?.values.isEmpty ?? true), .div(
                    .class("framing-item"), .h2(.text("Values")),
                    .ul(.class("plan-values"), .forEach(plan?.values ?? []) { value in
                        .li(.strong(.plain(value.name)), .unwrap(value.description) { text in .group(.text(": "), .plain(text)) })
                    })
                ))
            )),
            .section(
                .attr("aria-labelledby", "goals-heading"),
                .h2(.id("goals-heading"), .text("Our goals")),
                .if(snapshot.document.goals.isEmpty, .p(.text("No goals have been published yet."))),
                .ul(.class("public-goals"), .forEach(snapshot.goalTree) { item in
                    .li(
                        .class("public-goal depth-\(min(item.depth, 3))"),
                        .h3(.a(.href(.portalGoal(item.goal.code)), .plain(item.goal.name))),
                        .p(.class("muted"), .plain(item.goal.kind.title),
                           .unwrap(item.goal.leader) { name in .group(.text(" · led by "), .plain(name)) }),
                        PortalParts.status(snapshot.goalStatus(item.goal), sentence: PublicStatusWords.goalHeadline(snapshot.goalStatus(item.goal)))
                    )
                })
            ),
            .if(!narratives.isEmpty, .section(
                .attr("aria-labelledby", "narratives-heading"),
                .h2(.id("narratives-heading"), .text("Latest quarterly updates")),
                .ul(.class("plain-list"), .forEach(narratives) { narrative in
                    .li(.a(.href(.portalGoal(narrative.goal)), .plain(snapshot.document.goals.first { $0.code == narrative.goal }?.name ?? narrative.goal)),
                        .text(" — "), .plain(narrative.period))
                })
            )),
            .if(!wins.isEmpty, .section(
                .attr("aria-labelledby", "wins-heading"),
                .h2(.id("wins-heading"), .text("Recent small wins")),
                .forEach(wins) { win in PortalParts.win(win, goalName: win.goal.flatMap { code in snapshot.document.goals.first { $0.code == code }?.name }) },
                .p(.a(.href(.portalWins), .text("Every small win")))
            )),
            .p(.a(.href(.portalUpdates), .text("Timeline of updates")), .text(" · "), .a(.href(.openData), .text("Open data downloads")))
        ))
    }
}
