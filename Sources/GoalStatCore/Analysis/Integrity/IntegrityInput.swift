/// One series the integrity checks read: an indicator for its own unit (`orgUnit` nil) or for one org unit.
public struct IntegritySeriesKey: Hashable, Sendable, Comparable {
    public var indicator: String
    public var orgUnit: String?

    public init(indicator: String, orgUnit: String? = nil) {
        self.indicator = indicator
        self.orgUnit = orgUnit
    }

    public static func < (lhs: IntegritySeriesKey, rhs: IntegritySeriesKey) -> Bool {
        if lhs.indicator != rhs.indicator { return lhs.indicator < rhs.indicator }
        return (lhs.orgUnit ?? "") < (rhs.orgUnit ?? "")
    }
}

/// Everything the integrity checks look at: the framework facts, the target histories and measurements of each
/// series (the total and every org unit), and the injected "today".
public struct IntegrityInput: Sendable {
    public var indicators: [Indicator]
    public var links: [IndicatorLink]
    /// Target versions of each series; an org unit without its own falls back to the total's unless the indicator sums.
    public var targets: [IntegritySeriesKey: TargetHistory]
    /// The rows of each series, in any order; where a period has several, the highest revision is its current value.
    public var measurements: [IntegritySeriesKey: [Measurement]]
    /// The day the checks run, from the injected clock; decides which periods are late.
    public var today: CalendarDate
    public var calendar: FiscalCalendar
    /// The series to check (every series when nil); the others are read only as what these are compared with (a
    /// guardrail's partners, the units a total sums). Checking one series costs as much as checking it among all.
    public var only: Set<IntegritySeriesKey>?

    public init(
        indicators: [Indicator], links: [IndicatorLink], targets: [IntegritySeriesKey: TargetHistory],
        measurements: [IntegritySeriesKey: [Measurement]], today: CalendarDate, calendar: FiscalCalendar = .federal
    ) {
        self.indicators = indicators
        self.links = links
        self.targets = targets
        self.measurements = measurements
        self.today = today
        self.calendar = calendar
    }

    /// Groups flat lists by series; targets whose period or date cannot be read are left out.
    public init(
        indicators: [Indicator], links: [IndicatorLink], targets: [Target], measurements: [Measurement],
        today: CalendarDate, calendar: FiscalCalendar = .federal
    ) {
        let versions = targets.compactMap { TargetVersion($0, calendar: calendar) }
        let byTargetSeries = Dictionary(grouping: versions) {
            IntegritySeriesKey(indicator: $0.target.indicator, orgUnit: $0.target.orgUnit)
        }
        self.init(
            indicators: indicators, links: links,
            targets: byTargetSeries.mapValues { TargetHistory($0) },
            measurements: Dictionary(grouping: measurements) {
                IntegritySeriesKey(indicator: $0.indicator, orgUnit: $0.orgUnit)
            },
            today: today, calendar: calendar
        )
    }
}
