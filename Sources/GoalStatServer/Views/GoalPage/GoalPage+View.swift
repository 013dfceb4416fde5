import GoalStatCore
import Plot

extension GoalPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: goal.name, current: nil, context: context, body: .group(
            heading,
            .if(context.canReadAudit, .p(.class("history-link"), .a(.href(.audit(AuditFilter(entity: .goal, key: goal.code))), .text("History of changes")))),
            .section(
                .class("goal-status"),
                .attr("aria-labelledby", "status-heading"),
                .h2(.id("status-heading"), .text("Status and why")),
                StatusBadge.withReason(status)
            ),
            people,
            childrenSection,
            valueChain,
            linksSection,
            milestonesSection,
            narrativesSection(context)
        ))
    }

    private var heading: Node<HTML.BodyContext> {
        .div(
            .class("page-heading"),
            .unwrap(parent) { parent in
                .p(.class("breadcrumb"), .text("Part of "), .a(.href(.goal(parent.code)), .plain(parent.name)))
            },
            .p(
                .class("goal-kind"),
                .text(goal.kind.title),
                .text(" · "),
                .span(.class("code"), .plain(goal.code)),
                .if(!goal.public, .group(.text(" "), .tag("Internal", class: "tag-internal")))
            ),
            .h1(.plain(goal.name)),
            .if(goal.focus, .p(.class("focus-flag"), .strong(.text("Focus: most consequential deficit")))),
            .unwrap(goal.statement) { statement in .p(.class("lead prose"), .plain(statement)) },
            .if(editable, .p(
                .class("record-actions"),
                .a(.href(.editRecord(.goal, goal.code)), .text("Edit goal")), .text(" · "),
                .a(.href(.newRecord(.goal), query: [("parent", goal.code)]), .text("Add a sub-goal")), .text(" · "),
                .a(.href(.newRecord(.indicator), query: [("goal", goal.code), ("orgUnit", goal.orgUnit ?? "")]), .text("Define an indicator for it"))
            ))
        )
    }

    private var people: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "about-heading"),
            .h2(.id("about-heading"), .text("About this goal")),
            .definitions([
                ("Parent goal", parent.map { parent in .a(.href(.goal(parent.code)), .plain(parent.name)) }),
                ("Owning org unit", (orgUnitName ?? goal.orgUnit).map { .plain($0) }),
                ("Goal leader", .plain(leaderName ?? goal.leader ?? "Not assigned")),
                ("Deputy goal leaders", deputyNames.isEmpty ? nil : .plain(deputyNames.joined(separator: ", "))),
                ("Period", goal.period.map { .plain("\($0.from) to \($0.to)") }),
                ("Perspective", goal.perspective.map { .plain($0) }),
                ("Published", .text(goal.public ? "Yes, on the public portal" : "No, internal only")),
            ])
        )
    }

    private var childrenSection: Node<HTML.BodyContext> {
        .if(!children.isEmpty, .section(
            .attr("aria-labelledby", "children-heading"),
            .h2(.id("children-heading"), .text("Goals under this one")),
            .ul(.class("child-goals"), .forEach(children) { child in
                .li(
                    .a(.href(.goal(child.code)), .plain(child.name)),
                    .text(" (\(child.kind.title)) "),
                    StatusBadge.compact(child.status)
                )
            })
        ))
    }

    /// Every stage in order, so that a missing link in the chain is as visible as a present one (practice 4).
    private var valueChain: Node<HTML.BodyContext> {
        .section(
            .class("value-chain"),
            .attr("aria-labelledby", "chain-heading"),
            .h2(.id("chain-heading"), .text("Indicators along the value chain")),
            .p(.class("muted"), .text("From what the agency puts in to the outcomes it exists for. Key indicators come first; guardrails are watched so that a target is not met by undermining the mission.")),
            .ol(.class("chain-stages"), .forEach(stages) { stage in
                .li(
                    .class("chain-stage stage-\(stage.stage.rawValue)"),
                    .h3(.text(stage.stage.title)),
                    .if(
                        stage.indicators.isEmpty,
                        .p(.class("muted"), .text("No indicators at this stage")),
                        else: .forEach(IndicatorSummary.keyFirst(stage.indicators)) { $0.chainItem }
                    )
                )
            })
        )
    }

    private var linksSection: Node<HTML.BodyContext> {
        .if(!links.isEmpty, .section(
            .attr("aria-labelledby", "links-heading"),
            .h2(.id("links-heading"), .text("How the indicators are expected to drive results")),
            .ul(.class("indicator-links"), .forEach(links) { link in
                .li(
                    .text("More "),
                    .a(.href(.indicator(link.driverCode)), .plain(Self.inSentence(link.driverName))),
                    .text(" (driver) is expected to \(link.expectedSign == .positive ? "raise" : "lower") "),
                    .a(.href(.indicator(link.resultCode)), .plain(Self.inSentence(link.resultName))),
                    .text(" (result) "),
                    .text(link.lagPeriods == 0 ? "in the same \(link.lagPeriod)" : "after \(link.lagPeriods) \(link.lagPeriod)\(link.lagPeriods == 1 ? "" : "s")")
                )
            })
        ))
    }

    private var milestonesSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "milestones-heading"),
            .h2(.id("milestones-heading"), .text("Milestones")),
            .if(editable, .p(.a(.class("button-link"), .href(.newRecord(.milestone), query: [("goal", goal.code)]), .text("Add a milestone")))),
            .if(milestones.isEmpty, .p(.class("muted"), .text("No milestones yet.")), else: .scrollingTable(
                label: "Milestones",
                .caption(.text("Milestones of "), .plain(goal.name)),
                .thead(.tr(.column("Milestone"), .column("Due"), .column("Status"), .column("Completed"), .if(editable, .column("Change")))),
                .tbody(.forEach(milestones) { row in
                    .tr(
                        .class(row.overdue ? "is-overdue" : ""),
                        .rowHeader(.plain(row.milestone.name)),
                        .td(.class("date"), .plain(row.milestone.due)),
                        .td(
                            .text(row.milestone.status.title),
                            .if(row.overdue, .group(.text(" "), .tag("Overdue", class: "tag-overdue")))
                        ),
                        .td(.class("date"), .plain(row.milestone.completedOn ?? "—")),
                        .if(editable, .td(.a(.href(.editRecord(.milestone, row.milestone.code)), .text("Edit"), .span(.class("visually-hidden"), .plain(" " + row.milestone.name)))))
                    )
                })
            ))
        )
    }

    private func narrativesSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "narratives-heading"),
            .h2(.id("narratives-heading"), .text("Quarterly progress updates")),
            .if(editable, .p(.a(.class("button-link"), .href(.narrative(goal: goal.code, period: nil)), .text("Write a quarterly update")))),
            .if(narratives.isEmpty, .p(.class("muted"), .text("No quarterly update yet.")), else: .forEach(narratives) { narrative in
                .article(
                    .class("narrative"),
                    .h3(.plain(narrative.period)),
                    Self.narrativePart("Accomplishments", narrative.accomplishments),
                    Self.narrativePart("Challenges", narrative.challenges),
                    Self.narrativePart("Next steps", narrative.nextSteps),
                    .unwrap(narrative.author) { author in .p(.class("byline"), .text("By "), .plain(author)) },
                    workflow(narrative, context: context)
                )
            })
        )
    }

    /// The narrative's state, the steps the reader may take (a form per step; sending back asks for a note) and its
    /// history. Due dates: a quarter's narrative is due as the reminders say (docs/reminders.md).
    private func workflow(_ narrative: Narrative, context: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(narrativeActor) { actor in
            let steps = NarrativeWorkflow.steps(from: narrative.state, by: actor)
            let history = narrativeHistory.filter { $0.period == narrative.period }
            let slug = narrative.period.replacingOccurrences(of: " ", with: "-")
            return .div(
                .class("narrative-workflow"),
                .p(.strong(.text("State: ")), .plain(narrative.state.title)),
                .forEach(steps) { step in
                    let refused = stepRefusal.flatMap { $0.period == narrative.period && $0.step == step.rawValue ? $0 : nil }
                    return .form(
                        .class("inline-form narrative-step"), .action(.narrativeSteps(goal: goal.code)), .method(.post),
                        .csrfField(context),
                        .input(.type(.hidden), .attr("name", "period"), .attr("value", narrative.period)),
                        .input(.type(.hidden), .attr("name", "step"), .attr("value", step.rawValue)),
                        .if(step == .sendBack, .field(id: "note-\(slug)", label: "What should change", error: refused?.message,
                                                     .textarea(id: "note-\(slug)", name: "note", text: refused?.note ?? "", rows: 2, required: true, error: refused?.message)),
                            else: .fieldError(id: "step-\(slug)-\(step.rawValue)-error", refused?.message)),
                        .button(.type(.submit), .plain(step.title))
                    )
                },
                .if(!history.isEmpty, .details(
                    .summary(.text("History of this narrative")),
                    .ul(.forEach(history) { item in
                        .li(.plain("\(item.at.prefix(10)): \(item.from.title) → \(item.to.title)"),
                            .unwrap(item.actor) { actor in .plain(" by \(actor)") },
                            .unwrap(item.note) { note in .plain(" — “\(note)”") })
                    })
                ))
            )
        }
    }

    private static func narrativePart(_ title: String, _ text: String?) -> Node<HTML.BodyContext> {
        .unwrap(text) { text in .group(.h4(.text(title)), .p(.class("prose"), .plain(text))) }
    }

    /// "Counter staff hours" → "counter staff hours" inside a sentence; acronyms ("DMV wait") stay as written.
    static func inSentence(_ name: String) -> String {
        let characters = Array(name)
        guard characters.count > 1, characters[0].isUppercase, characters[1].isLowercase else { return name }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}
