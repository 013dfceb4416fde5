import GoalStatCore
import Plot

/// A published goal's public page: statement, leader, status in words, indicators, milestones, published
/// narratives and wins, the comments the PIO published with their responses, and the form to send one.
struct PortalGoalPage {
    var snapshot: PortalSnapshot
    var goal: Goal
    var wins: [Win]
    var comments: [CitizenFeedback]
    /// The form's values and error when it was refused, else empty.
    var form = FormValues()
    var formError: (field: String, message: String)?
    var thanks = false

    func render(_ context: PageContext) -> String {
        let status = snapshot.goalStatus(goal)
        let indicators = snapshot.indicators(of: goal.code)
        let milestones = snapshot.document.milestones.filter { $0.goal == goal.code }
        let narratives = Array(snapshot.document.narratives.filter { $0.goal == goal.code }.reversed())
        let children = snapshot.document.goals.filter { $0.parent == goal.code }
        let parent = goal.parent.flatMap { code in snapshot.document.goals.first { $0.code == code } }
        return PortalLayout.render(title: goal.name, agency: snapshot.agencyName, section: .none, context: context, body: .group(
            .div(
                .class("page-heading"),
                .unwrap(parent) { parent in .p(.class("breadcrumb"), .text("Part of "), .a(.href(.portalGoal(parent.code)), .plain(parent.name))) },
                .p(.class("goal-kind"), .plain(goal.kind.title)),
                .h1(.plain(goal.name)),
                .unwrap(goal.statement) { text in .p(.class("lead prose"), .plain(text)) },
                PortalParts.status(status, sentence: PublicStatusWords.goalHeadline(status)),
                .definitions([
                    ("Goal leader", goal.leader.map { .plain($0) }),
                    ("Deputy goal leaders", goal.deputies.isEmpty ? nil : .plain(goal.deputies.joined(separator: ", "))),
                    ("Period", goal.period.map { .plain("\($0.from) to \($0.to)") }),
                ])
            ),
            .if(!children.isEmpty, .section(
                .attr("aria-labelledby", "children-heading"),
                .h2(.id("children-heading"), .text("Goals under this one")),
                .ul(.class("plain-list"), .forEach(children) { child in
                    .li(.a(.href(.portalGoal(child.code)), .plain(child.name)), .text(" — "), .plain(PublicStatusWords.label(snapshot.goalStatus(child))))
                })
            )),
            .section(
                .attr("aria-labelledby", "indicators-heading"),
                .h2(.id("indicators-heading"), .text("How we measure progress")),
                .if(indicators.isEmpty, .p(.text("No indicators of this goal have been published yet."))),
                .ul(.class("public-indicators"), .forEach(indicators) { PortalParts.indicatorRow($0, in: snapshot) })
            ),
            .if(!milestones.isEmpty, .section(
                .attr("aria-labelledby", "milestones-heading"),
                .h2(.id("milestones-heading"), .text("Milestones")),
                .table(
                    .caption(.text("Milestones of \(goal.name)")),
                    .thead(.tr(.th(.text("Milestone")), .th(.text("Due")), .th(.text("Status")))),
                    .tbody(.forEach(milestones) { milestone in
                        .tr(.td(.plain(milestone.name)), .td(.plain(milestone.due)), .td(.plain(milestone.status.title)))
                    })
                )
            )),
            .section(
                .attr("aria-labelledby", "narratives-heading"),
                .h2(.id("narratives-heading"), .text("Quarterly updates")),
                .if(narratives.isEmpty, .p(.text("No quarterly update has been published yet."))),
                .forEach(narratives) { PortalParts.narrative($0) }
            ),
            .if(!wins.isEmpty, .section(
                .attr("aria-labelledby", "wins-heading"),
                .h2(.id("wins-heading"), .text("Small wins")),
                .forEach(wins) { PortalParts.win($0, goalName: nil) }
            )),
            commentsSection(context)
        ))
    }

    private func commentsSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        let messageError = formError?.field == "message" ? formError?.message : nil
        let nameError = formError?.field == "displayName" ? formError?.message : nil
        return .section(
            .class("citizen-feedback"),
            .attr("aria-labelledby", "feedback-heading"),
            .h2(.id("feedback-heading"), .text("What the public told us")),
            .if(comments.isEmpty, .p(.text("No comments have been published yet."))),
            .forEach(comments) { comment in
                .article(
                    .class("comment"),
                    .p(.class("muted"), .plain(comment.displayName ?? "A member of the public"), .text(" wrote on "), .plain(PortalParts.day(comment.submittedAt))),
                    .blockquote(.p(.class("prose"), .plain(comment.message))),
                    .unwrap(comment.response) { response in .div(.class("response"), .h3(.text("Our response")), .p(.class("prose"), .plain(response))) }
                )
            },
            .h3(.id("feedback-form-heading"), .text("Tell us what you think of this goal")),
            .if(thanks, .p(.class("notice"), .attr("role", "status"), .text("Thank you. Your comment will be read by our performance staff; if it is published, it will appear here with our response."))),
            .form(
                .class("feedback-form"), .action(.portalFeedback(goal.code)), .method(.post),
                .attr("aria-labelledby", "feedback-form-heading"),
                .csrfField(context),
                .p(.class("hint"), .text("Comments are read before they are published. Do not include personal details: we do not ask for your e-mail address.")),
                .field(id: "feedback-message", label: "Your comment", hint: "Up to 2,000 characters.", error: messageError,
                       .textarea(id: "feedback-message", name: "message", text: form["message"], rows: 5, required: true, hint: "Up to 2,000 characters.", error: messageError)),
                .field(id: "feedback-name", label: "Name to show with your comment (optional)", error: nameError,
                       .input([.type(.text), .attr("name", "displayName"), .attr("value", form["displayName"]), .attr("maxlength", "80")]
                              + Attribute.describing(id: "feedback-name", hint: nil, error: nameError))),
                // The honeypot: hidden from people (and from screen readers); a robot that fills every field fills it.
                .div(.class("honeypot"), .attr("aria-hidden", "true"),
                     .label(.attr("for", "feedback-website"), .text("Leave this field empty")),
                     .input(.type(.text), .attr("id", "feedback-website"), .attr("name", "website"), .attr("tabindex", "-1"), .attr("autocomplete", "off"))),
                .button(.type(.submit), .text("Send comment"))
            )
        )
    }
}
