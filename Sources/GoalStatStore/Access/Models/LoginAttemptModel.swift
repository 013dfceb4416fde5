import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// One sign-in attempt, kept for rate limiting per account and per address (not an audit record: pruned).
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// Normalized email as typed, whether or not such a user exists.
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}
}
