import GoalStatCore
import GoalStatStore
import Vapor

/// The agency dashboard.
struct DashboardController {
    func show(_ request: Request) async throws -> Response {
        let snapshot = try await PerformanceSnapshot.load(for: request)
        let plan = snapshot.document.plan
        let model = DashboardPageModel(
            planName: plan?.name ?? "No plan yet: import a framework file (goalstat import plan.yaml)",
            mission: plan?.mission, vision: plan?.vision, values: plan?.values ?? [],
            goals: snapshot.goalTree.map { snapshot.card($0.goal, depth: $0.depth) },
            today: snapshot.today
        )
        return model.render(request.pageContext).htmlResponse()
    }
}
