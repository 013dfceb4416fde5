import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// The public portal (issue 12): what anyone may read, signed in or not. Every page reads the published framework
/// (`Request.publicFramework`) and the read model's verdicts by key, and is kept by the change counter like the
/// staff pages.
struct PortalController {
    static let homeWins = 3
    static let homeNarratives = 5
    static let winsPerPage = 20

    func home(_ request: Request) async throws -> Response {
        try await request.cachedPage {
            let snapshot = try await PortalSnapshot.load(for: request) { _ in [] }
            let wins = try await PortalStore.wins(publishedOnly: true, offset: 0, limit: Self.homeWins * 4, on: request.db).items
            let narratives = snapshot.document.narratives.sorted { $0.period > $1.period }.prefix(Self.homeNarratives)
            return PortalHomePage(
                snapshot: snapshot, narratives: Array(narratives),
                wins: Array(wins.filter { WinRules.isPublic($0, in: snapshot.document) }.prefix(Self.homeWins))
            ).render(request.pageContext)
        }
    }

    func goal(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        // The feedback form needs a CSRF token before sign-in: a visitor's first page sets the cookie (and is not kept).
        let (_, cookie) = CSRF.anonymousToken(for: request)
        if let cookie {
            request.cookies[CSRF.cookie] = cookie
            let response = try await goalPage(code, request: request, thanks: false).render(request.pageContext).htmlResponse()
            response.cookies[CSRF.cookie] = cookie
            return response
        }
        let thanks = try request.queryText("sent") != nil
        return try await request.cachedPage { try await goalPage(code, request: request, thanks: thanks).render(request.pageContext) }
    }

    func goalPage(_ code: String, request: Request, thanks: Bool) async throws -> PortalGoalPage {
        let snapshot = try await PortalSnapshot.load(for: request) { document in
            document.indicators.filter { $0.goals.contains(code) }.map(\.code)
        }
        let goal = try snapshot.goal(code)
        let wins = try await PortalStore.wins(publishedOnly: true, goal: code, offset: 0, limit: 50, on: request.db).items
            .filter { WinRules.isPublic($0, in: snapshot.document) }
        let comments = try await PortalStore.feedback(state: .published, goal: code, offset: 0, limit: 50, on: request.db).items
        return PortalGoalPage(snapshot: snapshot, goal: goal, wins: wins, comments: comments, thanks: thanks)
    }

    func indicator(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        return try await request.cachedPage {
            let snapshot = try await PortalSnapshot.load(for: request) { _ in [code] }
            guard let indicator = snapshot.document.indicators.first(where: { $0.code == code }) else { throw APIError.notFound("Indicator \(code)") }
            let reporting = snapshot.reporting
            let series = try await MeasurementStore.series(indicator: code, on: request.db)
            let history = TargetHistory(snapshot.document.targets.filter { $0.indicator == code && $0.orgUnit == nil }
                .compactMap { TargetVersion($0, calendar: reporting.calendar) })
            let chart = ChartModel(
                indicator: indicator, series: series, label: reporting.label, target: { history.applicable(to: $0, asOf: nil)?.band }
            )
            let rows = series.reversed().map { measurement in
                (period: reporting.label(measurement.period), value: ValueFormatting.text(of: measurement, for: indicator),
                 status: measurement.status.title,
                 target: history.applicable(to: measurement.period, asOf: nil).map { ValueFormatting.text(of: $0, for: indicator) })
            }
            let targets = history.asOf(nil).map { version in
                (period: reporting.label(version.period), value: ValueFormatting.text(of: version, for: indicator), rationale: version.target.rationale)
            }
            return PortalIndicatorPage(snapshot: snapshot, indicator: indicator, chart: chart, rows: rows, targets: targets).render(request.pageContext)
        }
    }

    func search(_ request: Request) async throws -> Response {
        let query = String((try request.queryText("q") ?? "").prefix(200))
        return try await request.cachedPage {
            let document = try await request.publicFramework()
            var hits: [PortalSearch.Hit] = []
            if !PortalSearch.words(query).isEmpty {
                let wins = try await PortalStore.searchPublishedWins(PortalSearch.words(query), limit: 50, on: request.db)
                hits = PortalSearch.search(query, in: document, wins: wins)
            }
            return PortalSearchPage(agency: document.agencyName ?? "Our agency", query: query, hits: hits).render(request.pageContext)
        }
    }

