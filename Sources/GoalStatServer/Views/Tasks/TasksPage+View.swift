import GoalStatCore
import GoalStatStore
import Plot

extension TasksPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "My tasks", current: .tasks, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("My tasks")),
                .p(.class("lead"), .plain(summary))
            ),
            notificationsLink,
            .if(tasks.isEmpty && actions.isEmpty && asks.isEmpty && risks.isEmpty && capacityToDecide.isEmpty && appraisals.isEmpty, .p(.text("Nothing is due from you. Values, narratives and targets appear here as their due dates come near."))),
            .if(!actions.isEmpty, actionsSection),
            .if(!appraisals.isEmpty, appraisalsSection),
            .if(!asks.isEmpty, asksSection),
            .if(!risks.isEmpty || !capacityToDecide.isEmpty, reviewWorkSection),
            .if(!tasks.values.isEmpty, valuesSection),
            .if(!tasks.narratives.isEmpty, narrativesSection),
            .if(!tasks.targets.isEmpty, targetsSection),
            .section(
                .attr("aria-labelledby", "rules-heading"),
                .h2(.id("rules-heading"), .text("When things are due")),
                .p(.plain("A value is due \(DueWording.grace(policy)). A reminder comes \(policy.remindBeforeDays) days before the due date, another on the day and another \(policy.lateAfterDays) days late; after \(policy.escalateAfterDays) days the leaders of the indicator's goals are told.")),
                .p(.text("A period with nothing to report is answered by entering it as missing, with the reason in the note: that stops its reminders.")),
                .p(.plain("A goal's narrative is due \(policy.grace(.quarterly)) days after each quarter ends; a target for the year is due when the year starts, and the next year's is asked for \(TargetsDue.nextYearLeadDays) days before."))
            )
        ))
    }

    private var actionsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "actions-heading"),
            .h2(.id("actions-heading"), .text("Actions from reviews")),
            .scrollingTable(
                label: "Actions from reviews",
                .caption(.text("Your open actions, by due date")),
                .thead(.tr(.column("Action"), .column("Due on"), .column("Where it stands"))),
                .tbody(.forEach(actions) { action in
                    .tr(
                        .class(action.isOverdue(on: today) ? "row-late" : ""),
                        .rowHeader(.a(.href(.action(action.id)), .plain(action.title))),
                        .td(.plain(action.due)),
                        .td(.text(action.isOverdue(on: today) ? "Overdue" : "Open"))
                    )
                })
            )
        )
    }

    private var appraisalsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "appraisals-heading"),
            .h2(.id("appraisals-heading"), .text("Appraisals")),
            .ul(.forEach(appraisals) { due in
                .li(.a(.href(.appraisal(due.employee)), .plain(due.name)), .plain(": " + due.message))
            })
        )
    }

    private var asksSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "asks-heading"),
            .h2(.id("asks-heading"), .text("Help asked of your units")),
            .scrollingTable(
                label: "Help asked of your units",
                .caption(.text("Asks for help from reviews, waiting for an answer")),
                .thead(.tr(.column("For the goal"), .column("Asked of"), .column("Help asked for"))),
                .tbody(.forEach(asks) { assessment in
                    .tr(
                        .rowHeader(.plain(goalNames[assessment.goal] ?? assessment.goal)),
                        .td(.plain(assessment.ask.map { unitNames[$0.orgUnit] ?? $0.orgUnit } ?? "")),
                        .td(.a(.href(.ask(assessment.id)), .plain(assessment.ask?.request ?? "")))
                    )
                })
            )
        )
    }

    private var reviewWorkSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "review-work-heading"),
            .h2(.id("review-work-heading"), .text("Risks to review and capacity to decide")),
            .ul(
                .forEach(risks) { risk in
                    .li(.a(.href(.risk(risk.id)), .plain(risk.title)), .plain(" (\(goalNames[risk.goal] ?? risk.goal)): review " + (risk.reviewOn.map { "by \($0)" } ?? "now")),
                        .if(risk.isReviewOverdue(on: today), .group(.text(" "), .tag("Overdue", class: "tag-overdue"))))
                },
                .forEach(capacityToDecide) { request in
                    .li(.a(.href(.capacityRequest(request.id)), .plain(request.title)), .plain(" — \(unitNames[request.orgUnit] ?? request.orgUnit) asked on \(request.requestedOn); waiting for a decision"))
                }
            )
        )
    }

    private var summary: String {
        let count = tasks.values.count + tasks.narratives.count + tasks.targets.count + actions.count + asks.count + risks.count + capacityToDecide.count + appraisals.count
        guard count > 0 else { return "\(personName), as of \(today)." }
        let things = count == 1 ? "1 thing is due" : "\(count) things are due"
        let late = tasks.lateCount == 0 ? "none is late" : (tasks.lateCount == 1 ? "1 is late" : "\(tasks.lateCount) are late")
        return "\(personName), as of \(today): \(things) from you, and \(late)."
    }

    private var notificationsLink: Node<HTML.BodyContext> {
        .p(
            .a(.href(.notifications), .text("Your reminders")),
            .if(unreadNotifications > 0, .text(unreadNotifications == 1 ? " (1 new)" : " (\(unreadNotifications) new)"))
        )
    }

    private var valuesSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "values-heading"),
            .h2(.id("values-heading"), .text("Values to enter")),
            .scrollingTable(
                label: "Values to enter",
                .caption(.text("Values of the indicators you steward, by due date")),
                .thead(.tr(.column("Indicator"), .column("Period"), .column("Due on"), .column("Where it stands"), .column("Enter it"))),
                .tbody(.forEach(tasks.values) { task in
                    .tr(
                        .class(task.due.state == .late ? "row-late" : ""),
                        .rowHeader(.a(.href(.indicator(task.indicator)), .plain(task.indicatorName)), .br(), .span(.class("code"), .plain(task.indicator))),
                        .td(.class("period"), .plain(task.periodLabel)),
                        .td(.plain(task.due.dueDate.description)),
                        .td(standing(task.due)),
                        .td(.a(
                            .href(.dataEntryGrid(steward: task.steward, month: task.entryMonth)),
                            .span(.text("Data entry")), .span(.class("visually-hidden"), .plain(" for \(task.indicatorName), \(task.periodLabel)"))
                        ))
                    )
                })
            )
        )
    }

    private var narrativesSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "narratives-heading"),
            .h2(.id("narratives-heading"), .text("Quarterly narratives to write and publish")),
            .scrollingTable(
                label: "Quarterly narratives to write and publish",
                .caption(.text("Progress updates for the goals you lead, until each is published")),
                .thead(.tr(.column("Goal"), .column("Quarter"), .column("Next step"), .column("Due on"), .column("Where it stands"))),
                .tbody(.forEach(tasks.narratives) { task in
                    .tr(
                        .class(task.due.state == .late ? "row-late" : ""),
                        .rowHeader(.a(.href(.goal(task.goal)), .plain(task.goalName)), .br(), .span(.class("code"), .plain(task.goal))),
                        .td(.class("period"), .plain(task.periodLabel)),
                        .td(.a(.href(Self.nextStepURL(task)), .plain(task.nextStep))),
                        .td(.plain(task.due.dueDate.description)),
                        .td(standing(task.due))
                    )
                })
            )
        )
    }

    /// Where a narrative's next step is taken: its form while it is to be written, else the goal's page.
    private static func nextStepURL(_ task: NarrativeTask) -> SiteURL {
        switch task.state {
        case nil, .draft?: .narrative(goal: task.goal, period: task.periodLabel)
        default: .goal(task.goal)
        }
    }

    private var targetsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "targets-heading"),
            .h2(.id("targets-heading"), .text("Targets to set")),
            .scrollingTable(
                label: "Targets to set",
                .caption(.text("Indicators of the goals you lead with no target for the year")),
                .thead(.tr(.column("Indicator"), .column("Year"), .column("Due on"), .column("Where it stands"), .column("Set it"))),
                .tbody(.forEach(tasks.targets) { task in
                    .tr(
                        .class(task.due.state == .late ? "row-late" : ""),
                        .rowHeader(.a(.href(.indicator(task.indicator)), .plain(task.indicatorName)), .br(), .span(.class("code"), .plain(task.indicator))),
                        .td(.class("period"), .plain(task.periodLabel)),
                        .td(.plain(task.due.dueDate.description)),
                        .td(standing(task.due)),
                        .td(.a(
                            .href(.newTarget(task.indicator)),
                            .span(.text("Set the target")), .span(.class("visually-hidden"), .plain(" of \(task.indicatorName) for \(task.periodLabel)"))
                        ))
                    )
                })
            )
        )
    }

    private func standing(_ due: DuePeriod) -> Node<HTML.BodyContext> {
        let words = DueWording.standing(due, today: today)
        return due.state == .late ? .strong(.class("late"), .plain(words)) : .plain(words)
    }
}
