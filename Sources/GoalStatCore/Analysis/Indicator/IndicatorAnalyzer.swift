import Foundation

/// Puts the analysis of SPEC §4 together for one indicator's series: XmR chart, assurance, status and reasons.
public struct IndicatorAnalyzer: Sendable {
    /// How many recent points the trend is fitted on: three years of months. Older points describe an older process,
    /// and Theil–Sen's cost grows with the square of the points.
    public static let trendWindow = 36

    public var statusRules: StatusRules
    public var calendar: FiscalCalendar
    public var fiscal: Bool
    /// Printed periods made once for a whole run (`withLabels(for:)`), since every indicator shares most periods.
    public var labels: [Period: String] = [:]

    public init(statusRules: StatusRules = StatusRules(), calendar: FiscalCalendar = .federal, fiscal: Bool = false) {
        self.statusRules = statusRules
        self.calendar = calendar
        self.fiscal = fiscal
    }

    /// The same analyzer with the labels of `periods` printed in advance.
    public func withLabels(for periods: some Sequence<Period>) -> IndicatorAnalyzer {
        var copy = self
        for period in periods where copy.labels[period] == nil {
            copy.labels[period] = period.label(calendar: calendar, fiscal: fiscal)
        }
        return copy
    }

    /// Analyses the values of one unit up to `asOf` (periods that ended by then), against targets as known on that date.
    public func analyze(
        indicator: Indicator, orgUnit: String? = nil, series: [Measurement], targets: TargetHistory, asOf: CalendarDate,
        rebases: [Rebase] = []
    ) -> IndicatorAnalysis {
        // Periods and values only: copying whole measurements was a large share of the time of a big run.
        var points: [(period: Period, value: Double?)] = []
        points.reserveCapacity(series.count)
        var latest: Measurement?
        for measurement in series where measurement.period.end <= asOf {
            guard let value = measurement.value else { continue }
            points.append((measurement.period, value))
            if latest.map({ $0.period < measurement.period }) ?? true { latest = measurement }
        }
        if !points.isSorted(by: { $0.period < $1.period }) { points.sort { $0.period < $1.period } }
        let rebasePeriods = rebases.compactMap { rebase in
            (try? Period.parse(rebase.period, for: indicator.frequency, calendar: calendar)).map { (period: $0, reason: rebase.reason) }
        }
        let printed = points.map { self.labels[$0.period] ?? $0.period.label(calendar: calendar, fiscal: fiscal) }
        let target = latest.flatMap { targets.applicable(to: $0.period, asOf: asOf) }
        let assuranceTarget: Double? = target?.band.map { band in
            indicator.direction == .decrease ? band.upperBound : band.lowerBound
        }
        let result = XmRChart.compute(
            values: points.compactMap(\.value),
            rebaseStarts: XmRChart.rebaseStarts(periods: points.map(\.period), rebaseAt: rebasePeriods.map(\.period)),
            options: XmROptions(direction: indicator.direction, target: assuranceTarget)
        )
        let chart = SPCReport.make(units: [(orgUnit, printed, result)])
        let lastGroup = result.groups.last
        let basic = statusRules.assess(latest: latest, target: target, direction: indicator.direction) { value in
            Self.format(value, indicator: indicator)
        }
        let combined = StatusWithAssurance.combine(
            basic, assurance: lastGroup?.assurance, latestPoint: result.points.last, direction: indicator.direction
        )
        let horizon = target.map { $0.period.end } ?? asOf.adding(days: 365)
        // The trend of the process as it now is: the points since the last rebase, at most the last `trendWindow`.
        let groupStart = result.groups.last.map(\.indices.lowerBound) ?? 0
        let recent = points[max(groupStart, points.count - Self.trendWindow)...]
        let forecast = Forecast.project(
            series: recent.compactMap { point in point.value.map { (point.period, $0) } }, to: horizon, target: target,
            direction: indicator.direction
        )
        var reasons = combined.reasons
        if let forecast, target != nil { reasons.append(forecast.reason) }
        return IndicatorAnalysis(
            indicator: indicator.code, orgUnit: orgUnit, direction: indicator.direction,
            latestPeriod: latest.map { self.labels[$0.period] ?? $0.period.label(calendar: calendar, fiscal: fiscal) }, latestValue: latest?.value,
            target: target.map { version in
                AnalysedTarget(
                    period: version.period.label(calendar: calendar, fiscal: fiscal), value: version.target.value,
                    min: version.target.range?.min, max: version.target.range?.max, setOn: version.target.setOn
                )
            },
            rebases: rebasePeriods.filter { rebase in points.contains { $0.period == rebase.period } }.map {
                AnalysedRebase(period: $0.period.label(calendar: calendar, fiscal: fiscal), reason: $0.reason)
            },
            chart: chart, variation: lastGroup?.variation, assurance: lastGroup?.assurance, forecast: forecast,
            status: combined.status, reasons: reasons
        )
    }

    /// A number as the reasons print it: the indicator's decimals and unit.
    static func format(_ value: Double, indicator: Indicator) -> String {
        let number = String(format: "%.\(max(0, min(indicator.decimals, 10)))f", value)
        switch indicator.unit {
        case .percent: return number + "%"
        case .count, .currency, .rate: return number
        case .days, .hours, .other: return "\(number) \(indicator.unit.text)"
        }
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }
}
