import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// One target version. Versions are only added, never overwritten (a correction of the same `set_on` updates it in place).
final class TargetModel: Model, @unchecked Sendable {
    static let schema = "targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_code") var indicatorCode: String
    /// Empty for the indicator's own unit (the total).
    @Field(key: "org_unit_code") var orgUnitCode: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "period_granularity") var periodGranularity: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "range_min") var rangeMin: Double?
    @OptionalField(key: "range_max") var rangeMax: Double?
    @OptionalField(key: "rationale") var rationale: String?
    @Field(key: "set_on") var setOn: String
    @OptionalField(key: "set_by") var setBy: String?
    @OptionalField(key: "benchmark_kind") var benchmarkKind: String?
    @OptionalField(key: "benchmark_value") var benchmarkValue: Double?
    @OptionalField(key: "benchmark_source") var benchmarkSource: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
