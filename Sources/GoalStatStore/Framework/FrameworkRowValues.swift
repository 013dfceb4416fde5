import FluentKit
import Foundation
import SQLKit

/// A framework model whose new rows an import writes from its fields, bound through SQLKit as Fluent binds them:
/// Fluent collects a model's values by reflecting over its properties (`Model.input(to:)`), which was a tenth of a
/// 2,000-indicator import (docs/benchmarks.md). The columns are the ones Fluent writes for a new row: the id and
/// every field the import sets (not `created_at`, which Fluent writes only through its own `create`).
protocol FrameworkRowValues: Model {
    static var insertColumns: [String] { get }
    /// The row's values in the order of `insertColumns`; the id must be set.
    var insertValues: [any SQLExpression] { get }
}

extension TargetModel: FrameworkRowValues {
    static let insertColumns = [
        "id", "indicator_code", "org_unit_code", "period_start", "period_end", "period_granularity", "value", "range_min",
        "range_max", "rationale", "set_on", "set_by", "benchmark_kind", "benchmark_value", "benchmark_source", "decided_on",
    ]

    var insertValues: [any SQLExpression] {
        [
            bind(id), SQLBind(indicatorCode), SQLBind(orgUnitCode), SQLBind(periodStart), SQLBind(periodEnd),
            SQLBind(periodGranularity), bind(value), bind(rangeMin), bind(rangeMax), bind(rationale), SQLBind(setOn),
            bind(setBy), bind(benchmarkKind), bind(benchmarkValue), bind(benchmarkSource), bind(decidedOn),
        ]
    }
}

extension IndicatorModel: FrameworkRowValues {
    static let insertColumns = [
        "id", "code", "name", "definition", "methodology", "source", "unit", "per", "decimals", "direction", "frequency",
        "aggregation", "stage", "org_unit_code", "steward_email", "rank", "guardrail", "is_public", "formula", "levels_json",
        "data_quality_json", "valid_range_json", "position", "version",
    ]

    var insertValues: [any SQLExpression] {
        [
            bind(id), SQLBind(code), SQLBind(name), bind(definition), bind(methodology), bind(source),
            SQLBind(unit), bind(per), SQLBind(decimals), SQLBind(direction), SQLBind(frequency), SQLBind(aggregation),
            SQLBind(stage), SQLBind(orgUnitCode), bind(stewardEmail), SQLBind(rank), SQLBind(guardrail), SQLBind(isPublic),
            bind(formula), bind(levelsJSON), bind(dataQualityJSON), bind(validRangeJSON), SQLBind(position),
            SQLBind(version),
        ]
    }
}

extension IndicatorGoalModel: FrameworkRowValues {
    static let insertColumns = ["id", "indicator_code", "goal_code", "position"]

    var insertValues: [any SQLExpression] {
        [bind(id), SQLBind(indicatorCode), SQLBind(goalCode), SQLBind(position)]
    }
}

extension GoalModel: FrameworkRowValues {
    static let insertColumns = [
        "id", "code", "kind", "parent_code", "name", "statement", "org_unit_code", "leader_email", "deputies_json",
        "period_from", "period_to", "perspective", "focus", "is_public", "position", "version",
    ]

    var insertValues: [any SQLExpression] {
        [
            bind(id), SQLBind(code), SQLBind(kind), bind(parentCode), SQLBind(name), bind(statement),
            bind(orgUnitCode), bind(leaderEmail), SQLBind(deputiesJSON), bind(periodFrom), bind(periodTo),
            bind(perspective), SQLBind(focus), SQLBind(isPublic), SQLBind(position), SQLBind(version),
        ]
    }
}

/// An optional field as Fluent writes it: NULL when it is nil.
private func bind<Value: Encodable & Sendable>(_ value: Value?) -> any SQLExpression {
    value.map { SQLBind($0) } ?? SQLLiteral.null
}
