import GoalStatStore
import Vapor

/// The signed-in person's reminders, and marking them read.
struct NotificationsController {
    func show(_ request: Request) async throws -> Response {
        guard let email = request.principal.actor else { throw Abort(.unauthorized) }
        let messages = try await Outbox.notifications(for: email, on: request.db)
        return NotificationsPage(messages: messages).render(request.pageContext).htmlResponse()
    }

    func markRead(_ request: Request) async throws -> Response {
        guard let email = request.principal.actor else { throw Abort(.unauthorized) }
        let marked = try await Outbox.markRead(for: email, at: request.clock.now(), on: request.db)
        let messages = try await Outbox.notifications(for: email, on: request.db)
        let notice = marked == 0 ? "There were no new reminders." : (marked == 1 ? "1 reminder marked as read." : "\(marked) reminders marked as read.")
        return NotificationsPage(messages: messages, notice: notice).render(request.pageContext).htmlResponse()
    }
}
