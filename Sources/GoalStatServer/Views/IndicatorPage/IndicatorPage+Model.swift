import GoalStatCore
import GoalStatStore

/// One indicator: definition and data quality, chart with target line, data table, targets and their history, revisions.
struct IndicatorPageModel: Sendable {
    var indicator: Indicator
    /// Whether the reader may change the indicator's definition: the page then links to its form.
    var editable = false
    /// Whether the reader may add a target version: only then is "Revise target" offered.
    var mayReviseTarget = false
    var goals: [(code: String, name: String)]
    var orgUnitName: String?
    var stewardName: String?
    var status: StatusAssessment
    /// The org unit shown (nil: the indicator's own unit) and the others that have values, for switching.
    var selectedOrgUnit: String?
    var orgUnitsWithValues: [String]
    /// The date targets are shown as known on (nil: today).
    var asOf: CalendarDate?
    var chart: ChartModel
    /// The process behaviour (XmR) analysis of the shown values; nil for a qualitative indicator.
    var analysis: IndicatorAnalysis?
    var rows: [ValueRow]
    /// Targets in force (as of `asOf`), then every version ever set, newest first.
    var currentTargets: [TargetRow]
    var targetHistory: [TargetRow]
    var revisions: [RevisionRow]
    /// The read model's integrity questions about this indicator (its total and its units).
    var integrity: [IntegrityFinding] = []
    /// Whether the reader may download this indicator's values (export in its unit).
    var mayExport = false
}

/// One period's value in the data table.
struct ValueRow: Sendable {
    var period: String
    var value: String
    var status: MeasurementStatus
    var note: String?
    var revision: Int
    var source: String
    var target: String?
}

/// One target version.
struct TargetRow: Sendable {
    var period: String
    var orgUnit: String?
    var value: String
    var rationale: String?
    var setOn: String
    var setBy: String?
    var benchmark: String?
    /// False for a version a later one replaced.
    var inForce: Bool
}

/// A value that a correction replaced.
struct RevisionRow: Sendable {
    var period: String
    var revision: Int
    var value: String
    var status: MeasurementStatus
    var note: String?
    var source: String
    var supersededAt: String
    /// Why the correction that replaced it was made.
    var reason: String?
}

/// What the SVG line chart draws: values by period and the target band by period.
struct ChartModel: Sendable {
    struct Point: Sendable {
        var label: String
        var value: Double?
        var targetLow: Double?
        var targetHigh: Double?
    }

    var title: String
    var unit: String
    var decimals: Int
    var points: [Point]
}

extension ChartModel {
    /// The chart of an indicator's values with the target in force for each period. A qualitative indicator is drawn
    /// by the position of each level on its scale (1 = the first, worst level), so the chart draws what the table
    /// beside it holds instead of nothing.
    init(indicator: Indicator, series: [GoalStatCore.Measurement], label: (Period) -> String, target: (Period) -> ClosedRange<Double>?) {
        if let levels = indicator.levels, !levels.isEmpty {
            self.init(
                title: indicator.name, unit: "level (1 = \(levels[0]), \(levels.count) = \(levels[levels.count - 1]))", decimals: 0,
                points: series.map { measurement in
                    Point(label: label(measurement.period), value: measurement.level.flatMap { levels.firstIndex(of: $0) }.map { Double($0 + 1) }, targetLow: nil, targetHigh: nil)
                }
            )
        } else {
            self.init(
                title: indicator.name, unit: indicator.unit.text, decimals: indicator.decimals,
                points: series.map { measurement in
                    let band = target(measurement.period)
                    return Point(label: label(measurement.period), value: measurement.value, targetLow: band?.lowerBound, targetHigh: band?.upperBound)
                }
            )
        }
    }
}
