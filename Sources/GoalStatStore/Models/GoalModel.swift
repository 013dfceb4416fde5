import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class GoalModel: Model, @unchecked Sendable {
    static let schema = "goals"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @Field(key: "name") var name: String
    @OptionalField(key: "statement") var statement: String?
    @OptionalField(key: "org_unit_code") var orgUnitCode: String?
    @OptionalField(key: "leader_email") var leaderEmail: String?
    /// JSON array of deputy emails.
    @Field(key: "deputies_json") var deputiesJSON: String
    @OptionalField(key: "period_from") var periodFrom: String?
    @OptionalField(key: "period_to") var periodTo: String?
    @OptionalField(key: "perspective") var perspective: String?
    @Field(key: "focus") var focus: Bool
    @Field(key: "is_public") var isPublic: Bool
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    init() {}
}
