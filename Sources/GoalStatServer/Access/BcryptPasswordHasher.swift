import GoalStatCore
import NIOPosix
import Vapor

/// Vapor's Bcrypt behind GoalStat's `PasswordHasher` (Core and Store do not depend on Vapor), run on the
/// thread pool because a hash takes a quarter of a second by design and must not stall the event loop.
public struct BcryptPasswordHasher: GoalStatCore.PasswordHasher {
    /// Bcrypt's work factor: 12 costs about 0.25 s per hash on a server core today (OWASP's floor is 10).
    public let cost: Int

    public init(cost: Int = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
