import Foundation
@testable import GoalStatCore

/// Small builders for the fixed vectors of the integrity-check tests.
enum IntegrityFixture {
    /// "Today" for the fixed vectors: late January 2026, so December 2025 is the latest month due.
    static let today = CalendarDate(year: 2026, month: 1, day: 20)

    static func indicator(
        _ code: String, unit: IndicatorUnit = .percent, direction: ImprovementDirection = .increase,
        frequency: Frequency = .monthly, decimals: Int = 1, aggregation: Aggregation = .mean, guardrail: Bool = false,
        goals: [String] = [], levels: [String]? = nil
    ) -> Indicator {
        Indicator(
            code: code, name: code.capitalized, unit: unit, decimals: decimals, direction: direction, frequency: frequency,
            aggregation: aggregation, stage: .output, orgUnit: "HQ", guardrail: guardrail, levels: levels, goals: goals
        )
    }

    /// One row per value for consecutive months from `start`; a nil value leaves that month without a row.
    static func monthly(
        _ code: String, from start: (year: Int, month: Int), _ values: [Double?], orgUnit: String? = nil
    ) -> [GoalStatCore.Measurement] {
        values.enumerated().compactMap { offset, value in
            guard let value else { return nil }
            let index = start.year * 12 + start.month - 1 + offset
            let period = Period.month(year: index / 12, month: index % 12 + 1)
            return row(code, period, value, orgUnit: orgUnit)
        }
    }

    /// One row per value for consecutive calendar quarters from `start`.
    static func quarterly(_ code: String, from start: (year: Int, quarter: Int), _ values: [Double]) -> [GoalStatCore.Measurement] {
        values.enumerated().map { offset, value in
            let index = start.year * 4 + start.quarter - 1 + offset
            return row(code, Period.calendarQuarter(year: index / 4, quarter: index % 4 + 1), value)
        }
    }

    static func row(
        _ code: String, _ period: Period, _ value: Double?, orgUnit: String? = nil, status: MeasurementStatus = .final,
        level: String? = nil, revision: Int = 0, enteredDaysAfterEnd: Int = 5
    ) -> GoalStatCore.Measurement {
        GoalStatCore.Measurement(
            indicator: code, orgUnit: orgUnit, period: period, value: value, level: level, status: status, revision: revision,
            source: MeasurementSource(kind: .form, label: "test", enteredBy: nil, enteredAt: date(period.end.adding(days: enteredDaysAfterEnd)))
        )
    }

    static func date(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200)
    }

    /// `count` draws of normal noise with standard deviation `sigma`, the same on every run.
    static func noise(_ seed: String, count: Int, sigma: Double) -> [Double] {
        var generator = SeededGenerator(seedFrom: seed)
        return (0..<count).map { _ in generator.nextGaussian() * sigma }
    }

    /// `level` plus noise, rounded to `decimals`.
    static func series(_ seed: String, count: Int, level: Double, sigma: Double, decimals: Int = 1) -> [Double] {
        noise(seed, count: count, sigma: sigma).map { rounded(level + $0, decimals) }
    }

    static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    static func target(_ code: String, _ period: String, _ value: Double, setOn: String, orgUnit: String? = nil) -> Target {
        Target(indicator: code, orgUnit: orgUnit, period: period, value: value, setOn: setOn)
    }

    /// Runs one check on flat lists.
    static func run(
        _ check: IntegrityCheck, indicators: [Indicator], links: [IndicatorLink] = [], targets: [Target] = [],
        measurements: [GoalStatCore.Measurement], today: CalendarDate = today, thresholds: IntegrityThresholds = .init()
    ) -> [IntegrityFlag] {
        let input = IntegrityInput(
            indicators: indicators, links: links, targets: targets, measurements: measurements, today: today, calendar: .federal
        )
        return IntegrityChecks.run(input, thresholds: thresholds, checks: [check])
    }
}
