import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class IndicatorModel: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "definition") var definition: String?
    @OptionalField(key: "methodology") var methodology: String?
    @OptionalField(key: "source") var source: String?
    @Field(key: "unit") var unit: String
    @OptionalField(key: "per") var per: Int?
    @Field(key: "decimals") var decimals: Int
    @Field(key: "direction") var direction: String
    @Field(key: "frequency") var frequency: String
    @Field(key: "aggregation") var aggregation: String
    @Field(key: "stage") var stage: String
    @Field(key: "org_unit_code") var orgUnitCode: String
    @OptionalField(key: "steward_email") var stewardEmail: String?
    @Field(key: "rank") var rank: String
    @Field(key: "guardrail") var guardrail: Bool
    @Field(key: "is_public") var isPublic: Bool
    @OptionalField(key: "formula") var formula: String?
    /// JSON array of level names for a qualitative indicator; nil for a numeric one.
    @OptionalField(key: "levels_json") var levelsJSON: String?
    /// JSON object holding the GPRA data-quality statement.
    @OptionalField(key: "data_quality_json") var dataQualityJSON: String?
    @OptionalField(key: "valid_range_json") var validRangeJSON: String?
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    init() {}
}
