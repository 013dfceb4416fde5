import GoalStatCore
import GoalStatStore
import Plot

/// A review's briefing book: the review briefing's own sections (`ReviewBriefingPage`), as one printable report.
enum BriefingBookView {
    static func document(_ briefing: ReviewBriefing, agency: String) -> ReportDocument {
        let page = ReviewBriefingPage(briefing: briefing, canRecord: false)
        let review = briefing.review
        let names = { (emails: [String]) in emails.map { email in briefing.document.people.first { $0.email == email }?.name ?? email }.joined(separator: ", ") }
        let context = PageContext(userName: nil, csrfToken: nil, navigation: [])
        let sections: [ReportDocument.Section] = [
            .init(id: "review", title: "The review", body: .definitions([
                (term: "Kind", detail: .plain(review.kind.title)),
                (term: "Date", detail: .plain(review.date)),
                (term: "Chair", detail: review.chair.map { .plain(names([$0])) }),
                (term: "Attendees", detail: review.attendees.isEmpty ? nil : .plain(names(review.attendees))),
                (term: "Goals", detail: review.goals.isEmpty ? nil : .plain(review.goals.joined(separator: ", "))),
                (term: "Org units", detail: review.orgUnits.isEmpty ? nil : .plain(review.orgUnits.joined(separator: ", "))),
                (term: "Notes", detail: review.notes.map { .plain($0) }),
            ]), newPage: false),
            .init(id: "follow-up", title: "Follow-up from earlier reviews", body: page.followUpSection, titled: false, newPage: false),
            .init(id: "off-target", title: "Off target", body: page.offTargetSection, titled: false, newPage: false),
            .init(id: "signals", title: "Signals and assurance", body: page.signalsSection, titled: false, newPage: false),
            .init(id: "focus", title: "The focus", body: page.focusSection, titled: false, newPage: false),
            .init(id: "integrity", title: "Questions for the data", body: page.integritySection, titled: false, newPage: false),
            .init(id: "milestones", title: "Milestones", body: page.milestonesSection, titled: false, newPage: false),
            .init(id: "record", title: "What the review recorded", body: .group(
                page.assessmentsSection(context), page.decisionsSection(context), page.actionsSection(context)
            ), titled: false, newPage: false),
        ]
        return ReportDocument(
            title: "Briefing book: \(review.title)", subtitle: "\(review.kind.title), \(review.date)", agency: agency,
            asOf: briefing.asOf, isPublic: false, sections: sections
        )
    }
}
