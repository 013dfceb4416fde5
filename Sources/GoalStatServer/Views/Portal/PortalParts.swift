import Foundation
import GoalStatCore
import Plot

/// Pieces the portal's pages share: a status in words, an indicator's line, a win, a narrative.
enum PortalParts {
    /// A badge in plain words (never a status's name in code), with the sentence beside it.
    static func status(_ status: IndicatorStatus, sentence: String) -> Node<HTML.BodyContext> {
        .p(
            .class("public-status"),
            .span(.class("status status-\(status.rawValue)"), .text(PublicStatusWords.label(status))),
            .text(" "),
            .span(.class("public-status-sentence"), .plain(sentence))
        )
    }

    static func indicatorRow(_ indicator: Indicator, in snapshot: PortalSnapshot) -> Node<HTML.ListContext> {
        let verdict = snapshot.verdicts[indicator.code]
        return .li(
            .class("public-indicator"),
            .h3(.a(.href(.portalIndicator(indicator.code)), .plain(indicator.name))),
            status(snapshot.status(indicator), sentence: snapshot.headline(indicator)),
            .if(!(verdict?.sparkline.isEmpty ?? true), .raw(SparklineSVG.render(verdict?.sparkline ?? [], label: "Recent values of \(indicator.name)"))),
            .definitions([
                ("Latest result", snapshot.latest(indicator).map { .plain($0) }),
                ("Target", snapshot.target(indicator).map { .plain($0) }),
            ])
        )
    }

    static func win(_ win: Win, goalName: String?) -> Node<HTML.BodyContext> {
        .article(
            .class("win-card"),
            .h3(.plain(win.title)),
            .p(.class("muted"), .text("Achieved on "), .plain(win.achievedOn),
               .unwrap(goalName) { name in .group(.text(" · for "), .a(.href(.portalGoal(win.goal ?? "")), .plain(name))) }),
            .p(.class("prose"), .plain(win.story))
        )
    }

    static func narrative(_ narrative: Narrative, headingLevel: Int = 3) -> Node<HTML.BodyContext> {
        let title = "Quarterly update for \(narrative.period)"
        return .article(
            .class("narrative"),
            headingLevel == 2 ? .h2(.plain(title)) : .h3(.plain(title)),
            .unwrap(narrative.accomplishments) { text in .group(.h4(.text("Accomplishments")), .p(.class("prose"), .plain(text))) },
            .unwrap(narrative.challenges) { text in .group(.h4(.text("Challenges")), .p(.class("prose"), .plain(text))) },
            .unwrap(narrative.nextSteps) { text in .group(.h4(.text("Next steps")), .p(.class("prose"), .plain(text))) }
        )
    }

    /// "12 March 2026" for a comment's date.
    static func day(_ date: Date) -> String { CalendarDate(utc: date).description }
}
