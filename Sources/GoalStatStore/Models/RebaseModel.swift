import FluentKit
import Foundation
import GoalStatCore

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class RebaseModel: Model, @unchecked Sendable {
    static let schema = "rebases"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_code") var indicatorCode: String
    /// Empty for the indicator's own unit (the total).
    @Field(key: "org_unit_code") var orgUnitCode: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_granularity") var periodGranularity: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "set_by") var setBy: String?

    init() {}

    var storedPeriod: Period? {
        Period.Granularity(rawValue: periodGranularity).flatMap { PeriodStorage.period(start: periodStart, granularity: $0) }
    }

    func domain(reporting: Reporting) -> Rebase {
        Rebase(
            indicator: indicatorCode, orgUnit: orgUnitCode.isEmpty ? nil : orgUnitCode,
            period: storedPeriod.map(reporting.label) ?? periodStart, reason: reason, setBy: setBy
        )
    }

    func apply(_ rebase: Rebase, period: Period) {
        indicatorCode = rebase.indicator
        orgUnitCode = rebase.orgUnit ?? ""
        periodStart = PeriodStorage.start(period)
        periodGranularity = PeriodStorage.granularity(period)
        reason = rebase.reason
        setBy = rebase.setBy
    }
}
