import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// A role one user holds at one org unit (or everywhere when the unit is nil).
final class RoleGrantModel: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    @OptionalField(key: "org_unit_code") var orgUnitCode: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
