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
    /// The latest period shown is the period judged; the status is told together with assurance and the forecast,
    /// never beside a contradiction; a qualitative indicator is judged by its levels.
    public func analyze(
        indicator: Indicator, orgUnit: String? = nil, series: [Measurement], targets: TargetHistory, asOf: CalendarDate,
        rebases: [Rebase] = []
    ) -> IndicatorAnalysis {
        if indicator.isQualitative { return analyzeLevels(indicator: indicator, orgUnit: orgUnit, series: series, asOf: asOf) }
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
        let basic = statusRules.assess(
            latest: latest, target: target, direction: indicator.direction, format: { Self.format($0, indicator: indicator) },
            label: { self.labels[$0] ?? $0.label(calendar: calendar, fiscal: fiscal) }
        )
        let combined = StatusWithAssurance.combine(
            basic, assurance: lastGroup?.assurance, latestPoint: result.points.last, direction: indicator.direction
        )
        // A forecast looks ahead: to the end of the target's period while it is still to come, else to the next
        // target still to come, else a year ahead with nothing to judge against.
        let ahead = targets.asOf(asOf).filter { $0.period.end > asOf }.min { $0.period.end < $1.period.end }
        let forecastTarget = target.flatMap { $0.period.end > asOf ? $0 : nil } ?? ahead
        let horizon = forecastTarget?.period.end ?? asOf.adding(days: 365)
        // The trend of the process as it now is: the points since the last rebase, at most the last `trendWindow`.
        let groupStart = result.groups.last.map(\.indices.lowerBound) ?? 0
        let recent = points[max(groupStart, points.count - Self.trendWindow)...]
        let forecast = Forecast.project(
            series: recent.compactMap { point in point.value.map { (point.period, $0) } }, to: horizon, target: forecastTarget,
            direction: indicator.direction
        )
        var reasons = combined.reasons
        var status = combined.status
        if let forecast, forecastTarget != nil {
            reasons.append(forecast.reason)
            // "On track" beside "unlikely to be met" would contradict itself, unless the process limits vouch for the target.
            if status == .onTrack, forecast.likelihood == .unlikely, combined.assurance != .consistentPass {
                status = .atRisk
                reasons.append("On track now, but at risk: the trend says the target is unlikely to be met by \(forecast.date).")
            }
        }
        return IndicatorAnalysis(
            indicator: indicator.code, orgUnit: orgUnit, direction: indicator.direction,
            latestPeriod: latest.map { self.labels[$0.period] ?? $0.period.label(calendar: calendar, fiscal: fiscal) }, latestValue: latest?.value,
            latestLevel: nil,
            target: target.map { version in
                AnalysedTarget(
                    period: version.period.label(calendar: calendar, fiscal: fiscal), value: version.target.value,
                    min: version.target.range?.min, max: version.target.range?.max, setOn: version.target.setOn
                )
            },
            rebases: rebasePeriods.filter { rebase in points.contains { $0.period == rebase.period } }.map {
                AnalysedRebase(period: $0.period.label(calendar: calendar, fiscal: fiscal), reason: $0.reason)
            },
            chart: chart, variation: lastGroup?.variation, assurance: combined.assurance, forecast: forecast,
            status: status, reasons: reasons
        )
    }

    /// A qualitative indicator: the latest level reported by `asOf`, judged on its scale of levels.
    private func analyzeLevels(indicator: Indicator, orgUnit: String?, series: [Measurement], asOf: CalendarDate) -> IndicatorAnalysis {
        let latest = series.filter { $0.period.end <= asOf && $0.level != nil }.max { $0.period < $1.period }
        let label = latest.map { self.labels[$0.period] ?? $0.period.label(calendar: calendar, fiscal: fiscal) }
        let assessment = latest.flatMap { measurement in
            measurement.level.map { QualitativeStatus.assess(level: $0, levels: indicator.levels ?? [], period: label ?? "") }
        } ?? StatusAssessment(status: .noData, reason: "No level has been reported yet.")
        return IndicatorAnalysis(
            indicator: indicator.code, orgUnit: orgUnit, direction: indicator.direction, latestPeriod: label, latestValue: nil,
            latestLevel: latest?.level, target: nil, rebases: [], chart: SPCReport.make(units: []), variation: nil, assurance: nil,
            forecast: nil, status: assessment.status, reasons: [assessment.reason]
        )
    }

    /// A number as the reasons print it: the indicator's decimals and unit.
    static func format(_ value: Double, indicator: Indicator) -> String {
        let number = NumberText.grouped(value, decimals: indicator.decimals)
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
