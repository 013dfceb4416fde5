import Foundation

/// An indicator's result for one year of the plan (fiscal when the plan reports in fiscal years), rolled up from its
/// period values by the indicator's aggregation, and judged against the target set for that year: what the annual
/// performance report (31 U.S.C. 1116(c)(1)) and StratML Part 2 print for each of the years they cover.
public struct YearlyResult: Sendable, Equatable {
    /// The year itself (`FY2026`, or `2026` for a calendar-year plan).
    public var year: Period
    public var value: Double?
    /// The latest level of a qualitative indicator in the year.
    public var level: String?
    /// How many periods of the year have a value, and how many the indicator's frequency has in a year.
    public var periodsWithValues: Int
    public var periodsInYear: Int
    /// The target for the year as known on the report's date (only a target set for the whole year counts).
    public var target: TargetVersion?
    /// Met, missed, or nil when there is no target or no result to judge.
    public var outcome: Outcome?

    public enum Outcome: String, Sendable, Equatable {
        case met, missed
    }

    /// Whether some periods of the year have no value (the result is then of part of the year).
    public var isPartial: Bool { periodsWithValues < periodsInYear }
}

/// Rolls period values up into yearly results.
public enum YearlyResults {
    /// The years that end on or before `asOf`, the latest `count` of them, oldest first: the "preceding fiscal years"
    /// of an annual report written on `asOf`.
    public static func precedingYears(_ count: Int, asOf: CalendarDate, calendar: FiscalCalendar, fiscal: Bool) -> [Period] {
        var year = Period.containing(asOf, frequency: .annual, calendar: calendar, fiscal: fiscal)
        if year.end > asOf { year = year.previous() }
        var years: [Period] = []
        for _ in 0..<max(count, 0) {
            years.insert(year, at: 0)
            year = year.previous()
        }
        return years
    }

    /// The results of `indicator` for each of `years`. `values` are its period values (totals), any order; targets
    /// are read as known on `asOf`. A sum adds the year's values, a mean and a ratio average them (a ratio's yearly
    /// numerator and denominator are other indicators, which this does not read), a last takes the latest.
    public static func results(
        of indicator: Indicator, values: [(period: Period, value: Double?, level: String?)], targets: TargetHistory,
        years: [Period], asOf: CalendarDate, rules: StatusRules = StatusRules()
    ) -> [YearlyResult] {
        let known = targets.asOf(asOf)
        return years.map { year in
            let inYear = values.filter { year.contains($0.period) }
                .sorted { $0.period < $1.period }
            let numbers = inYear.compactMap(\.value)
            let value: Double?
            if numbers.isEmpty {
                value = nil
            } else {
                switch indicator.aggregation {
                case .sum: value = numbers.reduce(0, +)
                case .mean, .ratio: value = numbers.reduce(0, +) / Double(numbers.count)
                case .last: value = numbers.last
                }
            }
            let level = inYear.last { $0.level != nil }?.level
            let target = known.first { $0.period == year }
            var outcome: YearlyResult.Outcome?
            if let value, let target, target.band != nil {
                let judged = rules.assess(
                    latest: Measurement(indicator: indicator.code, period: year, value: value, source: MeasurementSource(kind: .import, label: "yearly result", enteredBy: nil, enteredAt: Date(timeIntervalSince1970: 0))),
                    target: target, direction: indicator.direction
                )
                outcome = judged.status == .onTrack ? .met : .missed
            }
            return YearlyResult(
                year: year, value: indicator.isQualitative ? nil : value, level: level,
                periodsWithValues: inYear.filter { $0.value != nil || $0.level != nil }.count,
                periodsInYear: periodsPerYear(indicator.frequency), target: target,
                outcome: indicator.isQualitative ? nil : outcome
            )
        }
    }

    public static func periodsPerYear(_ frequency: Frequency) -> Int {
        switch frequency {
        case .weekly: 52
        case .monthly: 12
        case .quarterly: 4
        case .annual: 1
        }
    }
}
