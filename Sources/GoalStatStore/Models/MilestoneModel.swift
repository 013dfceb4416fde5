import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class MilestoneModel: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "name") var name: String
    @Field(key: "due") var due: String
    @Field(key: "status") var status: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @Field(key: "position") var position: Int

    init() {}
}
