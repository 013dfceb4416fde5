import Foundation
import GoalStatCore

/// A fast stand-in for Bcrypt in storage tests: salted with nothing and cheap on purpose. Never used outside tests.
struct TestPasswordHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String {
        "test$" + TokenHash.hex(of: password)
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        hash == "test$" + TokenHash.hex(of: password)
    }
}

extension AuditContext {
    static func cli(_ now: Date, actor: String? = nil) -> AuditContext {
        AuditContext(actor: actor, source: .cli, now: now)
    }
}