    func updates(_ request: Request) async throws -> Response {
        try await request.cachedPage {
            let snapshot = try await PortalSnapshot.load(for: request) { $0.indicators.map(\.code) }
            let reporting = snapshot.reporting
            var updates: [PortalUpdate] = []
            for indicator in snapshot.document.indicators {
                guard let verdict = snapshot.verdicts[indicator.code], let label = verdict.latestPeriod,
                      let period = try? Period.parse(label, calendar: reporting.calendar) else { continue }
                updates.append(PortalUpdate(
                    kind: .result, date: period.end, title: indicator.name, indicator: indicator.code,
                    text: "Result for \(label) reported: \(snapshot.latest(indicator) ?? label). \(snapshot.headline(indicator))"
                ))
            }
            for milestone in snapshot.document.milestones where milestone.status == .done {
                guard let day = milestone.completedOn.flatMap({ try? CalendarDate.parse($0) }) else { continue }
                updates.append(PortalUpdate(kind: .milestone, date: day, title: milestone.name, goal: milestone.goal, text: "Milestone completed."))
            }
            for narrative in snapshot.document.narratives {
                guard let period = try? Period.parse(narrative.period, calendar: reporting.calendar) else { continue }
                let goalName = snapshot.document.goals.first { $0.code == narrative.goal }?.name ?? narrative.goal
                updates.append(PortalUpdate(kind: .narrative, date: period.end, title: "\(goalName): quarterly update for \(narrative.period)", goal: narrative.goal,
                                            text: narrative.accomplishments.map { String($0.prefix(200)) } ?? "Quarterly update published."))
            }
            let wins = try await PortalStore.wins(publishedOnly: true, offset: 0, limit: 100, on: request.db).items
            for win in wins where WinRules.isPublic(win, in: snapshot.document) {
                guard let day = try? CalendarDate.parse(win.achievedOn) else { continue }
                updates.append(PortalUpdate(kind: .win, date: day, title: win.title, goal: win.goal, text: String(win.story.prefix(200))))
            }
            return PortalUpdatesPage(agency: snapshot.agencyName, updates: PortalUpdate.timeline(updates)).render(request.pageContext)
        }
    }

    func wins(_ request: Request) async throws -> Response {
        let page = min(try ListPaging.read(request).page, 100_000)
        return try await request.cachedPage {
            let snapshot = try await PortalSnapshot.load(for: request) { _ in [] }
            let found = try await PortalStore.wins(publishedOnly: true, offset: (page - 1) * Self.winsPerPage, limit: Self.winsPerPage, on: request.db)
            return PortalWinsPage(
                snapshot: snapshot, wins: found.items.filter { WinRules.isPublic($0, in: snapshot.document) }, page: page,
                hasMore: page * Self.winsPerPage < found.total
            ).render(request.pageContext)
        }
    }

    func display(_ request: Request) async throws -> Response {
        let slide = try request.queryInt("slide") ?? 0
        guard slide >= 0 else { throw APIError.invalidQuery("slide", "slide must be 0 or more, not \(slide)") }
        return try await request.cachedPage {
            let document = try await request.publicFramework()
            let goals = PortalSnapshot(document: document, reporting: Reporting(plan: document.plan), verdicts: [:], goalStatuses: [:], today: request.clock.today).goalTree
            let shown = goals.isEmpty ? nil : goals[slide % goals.count].goal.code
            let snapshot = try await PortalSnapshot.load(for: request) { document in
                document.indicators.filter { indicator in shown.map(indicator.goals.contains) ?? false }.map(\.code)
            }
            return PortalDisplayPage(snapshot: snapshot, slide: slide, count: goals.count).render()
        }
    }

    /// A citizen's comment on a published goal: refused with the reason beside the field (the text kept), or
    /// stored for moderation and answered with the goal's page saying thank you.
    func sendFeedback(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let values = try request.formValues()
        do {
            let submission = FeedbackRules.Submission(message: values["message"], displayName: values["displayName"], website: values["website"])
            _ = try await PortalService.receiveFeedback(goal: code, submission, request: request, source: .form)
            return request.redirect(to: SiteURL.portalGoal(code).path + "?sent=1#feedback-heading", redirectType: .normal)
        } catch let refusal as FeedbackRules.Refusal {
            var page = try await goalPage(code, request: request, thanks: false)
            page.form = values
            page.formError = (refusal.field, refusal.message)
            return page.render(request.pageContext).htmlResponse(status: refusal.tooMany ? .tooManyRequests : .unprocessableEntity)
        }
    }
}
