import GoalStatCore
import Plot

/// Every review, upcoming first, with a way to schedule one.
struct ReviewListPage: Sendable {
    var reviews: [Review]
    var today: CalendarDate
    var canSchedule: Bool

    func render(_ context: PageContext) -> String {
        let upcoming = reviews.filter { $0.date >= today.description }.sorted { $0.date < $1.date }
        let past = reviews.filter { $0.date < today.description }
        return PageLayout.render(title: "Reviews", current: .reviews, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("Reviews")),
                .p(.class("lead"), .text("Leaders meet often, look at the data, decide and follow up. Each review has a briefing generated from the data, and what it decides and assigns comes back at every later review until it is done."))
            ),
            .if(canSchedule, .p(
                .a(.class("button-link"), .href(.newReview), .text("Schedule a review")), .text(" "),
                .a(.href(.scheduleReviews), .text("Schedule a year of reviews"))
            )),
            .p(.a(.href(.actions(owner: nil, orgUnit: nil)), .text("Open actions")), .text(" · "), .a(.href(.risks()), .text("Risk register")), .text(" · "), .a(.href(.capacityRequests), .text("Capacity requests"))),
            table("upcoming", "Upcoming reviews", upcoming),
            table("past", "Past reviews", past)
        ))
    }

    private func table(_ id: String, _ title: String, _ rows: [Review]) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "\(id)-heading"),
            .h2(.id("\(id)-heading"), .text(title)),
            .if(rows.isEmpty, .p(.class("muted"), .text("None.")), else: .scrollingTable(
                label: title,
                .caption(.text(title)),
                .thead(.tr(.column("Date"), .column("Review"), .column("Kind"), .column("Scope"))),
                .tbody(.forEach(rows) { review in
                    .tr(
                        .td(.class("date"), .plain(review.date)),
                        .rowHeader(.a(.href(.reviewBriefing(review.id)), .plain(review.title))),
                        .td(.text(review.kind.title)),
                        .td(.plain((review.goals + review.orgUnits).joined(separator: ", ")))
                    )
                })
            ))
        )
    }
}
