import FluentKit
import Foundation

// Fluent models are classes with mutable property wrappers; they never cross tasks in GoalStat, hence @unchecked.
final class OrgUnitModel: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @Field(key: "position") var position: Int

    init() {}
}
