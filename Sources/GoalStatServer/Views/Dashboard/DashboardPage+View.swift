import GoalStatCore
import Plot

extension DashboardPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: planName, current: .dashboard, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.plain(planName)),
                .p(.class("subtitle"), .text("Status as of "), .plain(today.description))
            ),
            framing,
            goalsSection
        ), width: .full)
    }

    /// Mission, vision and values: the plan's reason for the goals below (seed 002, practice 1).
    private var framing: Node<HTML.BodyContext> {
        let processValues = values.filter { $0.kind == .process }
        let outcomeValues = values.filter { $0.kind == .outcome }
        return .if(mission != nil || vision != nil || !values.isEmpty, .section(
            .class("plan-framing"),
            .attr("aria-label", "Mission, vision and values"),
            .unwrap(mission) { mission in
                .div(.class("framing-item"), .h2(.text("Mission")), .p(.class("prose"), .plain(mission)))
            },
            .unwrap(vision) { vision in
                .div(.class("framing-item"), .h2(.text("Vision")), .p(.class("prose"), .plain(vision)))
            },
            .if(!values.isEmpty, .div(
                .class("framing-item"),
                .h2(.text("Values")),
                Self.valueList(ValueKind.process.title, processValues),
                Self.valueList(ValueKind.outcome.title, outcomeValues)
            ))
        ))
    }

    private static func valueList(_ title: String, _ values: [PlanValue]) -> Node<HTML.BodyContext> {
        .if(!values.isEmpty, .group(
            .h3(.text(title)),
            .ul(.class("plan-values"), .forEach(values) { value in
                .li(
                    .strong(.plain(value.name)),
                    .unwrap(value.description) { description in .group(.text(": "), .plain(description)) }
                )
            })
        ))
    }

    private var goalsSection: Node<HTML.BodyContext> {
        let inFull = goals.filter { $0.isFocus || $0.kind == .priorityGoal || $0.kind == .crossAgencyGoal }
        return .section(
            .class("goals"),
            .attr("aria-labelledby", "goals-heading"),
            .h2(.id("goals-heading"), .text("Goals")),
            .if(goals.isEmpty, .p(.text("This plan has no goals yet.")), else: .group(
                statusCounts,
                .forEach(goals.filter(\.isFocus)) { focus in
                    .p(
                        .class("focus-callout"),
                        .strong(.text("Focus: most consequential deficit — ")),
                        .a(.attr("href", "#goal-" + focus.code), .plain(focus.name))
                    )
                },
                .if(!inFull.isEmpty, .section(
                    .class("priority-goals"),
                    .attr("aria-labelledby", "priority-heading"),
                    .h3(.id("priority-heading"), .text("Priority goals and the focus")),
                    .forEach(inFull) { Self.card($0) }
                )),
                .section(
                    .class("goal-branches"),
                    .attr("aria-labelledby", "tree-heading"),
                    .h3(.id("tree-heading"), .text("Every goal, by strategic goal")),
                    .p(.class("muted"), .text("Open a strategic goal to see its objectives and the goals under them.")),
                    .forEach(Self.branches(goals[...])) { Self.branch($0.goal, $0.descendants) }
                )
            ))
        )
    }

    /// How many goals are at each status: the first thing a reviewer reads.
    private var statusCounts: Node<HTML.BodyContext> {
        let counts = Dictionary(grouping: goals, by: \.status.status).mapValues(\.count)
        return .group(
            .p(.class("tally"), .text("\(goals.count) goal\(goals.count == 1 ? "" : "s"): "), .text(StatusBadge.tally(goals.map(\.status.status)))),
            .ul(.class("status-counts"), .attr("aria-label", "Goals by status"), .forEach(IndicatorStatus.allCases.sorted()) { status in
                .li(StatusBadge.badge(status), .text(" "), .strong(.text("\(counts[status] ?? 0)")))
            })
        )
    }

    /// A strategic goal, folded: its status in the summary, its objectives and the goals below them inside.
    private static func branch(_ top: GoalCard, _ descendants: ArraySlice<GoalCard>) -> Node<HTML.BodyContext> {
        .details(
            .class("goal-branch"),
            .summary(
                .span(.class("goal-kind"), .text(top.kind.title), .text(" · ")),
                .plain(top.name), .text(" "), StatusBadge.badge(top.status.status),
                .if(!descendants.isEmpty, .span(.class("muted"), .text(" (\(descendants.count) below)")))
            ),
            .ol(.class("goal-rows"), row(top), .forEach(descendants) { row($0) })
        )
    }

    /// One goal as a line of the tree: its link, status and why.
    private static func row(_ goal: GoalCard) -> Node<HTML.ListContext> {
        .li(
            .class("goal-card goal-row depth-\(min(goal.depth, 5))"),
            .p(
                .class("goal-row-name"),
                .a(.href(.goal(goal.code)), .plain(goal.name)),
                .text(" "), .span(.class("code"), .plain(goal.code)),
                .text(" · "), .text(goal.kind.title),
                .unwrap(goal.leaderName) { .group(.text(" · "), .plain($0)) },
                .if(!goal.isPublic, .group(.text(" "), .tag("Internal", class: "tag-internal")))
            ),
            StatusBadge.withReason(goal.status)
        )
    }

    /// Splits a tree-ordered run of goals into its top goals, each with the deeper goals that follow it.
    private static func branches(_ cards: ArraySlice<GoalCard>) -> [(goal: GoalCard, descendants: ArraySlice<GoalCard>)] {
        guard let top = cards.map(\.depth).min() else { return [] }
        var result: [(goal: GoalCard, descendants: ArraySlice<GoalCard>)] = []
        var index = cards.startIndex
        while index < cards.endIndex {
            var end = index + 1
            while end < cards.endIndex, cards[end].depth > top { end += 1 }
            result.append((cards[index], cards[(index + 1)..<end]))
            index = end
        }
        return result
    }

    private static func card(_ goal: GoalCard) -> Node<HTML.BodyContext> {
        var classes = ["goal-card", "depth-\(min(goal.depth, 5))"]
        if goal.isFocus { classes.append("is-focus") }
        if !goal.isPublic { classes.append("is-internal") }
        let title: Node<HTML.BodyContext> = .a(.href(.goal(goal.code)), .plain(goal.name))
        return .article(
            .class(classes.joined(separator: " ")),
            .attr("id", "goal-" + goal.code),
            .p(
                .class("goal-kind"),
                .text(goal.kind.title),
                .text(" · "),
                .span(.class("code"), .plain(goal.code)),
                .if(!goal.isPublic, .group(.text(" "), .tag("Internal", class: "tag-internal")))
            ),
            goal.depth == 0 ? .h3(.class("goal-name"), title) : .h4(.class("goal-name"), title),
            .if(goal.isFocus, .p(.class("focus-flag"), .strong(.text("Focus: most consequential deficit")))),
            StatusBadge.withReason(goal.status),
            .definitions([
                ("Goal leader", goal.leaderName.map { .plain($0) }),
                ("Perspective", goal.perspective.map { .plain($0) }),
            ], class: "facts facts-inline"),
            .if(
                goal.keyIndicators.isEmpty,
                .p(.class("muted"), .text("No key indicators yet.")),
                else: IndicatorSummary.table(goal.keyIndicators, caption: "Key indicators of \(goal.name)")
            )
        )
    }
}
