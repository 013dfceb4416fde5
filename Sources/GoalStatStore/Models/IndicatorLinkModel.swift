import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class IndicatorLinkModel: Model, @unchecked Sendable {
    static let schema = "indicator_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "driver_code") var driverCode: String
    @Field(key: "result_code") var resultCode: String
    @Field(key: "expected_sign") var expectedSign: String
    @Field(key: "lag_periods") var lagPeriods: Int
    @Field(key: "position") var position: Int

    init() {}
}
