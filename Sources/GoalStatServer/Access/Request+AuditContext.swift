import Foundation
import GoalStatCore
import Vapor

extension Request {
    /// Who is changing things through this request, for the audit log. The actor is the signed-in principal (a
    /// person, or the owner of an API token); until sign-in is wired there is none, so entries have no actor.
    func auditContext(_ source: AuditSource, batch: UUID? = nil) -> AuditContext {
        AuditContext(actor: nil, source: source, batch: batch, now: self.clock.now())
    }
}
