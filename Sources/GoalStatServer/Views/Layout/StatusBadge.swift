import GoalStatCore
import Plot

/// A status in words with its reason: colour and shape only repeat what the text says (WCAG 1.4.1).
enum StatusBadge {
    /// The badge followed by the reason as visible text: for headings and cards.
    static func withReason(_ assessment: StatusAssessment) -> Node<HTML.BodyContext> {
        .p(
            .class("status-line"),
            badge(assessment.status),
            .text(" "),
            .span(.class("status-reason"), .plain(assessment.reason))
        )
    }

    /// The badge alone, with the reason as a tooltip and as text for screen readers: for narrow table cells.
    static func compact(_ assessment: StatusAssessment) -> Node<HTML.BodyContext> {
        .span(
            .class("status status-\(assessment.status.rawValue)"),
            .attr("title", assessment.reason),
            .text(assessment.status.title),
            .span(.class("visually-hidden"), .text(": "), .plain(assessment.reason))
        )
    }

    /// The badge with no reason, where the reason is shown next to it.
    static func badge(_ status: IndicatorStatus) -> Node<HTML.BodyContext> {
        .span(.class("status status-\(status.rawValue)"), .text(status.title))
    }

    /// "3 on track, 1 at risk, 2 off track": a count per status, worst first, leaving out the empty ones.
    static func tally(_ statuses: [IndicatorStatus]) -> String {
        let counts = Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count)
        let parts = IndicatorStatus.allCases.sorted().compactMap { status -> String? in
            counts[status].map { "\($0) \(status.title.lowercased())" }
        }
        return parts.isEmpty ? "Nothing to count yet" : parts.joined(separator: ", ")
    }
}
