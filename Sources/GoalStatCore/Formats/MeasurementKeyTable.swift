/// Remembers the line of each (indicator, period, org unit) seen in a file, to report duplicates.
///
/// Memory must not grow with the size of a file (SPEC §8: a five-million-row import in a few hundred megabytes),
/// and files list a series' periods one after another, on consecutive lines. So each series keeps runs of
/// consecutive periods read on consecutive lines, three words a run: a file of 40,000 series in order is 40,000 runs
/// (about a megabyte) whatever its length. A file in no order at all costs a run per row, as a table per row would.
/// Nearly every row extends the last run of the series of the row before, a comparison or two.
struct MeasurementKeyTable {
    /// Periods `first...last` (ordinals) of one series, read on lines `line...line + last - first`.
    private struct Run {
        var first: Int
        var last: Int
        var line: Int
    }

    /// A series and the phase of its periods: a calendar year and a fiscal year (or quarter) of one series can
    /// have the same ordinal, so the ordinal names a period only among periods that start in the same phase.
    private struct SeriesPhase: Hashable {
        var series: UInt64
        var phase: Int
    }

    private var seriesIndex: [SeriesPhase: Int] = [:]
    /// The runs of each series and phase, sorted by first period, never overlapping.
    private var runs: [[Run]] = []
    private var lastSeries: SeriesPhase?
    private var lastIndex = 0

    /// An empty table; `expectedCount` (kept for callers that know it) is not needed.
    init(expectedCount: Int) {}

    /// The word that names a series: an indicator and org unit (nil: the indicator's own unit) by their catalog
    /// indices, and the granularity of the indicator's periods.
    static func series(indicator: Int, orgUnit: Int?, granularity: Period.Granularity) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: indicator)) << 32
            | UInt64(UInt32(truncatingIfNeeded: (orgUnit ?? -1) + 1)) << 3
            | UInt64(Period.Granularity.allCases.firstIndex(of: granularity)!)
    }

    /// The position of the period starting on day `start` among the periods of its granularity:
    /// consecutive periods have consecutive ordinals.
    static func ordinal(start: Int, granularity: Period.Granularity) -> Int {
        switch granularity {
        case .day: return start
        case .week: return (start + 3 - ((start + 3) % 7 + 7) % 7) / 7 // weeks counted from a Monday
        case .month, .quarter, .year:
            let date = CalendarDate(daysSinceEpoch: start)
            let month = date.year * 12 + date.month - 1
            let length = granularity == .month ? 1 : granularity == .quarter ? 3 : 12
            return month >= 0 ? month / length : (month - length + 1) / length
        }
    }

    /// Records the period whose ordinal is `ordinal` (`Self.ordinal(start:granularity:)` of its first day `start`)
    /// for `series` at `line`; or returns the line where it was recorded before, and records nothing.
    ///
    /// Within one series every period has the same granularity, so its ordinal names it.
    mutating func insert(series: UInt64, start: Int, ordinal: Int, line: Int) -> Int? {
        let series = SeriesPhase(series: series, phase: Self.phase(start: start, granularity: series & 7))
        let index: Int
        if series == lastSeries {
            index = lastIndex
        } else if let known = seriesIndex[series] {
            index = known
        } else {
            index = runs.count
            seriesIndex[series] = index
            runs.append([])
        }
        lastSeries = series
        lastIndex = index
        return Self.insert(ordinal: ordinal, line: line, into: &runs[index])
    }

    /// Where in its ordinal a period starts: the month within the quarter or year (0 for a calendar quarter or
    /// year), the weekday for a week; always 0 for months and days.
    private static func phase(start: Int, granularity index: UInt64) -> Int {
        switch Period.Granularity.allCases[Int(index)] {
        case .day, .month: return 0
        case .week: return ((start + 3) % 7 + 7) % 7
        case .quarter:
            let date = CalendarDate(daysSinceEpoch: start)
            return (date.month - 1) % 3 * 32 + date.day
        case .year:
            let date = CalendarDate(daysSinceEpoch: start)
            return (date.month - 1) * 32 + date.day
        }
    }

    private static func insert(ordinal: Int, line: Int, into runs: inout [Run]) -> Int? {
        guard let tail = runs.last, ordinal <= tail.last else {
            // After every period seen: the usual case, a file in order.
            if let tail = runs.last, ordinal == tail.last + 1, line == tail.line + tail.last - tail.first + 1 {
                runs[runs.count - 1].last = ordinal
            } else {
                runs.append(Run(first: ordinal, last: ordinal, line: line))
            }
            return nil
        }
        // The last run whose first period is at or before `ordinal`.
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].first <= ordinal { low = middle + 1 } else { high = middle }
        }
        if low > 0, ordinal <= runs[low - 1].last {
            let run = runs[low - 1]
            return run.line + ordinal - run.first
        }
        runs.insert(Run(first: ordinal, last: ordinal, line: line), at: low)
        return nil
    }
}
