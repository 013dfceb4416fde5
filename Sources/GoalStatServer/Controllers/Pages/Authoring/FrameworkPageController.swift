import GoalStatCore
import GoalStatStore
import Vapor

/// The PIO's first job (seed 000): the plan, the organisation, its people, goals and indicators, each with a way
/// to add, change or remove it in the browser.
struct FrameworkPageController {
    static let indicatorsPerPage = 100

    func show(_ request: Request) async throws -> Response {
        let document = try await request.visibleFramework()
        let page = try request.queryInt("page") ?? 1
        guard page >= 1 else { throw APIError.invalidQuery("page", "page must be 1 or more, not \(page)") }
        let pages = max(1, (document.indicators.count + Self.indicatorsPerPage - 1) / Self.indicatorsPerPage)
        let shown = min(page, pages)
        let indicators = Array(document.indicators.dropFirst((shown - 1) * Self.indicatorsPerPage).prefix(Self.indicatorsPerPage))
        return FrameworkPage(
            plan: document.plan, orgUnits: document.orgUnits, people: document.people, goals: document.goals,
            indicators: indicators, indicatorCount: document.indicators.count, page: shown, pages: pages,
            linkCount: document.links.count, keyCounts: KeyIndicators.counts(in: document),
            keyLimit: request.application.serverSettings.keyIndicatorsPerGoal
        ).render(request.pageContext).htmlResponse()
    }
}
