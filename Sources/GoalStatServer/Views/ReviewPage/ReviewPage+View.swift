import GoalStatCore
import GoalStatStore
import Plot

extension ReviewPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Performance review", current: .review, context: context, body: .group(
            .h1(.text("Performance review")),
            .p(.class("lede"), .text("As of \(asOf). What to focus on, how each perspective of the scorecard stands, and whether the data supports the plan's theory of change.")),
            focusSection(),
            integritySection(),
            scorecardSection(),
            linksSection()
        ), width: .full)
    }

    private func name(_ code: String) -> String { indicatorNames[code] ?? code }

    private func focusSection() -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "focus-title"),
            .h2(.id("focus-title"), .text("Focus: the most consequential deficits")),
            .p(.text("Each deficit is scored as its distance from target × the goal's priority × its value-chain stage × its rank. The formula is shown so the ranking can be argued with.")),
            .if(!declaredFocus.isEmpty, .p(.text("Declared focus: "), .group(declaredFocus.map { goal in
                .a(.href(SiteURL.goal(goal.code).path), .plain(goal.name))
            }))),
            .if(focus.isEmpty, .p(.text("No indicator is short of its target."))),
            .if(!focus.isEmpty, .scrollingTable(
                label: "Deficits ranked by score",
                .caption(.text("Deficits ranked by score, highest first")),
                .thead(.tr(.column("#"), .column("Indicator"), .column("Goal"), .column("Score"), .column("How the score is made"))),
                .tbody(.forEach(focus) { row in
                    .tr(
                        .td(.text("\(row.position)")),
                        .rowHeader(.a(.href(SiteURL.indicator(row.indicator).path), .plain(name(row.indicator)))),
                        .td(.a(.href(SiteURL.goal(row.goal).path), .plain(goalNames[row.goal] ?? row.goal))),
                        .td(.text(String(format: "%.2f", row.score))),
                        .td(.plain(row.formula))
                    )
                })
            ))
        )
    }

    private func integritySection() -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "integrity-title"),
            .h2(.id("integrity-title"), .text("Questions for the data (integrity checks)")),
            .p(.text("Checks for numbers that may be gamed or unreliable: a guardrail worsening while its target improves, values bunched just past a target, a step right after a target was set, late revisions, missing or late data, digit preference, a total that differs from the sum of its units. Each flag asks a question; none is an accusation.")),
            .if(integrityCounts.isEmpty, .p(.text("No check raised a question.")), else: .scrollingTable(
                label: "Questions raised by each check",
                .caption(.text("Questions raised by each check")),
                .thead(.tr(.column("Check"), .column("Questions"))),
                .tbody(.forEach(IntegrityCheck.allCases.filter { integrityCounts[$0] != nil }) { check in
                    .tr(
                        .rowHeader(check == integrityCheck
                            ? .strong(.text(check.title))
                            : .a(.href(.review, query: [("check", check.rawValue)]), .text(check.title))),
                        .td(.text(String(integrityCounts[check] ?? 0)))
                    )
                })
            )),
            .if(!integrity.isEmpty, .scrollingTable(
                label: "Integrity questions",
                .caption(.plain(questionsCaption)),
                .thead(.tr(.column("Check"), .column("Indicator"), .column("Unit"), .column("Periods"), .column("Question"))),
                .tbody(.forEach(integrity) { flag in
                    .tr(
                        .td(.text(flag.check.title)),
                        .rowHeader(.a(.href(SiteURL.indicator(flag.indicator).path), .plain(name(flag.indicator)))),
                        .td(.plain(flag.orgUnit ?? "Whole indicator")),
                        .td(.plain(flag.from == flag.to ? flag.from : "\(flag.from) to \(flag.to)")),
                        .td(.plain(flag.question))
                    )
                })
            )),
            questionPages
        )
    }

    /// "Questions 51–100 of 4,321 about bunching at the target".
    private var questionsCaption: String {
        let total = integrityCheck.map { integrityCounts[$0] ?? 0 } ?? integrityCounts.values.reduce(0, +)
        let first = (integrityPage - 1) * questionsPerPage + 1
        let about = integrityCheck.map { " (\($0.title.lowercased()))" } ?? ""
        return "Integrity questions \(first)–\(first + integrity.count - 1) of \(total)\(about)"
    }

    private var questionPages: Node<HTML.BodyContext> {
        let total = integrityCheck.map { integrityCounts[$0] ?? 0 } ?? integrityCounts.values.reduce(0, +)
        let pages = max(1, (total + questionsPerPage - 1) / questionsPerPage)
        guard pages > 1 else { return .empty }
        let base: [(String, String)] = integrityCheck.map { [("check", $0.rawValue)] } ?? []
        return .nav(
            .attr("aria-label", "Pages of integrity questions"),
            .p(
                .text("Page \(integrityPage) of \(pages). "),
                .if(integrityPage > 1, .a(.href(.review, query: base + [("questions", String(integrityPage - 1))]), .text("Previous questions"))),
                .text(" "),
                .if(integrityPage < pages, .a(.href(.review, query: base + [("questions", String(integrityPage + 1))]), .text("Next questions"))),
                .if(integrityCheck != nil, .group(.text(" · "), .a(.href(.review), .text("All checks"))))
            )
        )
    }

    private func scorecardSection() -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "scorecard-title"),
            .h2(.id("scorecard-title"), .text("Balanced scorecard")),
            .forEach(scorecard) { perspective in
                .section(
                    .class("scorecard-perspective"),
                    .h3(.plain(perspective.perspective)),
                    .p(.text(IndicatorStatus.allCases.compactMap { status in
                        perspective.counts[status.rawValue].map { "\($0) \(status.title.lowercased())" }
                    }.joined(separator: ", "))),
                    .if(!perspective.indicators.isEmpty, .scrollingTable(
                        label: "Indicators of the \(perspective.perspective) perspective",
                        .caption(.plain("\(perspective.perspective): indicators and their status")),
                        .thead(.tr(.column("Indicator"), .column("Rank"), .column("Status"), .column("Why"))),
                        .tbody(.forEach(perspective.indicators) { row in
                            .tr(
                                .rowHeader(.a(.href(SiteURL.indicator(row.indicator).path), .plain(row.name))),
                                .td(.text(row.rank == .key ? "Key" : "Supporting")),
                                .td(StatusBadge.badge(row.status)),
                                .td(.plain(row.reason))
                            )
                        })
                    ))
                )
            }
        )
    }

    private func linksSection() -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "links-title"),
            .h2(.id("links-title"), .text("Driver → result links")),
            .p(.text("Each link of the plan's mental model is tested on the period-to-period changes of the two indicators, the result lagged as the plan says (the lag counts the driver's periods). Two indicators of different frequencies are tested at the coarser one: each is summed, averaged or worked out by its formula per period as its aggregation rule says, only complete periods count, and the lag is converted. A link the data contradicts is a question for the review, not a verdict.")),
            .scrollingTable(
                label: "Evidence for each driver to result link",
                .caption(.text("Evidence for each link")),
                .thead(.tr(.column("Driver"), .column("Result"), .column("Expected"), .column("Lag"), .column("Tested"), .column("Pairs"), .column("Spearman ρ"), .column("Verdict"), .column("Why"))),
                .tbody(.forEach(links) { link in
                    .tr(
                        .rowHeader(.a(.href(SiteURL.indicator(link.driver).path), .plain(name(link.driver)))),
                        .td(.a(.href(SiteURL.indicator(link.result).path), .plain(name(link.result)))),
                        .td(.text(link.expectedSign == .positive ? "Moves with" : "Moves against")),
                        .td(.text("\(link.lagPeriods)")),
                        .td(.text("Per \(link.testedAt.periodNoun), lag \(link.testedLag)")),
                        .td(.text("\(link.pairs)")),
                        .td(.text(link.spearman.map { String(format: "%.2f", $0) } ?? "—")),
                        .td(.span(.class("verdict verdict-\(link.verdict.rawValue)"), .text(verdictTitle(link.verdict)))),
                        .td(.plain(link.reason))
                    )
                })
            )
        )
    }

    private func verdictTitle(_ verdict: LinkVerdict) -> String {
        switch verdict {
        case .supports: "Supports the link"
        case .contradicts: "Contradicts the link"
        case .inconclusive: "Inconclusive"
        }
    }
}
