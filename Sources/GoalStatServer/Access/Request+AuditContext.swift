import Foundation
import GoalStatCore
import Vapor

extension Request {
    /// Who is changing things through this request, for the audit log: the signed-in person, or the owner of the
    /// API token; through which door; and when.
    func auditContext(_ source: AuditSource, batch: UUID? = nil) -> AuditContext {
        AuditContext(actor: principal.actor, source: source, batch: batch, now: clock.now())
    }
}
