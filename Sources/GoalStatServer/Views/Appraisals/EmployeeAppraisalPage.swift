import GoalStatCore
import GoalStatStore
import Plot

/// One employee's appraisal as the employee, their rating chain and HR see it: what is due, the expectations (plan
/// elements and standards), the line of sight to the agency's goals with their status, progress reviews, the rating
/// of record with its derivation (and, for a senior executive, the organization's results beside it), feedback,
/// the development plan and awards.
struct EmployeeAppraisalPage {
    var employee: AppraisalEmployee
    var standing: AppraisalAccess.Standing
    var program: AppraisalProgram?
    var plan: PerformancePlan?
    var reviews: [ProgressReview]
    var rating: RatingOfRecord?
    var feedback: [FeedbackNote]
    var awards: [AwardRecord]
    var goals: [String: AlignedGoal]
    var ledGoals: [AlignedGoal]
    var warnings: [AppraisalWarning]
    var names: [String: String]
    var errors: [String: String] = [:]
    var values: [String: String] = [:]

    private var isSelf: Bool { standing == .employee }

    func render(_ context: PageContext) -> String {
        let title = isSelf ? "Your performance plan" : "Appraisal of \(employee.name)"
        return PageLayout.render(title: title, current: .appraisals, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .p(.class("lead"), .plain(lead))
            ),
            dueSection(context),
            expectationsSection,
            lineOfSightSection,
            reviewsSection,
            ratingSection(context),
            feedbackSection(context),
            developmentSection,
            awardsSection,
            .p(.class("muted"), .text("Appraisal data is personal: only you, your rating chain (your supervisor and theirs) and HR can see this page."))
        ))
    }

    private var lead: String {
        var parts = ["\(employee.name), \(names[employee.orgUnit] ?? employee.orgUnit)"]
        if let supervisor = employee.supervisor { parts.append("rated by \(names[supervisor] ?? supervisor)") }
        if let program { parts.append("\(program.name), \(program.cycle.start) to \(program.cycle.end)") }
        return parts.joined(separator: "; ") + "."
    }

    // MARK: Due

    private func dueSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "due-heading"),
            .h2(.id("due-heading"), .text("What is due")),
            .if(warnings.isEmpty && !needsPlanAcknowledgment && !needsRatingAcknowledgment, .p(.text("Nothing is due now."))),
            .ul(.forEach(warnings) { warning in .li(.plain(warning.message + " (" + warning.section + ")")) }),
            .if(needsPlanAcknowledgment, acknowledgeForm(context, what: "plan", label: "I have received my performance plan")),
            .if(needsRatingAcknowledgment, acknowledgeForm(context, what: "rating", label: "I have received my rating of record")),
            .if(standing.mayEdit, .ul(
                .class("actions"),
                .li(.a(.href(.appraisalPlan(employee.email)), .text(plan == nil ? "Write the performance plan" : "Edit the performance plan"))),
                .if(plan != nil, .li(.a(.href(.appraisalProgressReview(employee.email)), .text("Record a progress review")))),
                .if(plan != nil, .li(.a(.href(.appraisalRating(employee.email)), .text(rating == nil ? "Give the rating of record" : "Change the rating of record")))),
                .li(.a(.href(.appraisalAward(employee.email)), .text("Propose an award")))
            ))
        )
    }

    private var needsPlanAcknowledgment: Bool { isSelf && plan?.establishedOn != nil && plan?.acknowledgedOn == nil }
    private var needsRatingAcknowledgment: Bool { isSelf && rating != nil && rating?.acknowledgedOn == nil }

    private func acknowledgeForm(_ context: PageContext, what: String, label: String) -> Node<HTML.BodyContext> {
        .form(
            .class("inline-form"),
            .action(.appraisalAcknowledgment(employee.email)),
            .method(.post),
            .csrfField(context),
            .input(.type(.hidden), .name("what"), .value(what)),
            .button(.type(.submit), .text(label))
        )
    }

    // MARK: Expectations

    private var expectationsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "expectations-heading"),
            .h2(.id("expectations-heading"), .text("Expectations")),
            .unwrap(plan, { plan in
                .group(
                    .p(.plain(planStatus(plan))),
                    .scrollingTable(
                        label: "Elements and standards",
                        .caption(.text("Elements of the plan and their standards")),
                        .thead(.tr(.column("Element"), .column("Kind"), .column("Standard (Fully Successful)"), .column("Serves the goals"))),
                        .tbody(.forEach(plan.elements) { element in
                            .tr(
                                .rowHeader(.plain(element.title)),
                                .td(.text(element.critical ? "Critical" : "Non-critical")),
                                .td(.plain(element.standard)),
                                .td(.plain(element.goals.map { goals[$0].map { "\($0.code) \($0.name)" } ?? $0 }.joined(separator: "; ")))
                            )
                        })
                    )
                )
            }, else: .p(.text("No performance plan yet.")))
        )
    }

    private func planStatus(_ plan: PerformancePlan) -> String {
        guard let established = plan.establishedOn else { return "Draft: not yet given to the employee." }
        return "Given on \(established)" + (plan.acknowledgedOn.map { "; acknowledged on \($0)." } ?? "; not yet acknowledged.")
    }

    // MARK: Line of sight

    private var lineOfSightSection: Node<HTML.BodyContext> {
        let aligned = (plan?.alignedGoals ?? []).compactMap { goals[$0] }
        return .section(
            .attr("aria-labelledby", "sight-heading"),
            .h2(.id("sight-heading"), .text("Line of sight to the agency's goals")),
            .if(aligned.isEmpty, .p(.text("No element is aligned with an agency goal yet.")), else: .scrollingTable(
                label: "Goals the plan serves",
                .caption(.text("The goals this work serves, and how they are doing now")),
                .thead(.tr(.column("Goal"), .column("Status"), .column("Why"), .column("Through the elements"))),
                .tbody(.forEach(aligned) { goal in
                    .tr(
                        .rowHeader(.a(.href(.goal(goal.code)), .plain("\(goal.code) \(goal.name)"))),
                        .td(.text(goal.status.title)),
                        .td(.plain(goal.reason)),
                        .td(.plain((plan?.elements ?? []).filter { $0.goals.contains(goal.code) }.map(\.title).joined(separator: "; ")))
                    )
                })
            ))
        )
    }

    // MARK: Reviews and rating

    private var reviewsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "reviews-heading"),
            .h2(.id("reviews-heading"), .text("Progress reviews")),
            .if(reviews.isEmpty, .p(.text("No progress review yet; at least one is held each appraisal period (5 CFR 430.207(b))."))),
            .ul(.forEach(reviews) { review in
                .li(.strong(.text(review.date.description + ": ")), .plain(review.notes),
                    .if(!review.checklist.isEmpty, .span(.class("muted"), .plain(" Covered: " + review.checklist.compactMap { ProgressReviewChecklist.item($0)?.key }.joined(separator: ", ") + "."))))
            })
        )
    }

    private func ratingSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "rating-heading"),
            .h2(.id("rating-heading"), .text("Rating of record")),
            .unwrap(rating, { rating in
                .group(
                    .p(.strong(.plain(levelTitle(rating))), .plain(ratedBy(rating))),
                    .h3(.text("How the summary level was derived")),
                    .ol(.class("derivation"), .forEach(rating.derivation) { step in .li(.plain(step)) }),
                    .if(employee.seniorExecutive, organizationalResults),
                    .unwrap(rating.reconsideration) { note in .p(.strong(.text("Reconsideration asked: ")), .plain(note)) },
                    .unwrap(rating.reconsiderationAnswer) { note in .p(.strong(.text("Answer: ")), .plain(note)) },
                    .if(isSelf || standing.mayEdit, .form(
                        .class("stacked-form"),
                        .action(.appraisalReconsideration(employee.email)),
                        .method(.post),
                        .csrfField(context),
                        AppraisalFormNodes.long(
                            "reconsideration-text", "text", isSelf ? "Ask for reconsideration" : "Answer the request for reconsideration",
                            value: values["reconsideration"] ?? "", error: errors["reconsideration"], rows: 3
                        ),
                        .button(.type(.submit), .text(isSelf ? "Send the note" : "Save the answer"))
                    ))
                )
            }, else: .group(
                .p(.text("No rating of record yet.")),
                .if(employee.seniorExecutive, organizationalResults)
            ))
        )
    }

    private func levelTitle(_ rating: RatingOfRecord) -> String {
        let name = employee.seniorExecutive ? rating.summaryLevel.seniorExecutiveName : rating.summaryLevel.name
        return "Level \(rating.summaryLevel.number): \(name)"
    }

    private func ratedBy(_ rating: RatingOfRecord) -> String {
        var text = " — given on \(rating.ratedOn)"
        if let by = rating.ratedBy { text += " by " + (names[by] ?? by) }
        if let reviewer = rating.reviewedBy { text += "; higher-level review by " + (names[reviewer] ?? reviewer) }
        return text + "."
    }

    /// For a senior executive: the results of the goals they lead, read from the read model, beside the rating
    /// (5 CFR 430.304(b)(4), 430.307).
    private var organizationalResults: Node<HTML.BodyContext> {
        let results = ledGoals.map { OrganizationalResult(goalCode: $0.code, goalName: $0.name, status: $0.status.title, onTrack: Self.onTrack($0.status)) }
        return .div(
            .class("organizational-results"),
            .h3(.text("The organization's results (goals this executive leads)")),
            .p(.plain(results.organizationalSummary + (program.map { " Read from the stored analysis for the period ending \($0.cycle.end)." } ?? ""))),
            .if(!ledGoals.isEmpty, .scrollingTable(
                label: "Goals led",
                .caption(.text("Goals this executive leads, with their status")),
                .thead(.tr(.column("Goal"), .column("Status"), .column("Why"))),
                .tbody(.forEach(ledGoals) { goal in
                    .tr(.rowHeader(.a(.href(.goal(goal.code)), .plain("\(goal.code) \(goal.name)"))), .td(.text(goal.status.title)), .td(.plain(goal.reason)))
                })
            ))
        )
    }

    static func onTrack(_ status: IndicatorStatus) -> Bool? {
        switch status {
        case .onTrack: true
        case .atRisk, .offTrack: false
        case .noData, .noTarget: nil
        }
    }

    // MARK: Feedback, development, awards

    private func feedbackSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "feedback-heading"),
            .h2(.id("feedback-heading"), .text(isSelf ? "Feedback you have received" : "Feedback")),
            .if(feedback.isEmpty, .p(.text("No feedback recorded yet."))),
            .ul(.class("feedback"), .forEach(feedback) { note in
                .li(.strong(.plain("\(note.date), \(names[note.author] ?? note.author)" + (note.kind == .peer ? " (peer)" : "") + ": ")), .plain(note.text))
            }),
            .form(
                .class("stacked-form"),
                .action(.appraisalFeedback(employee.email)),
                .method(.post),
                .csrfField(context),
                AppraisalFormNodes.long(
                    "feedback-text", "text", isSelf ? "Write to your supervisor" : "Give feedback", value: values["feedback"] ?? "", error: errors["feedback"],
                    hint: "Dated and kept with the appraisal; the employee and their rating chain read it.", rows: 3
                ),
                .button(.type(.submit), .text("Record the feedback"))
            )
        )
    }

    private var developmentSection: Node<HTML.BodyContext> {
        let items = plan?.development ?? []
        return .section(
            .attr("aria-labelledby", "development-heading"),
            .h2(.id("development-heading"), .text("Individual development plan")),
            .if(items.isEmpty, .p(.text("No development items yet; the supervisor adds them with the plan and reviews them at progress reviews."))),
            .ul(.forEach(items) { item in
                .li(.text(item.kind == .training ? "Training: " : "Developmental assignment: "), .plain(item.text),
                    .unwrap(item.element.flatMap { index in plan?.elements.indices.contains(index) == true ? plan?.elements[index].title : nil }) { .span(.class("muted"), .plain(" (for \($0))")) },
                    .if(item.done, .text(" — done")))
            })
        )
    }

    private var awardsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "awards-heading"),
            .h2(.id("awards-heading"), .text("Awards")),
            .if(awards.isEmpty, .p(.text("No award proposed."))),
            .ul(.forEach(awards) { award in
                .li(.plain("\(award.proposedOn): \(award.proposal.kind.title)" + AppraisalWording.amount(award.proposal) + (award.justification.isEmpty ? "" : " — \(award.justification)")
                    + (award.approvals.isEmpty ? "" : " Needs the approval of " + award.approvals.map(\.approver).joined(separator: " and ") + ".")))
            })
        )
    }
}

/// Plain words shared by the appraisal pages.
enum AppraisalWording {
    static func amount(_ proposal: AwardProposal) -> String {
        if let hours = proposal.hours { return ", \(AwardPolicy.number(hours)) hours" }
        if let amount = proposal.amount { return ", " + AwardPolicy.dollars(amount) }
        return ""
    }
}
