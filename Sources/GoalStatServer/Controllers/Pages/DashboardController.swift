import GoalStatCore
import GoalStatStore
import Vapor

/// The agency dashboard.
struct DashboardController {
    func show(_ request: Request) async throws -> Response {
        // Visitors get the public portal's front page (issue 12): the agency, its plan and its published results.
        if !request.principal.isSignedIn { return try await PortalController().home(request) }
        return try await request.cachedPage {
            // Only the goals shown in full (priority goals and the focus) list their indicators; the others tell their
            // status and its reason, which names the indicators behind it.
            let snapshot = try await PerformanceSnapshot.load(for: request) { document in
                let full = Set(document.goals.filter(DashboardPageModel.showsInFull).map(\.code))
                return document.indicators.filter { !full.isDisjoint(with: $0.goals) }.map(\.code)
            }
            let plan = snapshot.document.plan
            let model = DashboardPageModel(
                planName: plan?.name ?? "No plan yet: import a framework file (goalstat import plan.yaml)",
                mission: plan?.mission, vision: plan?.vision, values: plan?.values ?? [],
                goals: snapshot.goalTree.map { snapshot.card($0.goal, depth: $0.depth, withIndicators: DashboardPageModel.showsInFull($0.goal)) },
                today: snapshot.today
            )
            return model.render(request.pageContext)
        }
    }
}
