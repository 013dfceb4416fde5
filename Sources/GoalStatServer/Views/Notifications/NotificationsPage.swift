import Foundation
import GoalStatCore
import GoalStatStore
import Plot

/// The reminders sent to the signed-in person, newest first, the unread ones marked (issue 10).
struct NotificationsPage: Sendable {
    var messages: [OutboxMessage]
    var notice: String?

    var unreadCount: Int { messages.count(where: { $0.readAt == nil }) }

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Your reminders", current: .notifications, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("Your reminders")),
                .p(.class("lead"), .text("The reminders GoalStat has sent you about values, newest first. Each is also sent by e-mail."))
            ),
            .unwrap(notice) { notice in .div(.class("notice notice-success"), .attr("role", "status"), .p(.plain(notice))) },
            .p(.a(.href(.tasks), .text("What is due from you now"))),
            .if(messages.isEmpty, .p(.class("muted"), .text("No reminders yet."))),
            .if(unreadCount > 0, .form(
                .class("inline-form"),
                .action(.notificationsRead),
                .method(.post),
                .csrfField(context),
                .button(.type(.submit), .text(unreadCount == 1 ? "Mark the new reminder as read" : "Mark all \(unreadCount) new reminders as read"))
            )),
            .if(!messages.isEmpty, .scrollingTable(
                label: "Your reminders",
                .caption(.text("Reminders, newest first")),
                .thead(.tr(.column("Date"), .column("Reminder"), .column("Read"))),
                .tbody(.forEach(messages) { message in
                    .tr(
                        .class(message.readAt == nil ? "row-unread" : ""),
                        .td(.plain(CalendarDate(utc: message.createdAt).description)),
                        .td(.details(
                            .summary(.plain(message.subject)),
                            .div(.class("message-body"), .forEach(message.body.split(separator: "\n", omittingEmptySubsequences: true)) { line in
                                .p(.plain(String(line)))
                            })
                        )),
                        .td(.if(message.readAt == nil, .strong(.text("New")), else: .text("Read")))
                    )
                })
            ))
        ))
    }
}
