import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class NarrativeModel: Model, @unchecked Sendable {
    static let schema = "narratives"

    @ID(key: .id) var id: UUID?
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @OptionalField(key: "accomplishments") var accomplishments: String?
    @OptionalField(key: "challenges") var challenges: String?
    @OptionalField(key: "next_steps") var nextSteps: String?
    @OptionalField(key: "author") var author: String?
    /// `NarrativeState`; rows from before the workflow read as published (`AddNarrativeWorkflow`).
    @OptionalField(key: "state") var state: String?

    init() {}
}
