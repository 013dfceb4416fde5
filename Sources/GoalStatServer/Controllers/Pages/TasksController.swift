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
        let model = TasksPageModel(
            personName: request.caller.user?.name ?? email, today: today, tasks: tasks, policy: policy,
            unreadNotifications: unread
        )
        return model.render(request.pageContext).htmlResponse()
    }
}
