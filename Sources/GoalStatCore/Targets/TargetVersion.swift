/// A target version with its period and date read, ready for comparisons.
public struct TargetVersion: Sendable, Equatable {
    public var target: Target
    public var period: Period
    public var setOn: CalendarDate

    public init(target: Target, period: Period, setOn: CalendarDate) {
        self.target = target
        self.period = period
        self.setOn = setOn
    }

    /// Reads a stored or imported target; nil when its period or date is not valid.
    public init?(_ target: Target, calendar: FiscalCalendar) {
        guard let period = try? Period.parse(target.period, calendar: calendar),
              let setOn = try? CalendarDate.parse(target.setOn) else { return nil }
        self.init(target: target, period: period, setOn: setOn)
    }

    /// The target as a band: a single value is a band of width zero.
    public var band: ClosedRange<Double>? {
        if let range = target.range { return range.min...range.max }
        return target.value.map { $0...$0 }
    }
}
