import GoalStatCore
import GoalStatStore
import Vapor

/// My tasks: what is due from the signed-in person, read by steward and leader (issue 10).
struct TasksController {
    func show(_ request: Request) async throws -> Response {
        guard let email = request.principal.actor else { throw Abort(.unauthorized) }
        let policy = request.application.serverSettings.duePolicy
        let today = request.clock.today
        let tasks = try await DueWork.tasks(for: email, today: today, policy: policy, on: request.db)
        let unread = try await Outbox.notifications(for: email, on: request.db).count(where: { $0.readAt == nil })
        var model = TasksPageModel(
            personName: request.caller.user?.name ?? email, today: today, tasks: tasks, policy: policy,
            unreadNotifications: unread
        )
        // From reviews (issue 11): the person's open actions, and the asks for help addressed to their units.
        model.actions = try await ReviewStore.openActions(owner: email, on: request.db)
        model.asks = try await ReviewService.asksToAnswer(request: request).filter { $0.ask?.isOpen == true }
        let horizon = today.adding(days: 14).description
        model.risks = try await RiskStore.risks(ownedBy: email, on: request.db).filter { ($0.reviewOn ?? "") <= horizon }
        let tree = try await request.orgTree()
        if request.principal.maySomewhere(.runReviews) {
            model.capacityToDecide = try await CapacityStore.requests(units: nil, openOnly: true, on: request.db)
                .filter { $0.status == .open && request.principal.may(.runReviews, in: $0.orgUnit, tree: tree) }
        }
        // From appraisals (issue 13): what is due in the person's own appraisal and their direct reports'.
        model.appraisals = try await AppraisalService.due(for: email, request: request)
        let document = try await request.framework()
        model.goalNames = Dictionary(document.goals.map { ($0.code, $0.name) }) { first, _ in first }
        model.unitNames = Dictionary(document.orgUnits.map { ($0.code, $0.name) }) { first, _ in first }
        return model.render(request.pageContext).htmlResponse()
    }
}
