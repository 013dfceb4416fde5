import Foundation

/// One indicator's values as a link check reads them, with what it takes to aggregate them to a coarser frequency:
/// the indicator's frequency, its aggregation rule (SPEC §2) and, for a `ratio`, its formula and the values of the
/// indicators the formula names.
public struct LinkSeries: Sendable {
    public var frequency: Frequency
    public var aggregation: Aggregation
    public var values: [(Period, Double)]
    /// A `ratio`'s formula (`[A] / [B] * 100`); nil for the other rules.
    public var formula: Formula?
    /// The values of the indicators the formula names, by code, each with its own rule.
    public var components: [String: LinkSeries]

    public init(
        frequency: Frequency, aggregation: Aggregation, values: [(Period, Double)],
        formula: Formula? = nil, components: [String: LinkSeries] = [:]
    ) {
        self.frequency = frequency
        self.aggregation = aggregation
        self.values = values
        self.formula = formula
        self.components = components
    }

    /// The formula of an indicator whose aggregation is `ratio`, parsed; nil for other rules or a formula that does
    /// not parse.
    public static func ratioFormula(of indicator: Indicator) -> Formula? {
        guard indicator.aggregation == .ratio, let text = indicator.formula, case .success(let formula) = Formula.parse(text) else { return nil }
        return formula
    }

    /// Whether a `ratio` can be aggregated as the ratio of its components' aggregates (else it falls back to `mean`).
    var aggregatesByFormula: Bool {
        guard aggregation == .ratio, let formula else { return false }
        return !formula.references.isEmpty && formula.references.allSatisfy { components[$0] != nil }
    }
}

/// Moves a series onto a coarser frequency (a driver → result link between a monthly and a quarterly indicator is
/// tested on quarters). Each coarse period takes the fine periods that overlap it, each weighted by the share of its
/// days that fall in it (1 for months in a quarter or a year; a week that straddles two months counts in each by its
/// days there), and:
/// - `sum`: Σ weight × value (a quarter's count is its months' counts added);
/// - `mean`: Σ weight × value / Σ weight;
/// - `last`: the value of the fine period that holds the coarse period's last day;
/// - `ratio`: the formula evaluated on the components, each aggregated by its own rule (a quarter's online share is
///   the quarter's online renewals over its renewals, not the mean of three monthly shares); without its components
///   a ratio is averaged like `mean`.
///
/// Only complete periods: a coarse period is left out unless every fine period that overlaps it has a value (for
/// `last`, unless the one holding its last day has), so a quarter with two of its three months — the current,
/// unfinished quarter, or one with a month missing — is a gap, never a smaller sum or a mean of fewer months.
public enum LinkAggregation {
    /// Mean length in days of a period of each frequency, for converting a lag: 7, 365.2425 / 12, / 4, and 365.2425.
    public static func meanDays(_ frequency: Frequency) -> Double {
        switch frequency {
        case .weekly: 7
        case .monthly: 365.2425 / 12
        case .quarterly: 365.2425 / 4
        case .annual: 365.2425
        }
    }

    /// Whether periods of `a` are longer than periods of `b`.
    public static func isCoarser(_ a: Frequency, than b: Frequency) -> Bool {
        meanDays(a) > meanDays(b)
    }

    /// A lag of `lag` periods of `frequency` in periods of `coarser`: the same span of days, rounded to the nearest
    /// whole period (a half away from zero). That is the coarse lag whose periods overlap most with the lagged fine
    /// ones: 1 month is 0 quarters (two of the quarter's three months are still the same quarter), 2 months are 1,
    /// 4 months 1, 12 months 4 quarters, 4 quarters 1 year, 6 months 1 year.
    public static func convert(lag: Int, from frequency: Frequency, to coarser: Frequency) -> Int {
        guard frequency != coarser else { return lag }
        return Int((Double(lag) * meanDays(frequency) / meanDays(coarser)).rounded(.toNearestOrAwayFromZero))
    }

    /// The coarse periods from the one holding the earliest value of `series` to the one holding its latest,
    /// aligned on `anchor`, a period of the coarse frequency (a quarter of the coarse indicator, so that fiscal
    /// quarters stay fiscal).
    public static func grid(covering series: [(Period, Double)], anchor: Period) -> [Period] {
        guard let first = series.map(\.0.start).min(), let last = series.map(\.0.end).max() else { return [] }
        var period = anchor
        while period.start > first { period = period.previous() }
        while period.end < first { period = period.next() }
        var grid: [Period] = []
        while period.start <= last {
            grid.append(period)
            period = period.next()
        }
        return grid
    }

    /// `series` on the coarse periods `grid` (in order), complete periods only.
    public static func aggregate(_ series: LinkSeries, onto grid: [Period]) -> [(Period, Double)] {
        if series.aggregatesByFormula, let formula = series.formula {
            let parts = series.components.mapValues { Dictionary(aggregate($0, onto: grid), uniquingKeysWith: { _, last in last }) }
            return grid.compactMap { period -> (Period, Double)? in
                var values: [String: Double] = [:]
                for code in formula.references {
                    guard let value = parts[code]?[period] else { return nil }
                    values[code] = value
                }
                guard let value = formula.evaluate(values), value.isFinite else { return nil }
                return (period, value)
            }
        }
        var values: [Period: Double] = [:]
        for (period, value) in series.values where value.isFinite { values[period] = value }
        guard let anchor = values.keys.min() else { return [] }
        var cursor = anchor
        return grid.compactMap { coarse -> (Period, Double)? in
            // Step the fine cursor back to the first fine period that overlaps this coarse one, then read forward.
            while cursor.start > coarse.start { cursor = cursor.previous() }
            while cursor.end < coarse.start { cursor = cursor.next() }
            var fine = cursor
            var weighted = 0.0, weights = 0.0, last: Double?, complete = true
            while fine.start <= coarse.end {
                let overlap = Double(max(fine.start, coarse.start).days(to: min(fine.end, coarse.end)) + 1)
                let weight = overlap / Double(fine.dayCount)
                let value = values[fine]
                if fine.contains(coarse.end) { last = value }
                if let value {
                    weighted += weight * value
                    weights += weight
                } else {
                    complete = false
                }
                fine = fine.next()
            }
            switch series.aggregation {
            case .last:
                return last.map { (coarse, $0) }
            case .sum:
                return complete ? (coarse, weighted) : nil
            case .mean, .ratio:
                return complete && weights > 0 ? (coarse, weighted / weights) : nil
            }
        }
    }

    /// How a series was brought to `frequency`, in words for a link's reason.
    static func describe(_ series: LinkSeries, to frequency: Frequency) -> String {
        let rule: String = switch series.aggregation {
        case .sum: "summed"
        case .mean: "averaged"
        case .last: "its last value taken"
        case .ratio: series.aggregatesByFormula ? "worked out by its formula from its components' totals" : "averaged (its components were not available)"
        }
        return "the \(series.frequency.rawValue) values \(rule) per \(frequency.periodNoun)"
    }
}

extension Frequency {
    /// `week`, `month`, `quarter`, `year`.
    public var periodNoun: String {
        switch self {
        case .weekly: "week"
        case .monthly: "month"
        case .quarterly: "quarter"
        case .annual: "year"
        }
    }

    /// The frequency of periods of this granularity (nil for days, which no indicator is measured in).
    public init?(_ granularity: Period.Granularity) {
        switch granularity {
        case .week: self = .weekly
        case .month: self = .monthly
        case .quarter: self = .quarterly
        case .year: self = .annual
        case .day: return nil
        }
    }
}
