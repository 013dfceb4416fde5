import Foundation
import GoalStatCore
import Plot

/// The staff's recognition feed: every win they may see, published or not, with the PIO's publish buttons.
struct WinsPage {
    struct Row {
        var win: Win
        var goalName: String?
        var mayPublish: Bool
    }

    var rows: [Row]
    var page: Int
    var hasMore: Bool
    var mayRecord: Bool

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Small wins", current: .wins, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Small wins")),
                 .p(.class("lead"), .text("Recognition for what teams achieve on the way to the goals (seed 002, practice 7). Published wins also show on the "),
                    .a(.href(.portalWins), .text("public portal")), .text("."))),
            .if(mayRecord, .p(.a(.class("button-link"), .href(.newWin), .text("Record a small win")))),
            .if(rows.isEmpty, .p(.text("No small win has been recorded yet."))),
            .forEach(rows) { row in
                .article(
                    .class("win-card"),
                    .h2(.plain(row.win.title)),
                    .p(.class("muted"), .text("Achieved on "), .plain(row.win.achievedOn),
                       .unwrap(row.goalName) { name in .group(.text(" · "), .a(.href(.goal(row.win.goal ?? "")), .plain(name))) },
                       .text(" · "), .tag(row.win.published ? "Published" : "Not published", class: row.win.published ? "" : "tag-internal")),
                    .p(.class("prose"), .plain(row.win.story)),
                    .if(row.mayPublish, .form(
                        .class("inline-form"), .action(.winPublication(row.win.id)), .method(.post),
                        .csrfField(context),
                        .if(!row.win.published, .input(.type(.hidden), .attr("name", "published"), .attr("value", "on"))),
                        .button(.type(.submit), .text(row.win.published ? "Take off the portal" : "Publish on the portal"))
                    ))
                )
            },
            .nav(.attr("aria-label", "Pages"), .p(
                .if(page > 1, .a(.href(.wins, query: [("page", String(page - 1))]), .text("Newer"))),
                .if(hasMore, .a(.href(.wins, query: [("page", String(page + 1))]), .text(" Older")))
            ))
        ))
    }
}

/// The PIO's queue of citizen comments: each with its goal, the form to publish it with a response or not.
struct FeedbackQueuePage {
    var state: FeedbackState
    var items: [CitizenFeedback]
    var goalNames: [String: String]
    var page: Int
    var hasMore: Bool
    /// The comment whose moderation was refused, with the field and why, and what was typed.
    var refused: (id: String, field: String, message: String)?
    var typed = FormValues()

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Citizen feedback", current: .feedbackQueue, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Citizen feedback")),
                 .p(.class("lead"), .text("Comments the public sent on published goals. Nothing is shown publicly until it is published here, with the agency's response."))),
            .nav(.attr("aria-label", "Moderation states"), .ul(.class("plain-list inline-list"), .forEach(FeedbackState.allCases) { option in
                .li(.a(.href(.feedbackQueue, query: [("state", option.rawValue)]), .if(option == state, .attr("aria-current", "page")), .plain(option.title)))
            })),
            .if(items.isEmpty, .p(.text("No comments here."))),
            .forEach(items) { item in
                let id = item.id.uuidString
                let error = refused?.id == id ? refused : nil
                let responseID = "response-\(id)"
                return .article(
                    .class("comment"),
                    .h2(.plain(goalNames[item.goal] ?? item.goal)),
                    .p(.class("muted"), .plain(item.displayName ?? "No name given"), .text(" · "), .plain(PortalParts.day(item.submittedAt)), .text(" · "), .plain(item.state.title)),
                    .blockquote(.p(.class("prose"), .plain(item.message))),
                    .form(
                        .action(.feedbackModeration(item.id)), .method(.post),
                        .csrfField(context),
                        .field(id: responseID, label: "Response (shown with the comment when published)", error: error?.field == "response" ? error?.message : nil,
                               .textarea(id: responseID, name: "response", text: error != nil ? typed["response"] : (item.response ?? ""), rows: 3,
                                         error: error?.field == "response" ? error?.message : nil)),
                        .fieldError(id: "state-\(id)-error", error?.field == "state" ? error?.message : nil),
                        .button(.type(.submit), .attr("name", "state"), .attr("value", FeedbackState.published.rawValue), .text("Publish with this response")),
                        .text(" "),
                        .button(.type(.submit), .attr("name", "state"), .attr("value", FeedbackState.rejected.rawValue), .class("danger"), .text("Do not publish"))
                    )
                )
            },
            .nav(.attr("aria-label", "Pages"), .p(
                .if(page > 1, .a(.href(.feedbackQueue, query: [("state", state.rawValue), ("page", String(page - 1))]), .text("Previous"))),
                .if(hasMore, .a(.href(.feedbackQueue, query: [("state", state.rawValue), ("page", String(page + 1))]), .text(" Next")))
            ))
        ))
    }
}
