import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class IndicatorGoalModel: Model, @unchecked Sendable {
    static let schema = "indicator_goals"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "position") var position: Int

    init() {}
}
