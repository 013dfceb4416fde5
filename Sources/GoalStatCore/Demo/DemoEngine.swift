/// Turns the series catalog into measurements for one window of months. Every value depends only on the
/// indicator code, the org unit and the period (each seeds its own generator), so moving the window later
/// adds new periods but never changes an old one, and the output is the same on every run and platform.
struct DemoEngine {
    /// One period of an indicator's frequency and the months it spans.
    struct PeriodMonths {
        let text: String
        let months: [DemoMonth]
        var end: DemoMonth { months[months.count - 1] }
    }

    /// The values of one unit (nil = the indicator's own unit) before quirks are applied.
    typealias UnitValues = (orgUnit: String?, values: [Double?], levels: [String?])

    let first: DemoMonth
    let last: DemoMonth
    private let seriesByCode: [String: DemoSeries]
    private var memo: [String: [UnitValues]] = [:]

    init(last: DemoMonth, months: Int, catalog: [DemoSeries]) {
        self.last = last
        first = last.adding(-(months - 1))
        seriesByCode = Dictionary(catalog.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The periods of a frequency that end inside the window: 60 months, 20 quarters, 5 calendar years.
    func periods(_ frequency: Frequency) -> [PeriodMonths] {
        let months = (first.index...last.index).map(DemoMonth.init(index:))
        switch frequency {
        case .monthly, .weekly:  // no demo indicator is weekly
            return months.map { PeriodMonths(text: $0.periodText, months: [$0]) }
        case .quarterly:
            return months.filter { $0.month % 3 == 0 }.map { end in
                PeriodMonths(text: "\(end.year)-Q\(end.quarter)", months: (-2...0).map { end.adding($0) })
            }
        case .annual:
            return months.filter { $0.month == 12 }.map { end in
                PeriodMonths(text: "\(end.year)", months: (-11...0).map { end.adding($0) })
            }
        }
    }

    /// The measurements of one series, quirks applied, units in table order and periods in time order.
    mutating func measurements(for series: DemoSeries) -> [DemoMeasurement] {
        let periods = periods(series.frequency)
        let units = unitValues(series.code)
        let quirks = series.quirks
        var kept = Array(periods.indices.dropLast(quirks.lateRecent))
        var missing = Set<Int>()
        for gap in quirks.gaps {
            guard let i = kept.first(where: { periods[$0].end == gap.month }) else { continue }
            if gap.recorded { missing.insert(i) } else { kept.removeAll { $0 == i } }
        }
        let provisional = Set(kept.filter { !missing.contains($0) }.suffix(quirks.provisionalRecent))
        var rows: [DemoMeasurement] = []
        for unit in units {
            for i in kept {
                let status: MeasurementStatus = missing.contains(i) ? .missing : provisional.contains(i) ? .provisional : .final
                let value = status == .missing ? nil : unit.values[i]
                let level = status == .missing ? nil : unit.levels[i]
                guard value != nil || level != nil || status == .missing else { continue }
                rows.append(DemoMeasurement(
                    indicator: series.code, period: periods[i].text, orgUnit: unit.orgUnit,
                    value: value, level: level, status: status
                ))
            }
        }
        return rows
    }

    /// Rounded values per unit, computed once per code (formula and portion series reuse their components').
    mutating func unitValues(_ code: String) -> [UnitValues] {
        if let known = memo[code] { return known }
        guard let series = seriesByCode[code] else { return [] }
        let periods = periods(series.frequency)
        let none = [String?](repeating: nil, count: periods.count)
        var result: [UnitValues]
        switch series.source {
        case .shape(let shape):
            result = [(nil, periods.map { sample(shape, series, unit: nil, $0) }, none)]
        case .regions(let aggregation, let regions):
            let parts: [UnitValues] = regions.map { region in
                (region.orgUnit, periods.map { sample(region.shape, series, unit: region.orgUnit, $0) }, none)
            }
            let totals = periods.indices.map { i -> Double? in
                let values = parts.compactMap { $0.values[i] }
                guard !values.isEmpty else { return nil }
                let sum = values.reduce(0, +)
                return series.rounded(aggregation == .sum ? sum : sum / Double(values.count))
            }
            result = [(nil, totals, none)] + parts
        case .portion(let other, let percent):
            let base = unitValues(other).first?.values ?? [Double?](repeating: nil, count: periods.count)
            result = [(nil, periods.indices.map { i -> Double? in
                guard let whole = base[i] else { return nil }
                let share = sample(percent, series, unit: "share", periods[i], rounding: false)
                return series.rounded(whole * share / 100)
            }, none)]
        case .ratio(let numerator, let denominator, let scale):
            let dens = unitValues(denominator)
            result = unitValues(numerator).compactMap { num -> UnitValues? in
                guard let den = dens.first(where: { $0.orgUnit == num.orgUnit }) else { return nil }
                let values = periods.indices.map { i -> Double? in
                    guard let n = num.values[i], let d = den.values[i], d != 0 else { return nil }
                    return series.rounded(series.clamped(n / d * scale, floor: nil, ceiling: nil))
                }
                return (num.orgUnit, values, none)
            }
        case .levels(let schedule):
            result = [(nil, [Double?](repeating: nil, count: periods.count), periods.map { schedule.level(at: $0.end) })]
        }
        memo[code] = result
        return result
    }

    /// One value: the mean of the period's expected monthly values plus one noise draw, clamped and rounded.
    private func sample(_ shape: DemoSeries.Shape, _ series: DemoSeries, unit: String?, _ period: PeriodMonths, rounding: Bool = true) -> Double {
        var generator = SeededGenerator(seedFrom: "\(series.code)|\(unit ?? "")|\(period.text)")
        let parts = period.months.map(shape.expected(at:))
        let mean = parts.reduce(0) { $0 + $1.value } / Double(parts.count)
        let noise = parts[parts.count - 1].noise
        let value = series.clamped(mean + noise * generator.nextGaussian(), floor: shape.floor, ceiling: shape.ceiling)
        guard rounding else { return value }
        return series.rounded(value, preferring: &generator)
    }
}

extension DemoSeries {
    /// Keeps a value inside what its kind allows and the shape's own bounds.
    func clamped(_ value: Double, floor: Double?, ceiling: Double?) -> Double {
        var low = floor ?? -Double.greatestFiniteMagnitude
        var high = ceiling ?? Double.greatestFiniteMagnitude
        if kind != .qualitative { low = Swift.max(low, 0) }
        if kind == .percent { high = Swift.min(high, 100) }
        return Swift.min(Swift.max(value, low), high)
    }

    /// Rounds to the indicator's decimals with exact IEEE operations (no `pow`, so every platform agrees).
    func rounded(_ value: Double) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// Rounds, and for estimated head counts sometimes to the nearest ten or five (planted digit preference).
    func rounded(_ value: Double, preferring generator: inout SeededGenerator) -> Double {
        let plain = rounded(value)
        guard quirks.roundToTen + quirks.roundToFive > 0 else { return plain }
        let draw = generator.nextUnit()
        if draw < quirks.roundToTen { return (value / 10).rounded() * 10 }
        if draw < quirks.roundToTen + quirks.roundToFive { return (value / 5).rounded() * 5 }
        return plain
    }
}
