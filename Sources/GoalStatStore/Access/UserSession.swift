import Foundation
import GoalStatCore

/// A valid, signed-in session and the active user it belongs to.
public struct UserSession: Sendable, Equatable {
    public var id: UUID
    public var user: UserAccount
    public var expiresAt: Date
    /// The secret form CSRF tokens are checked against; it never leaves the server except inside pages of this session.
    public var csrfSecret: String
}

/// A session just opened: `token` goes into the cookie and is not stored anywhere (only its hash is).
public struct NewUserSession: Sendable {
    public var token: String
    public var session: UserSession
}
