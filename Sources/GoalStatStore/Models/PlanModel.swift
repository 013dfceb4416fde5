import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "org_unit_code") var orgUnitCode: String?
    @OptionalField(key: "period_from") var periodFrom: String?
    @OptionalField(key: "period_to") var periodTo: String?
    @Field(key: "fiscal_year_start_month") var fiscalYearStartMonth: Int
    @Field(key: "reports_in_fiscal_years") var reportsInFiscalYears: Bool
    @OptionalField(key: "mission") var mission: String?
    @OptionalField(key: "vision") var vision: String?
    /// JSON array of `PlanValue`: a small list always read with its plan.
    @Field(key: "values_json") var valuesJSON: String
    /// JSON array of perspective names.
    @Field(key: "perspectives_json") var perspectivesJSON: String

    init() {}
}
