import Foundation

/// One series ready for the checks: its periods on a regular grid from the first measured period to the last,
/// so that "six periods earlier" is an index step and a gap is a hole rather than a silent join.
struct IntegritySeries {
    /// A grid never grows past this many periods (a century of weeks); older periods are dropped.
    static let maximumPeriods = 5_200

    let key: IntegritySeriesKey
    let indicator: Indicator
    let periods: [Period]
    /// The number in each period; nil for a gap, a `missing` row or a qualitative level.
    let values: [Double?]
    /// Whether a value or a level was entered for the period (a `missing` row is not a report).
    let reported: [Bool]
    /// Whether the period has a row with status `missing`.
    let recordedMissing: [Bool]
    /// The current row of each measured period, in period order.
    let rows: [Row]

    /// What the checks need of a stored row (the full `Measurement` is large, and a series has many).
    struct Row {
        let period: Period
        let revision: Int
        let enteredAt: Date
    }

    init?(key: IntegritySeriesKey, indicator: Indicator, measurements: [Measurement]) {
        let granularity = indicator.frequency.granularity
        // Indices sorted by period, highest revision first, so the first of each period is its current value.
        let order = measurements.indices.filter { measurements[$0].period.granularity == granularity }.sorted { a, b in
            let pa = measurements[a].period, pb = measurements[b].period
            return pa != pb ? pa < pb : measurements[a].revision > measurements[b].revision
        }
        var current: [Int] = []
        current.reserveCapacity(order.count)
        for i in order where current.last.map({ measurements[$0].period != measurements[i].period }) ?? true {
            current.append(i)
        }
        guard let first = current.first, let last = current.last else { return nil }
        var grid: [Period] = []
        var period = measurements[first].period
        while period <= measurements[last].period {
            grid.append(period)
            period = period.next()
        }
        if grid.count > Self.maximumPeriods { grid.removeFirst(grid.count - Self.maximumPeriods) }

        var values = [Double?](repeating: nil, count: grid.count)
        var reported = [Bool](repeating: false, count: grid.count)
        var recordedMissing = [Bool](repeating: false, count: grid.count)
        var slot = 0
        for i in current {
            let row = measurements[i]
            while slot < grid.count && grid[slot] < row.period { slot += 1 }
            guard slot < grid.count, grid[slot] == row.period else { continue }
            if row.status == .missing {
                recordedMissing[slot] = true
            } else {
                values[slot] = row.value.flatMap { $0.isFinite ? $0 : nil }
                reported[slot] = row.value != nil || row.level != nil
            }
        }
        self.key = key
        self.indicator = indicator
        self.periods = grid
        self.values = values
        self.reported = reported
        self.recordedMissing = recordedMissing
        self.rows = current.map { i in
            Row(period: measurements[i].period, revision: measurements[i].revision, enteredAt: measurements[i].source.enteredAt)
        }
    }

    /// Whether the series can be judged better or worse: numeric, with a direction.
    var isDirectional: Bool { indicator.direction != .neutral && !indicator.isQualitative }

    /// The index of the first grid period that starts after `date`, if any.
    func firstIndex(startingAfter date: CalendarDate) -> Int? {
        periods.firstIndex { $0.start > date }
    }

    /// This series' values averaged onto `grid`, a grid of the same or a coarser granularity: each grid period gets
    /// the mean of the values whose periods it contains.
    func values(on grid: [Period]) -> [Double?] {
        var result = [Double?](repeating: nil, count: grid.count)
        var i = 0
        for (slot, target) in grid.enumerated() {
            while i < periods.count && periods[i].start < target.start { i += 1 }
            var sum = 0.0, count = 0
            var j = i
            while j < periods.count && target.contains(periods[j]) {
                if let value = values[j] { sum += value; count += 1 }
                j += 1
            }
            i = j
            if count > 0 { result[slot] = sum / Double(count) }
        }
        return result
    }
}

/// The input read once for all checks: indicators by code, series by key, and target histories.
struct IntegrityContext {
    let today: CalendarDate
    let calendar: FiscalCalendar
    let indicators: [String: Indicator]
    let links: [IndicatorLink]
    /// Every series of a known indicator, in key order.
    let series: [IntegritySeries]
    /// The series the checks ask about, in key order: every series but for `IntegrityInput.only`.
    let checked: [IntegritySeries]
    private let only: Set<IntegritySeriesKey>?
    private let seriesIndex: [IntegritySeriesKey: Int]
    private let targets: [IntegritySeriesKey: TargetHistory]

    init(_ input: IntegrityInput) {
        today = input.today
        calendar = input.calendar
        indicators = Dictionary(input.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        links = input.links
        targets = input.targets
        let known = indicators
        let series = input.measurements.keys.sorted().compactMap { key in
            known[key.indicator].flatMap {
                IntegritySeries(key: key, indicator: $0, measurements: input.measurements[key] ?? [])
            }
        }
        self.series = series
        seriesIndex = Dictionary(series.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        only = input.only
        checked = input.only.map { only in series.filter { only.contains($0.key) } } ?? series
    }

    /// Whether the checks ask about this series.
    func checks(_ key: IntegritySeriesKey) -> Bool {
        only?.contains(key) ?? true
    }

    func series(_ key: IntegritySeriesKey) -> IntegritySeries? {
        seriesIndex[key].map { series[$0] }
    }

    /// The series' own targets; an org unit without any borrows the total's, unless the indicator is a sum
    /// (a region's count is not comparable with a statewide target).
    func targetHistory(for series: IntegritySeries) -> TargetHistory? {
        if let own = targets[series.key], !own.versions.isEmpty { return own }
        guard series.key.orgUnit != nil, series.indicator.aggregation != .sum else { return nil }
        return targets[IntegritySeriesKey(indicator: series.key.indicator)]
    }
}
