/// What the measurements CSV reader checks rows against: the indicators and org units that exist, and the fiscal calendar.
public struct MeasurementCatalog: Sendable {
    /// The indicators by code.
    public var indicators: [String: CatalogIndicator]
    /// The org unit codes.
    public var orgUnits: Set<String>
    /// The plan's fiscal calendar, for `FY` periods.
    public var calendar: FiscalCalendar
    /// The day values are entered: a `final` value for a period that has not ended by then is held as
    /// `provisional` (its figure can still move). Nil: no such rule (a file checked outside the server).
    public var today: CalendarDate?

    /// A catalog of `indicators` (by code) and `orgUnits`.
    public init(
        indicators: [String: CatalogIndicator], orgUnits: Set<String>, calendar: FiscalCalendar = FiscalCalendar(),
        today: CalendarDate? = nil
    ) {
        self.indicators = indicators
        self.orgUnits = orgUnits
        self.calendar = calendar
        self.today = today
    }

    /// The standing a value of `period` is stored with when entered as `status`: `final` only once the period
    /// has ended.
    public func standing(_ status: MeasurementStatus, of period: Period) -> (status: MeasurementStatus, held: Bool) {
        guard status == .final, let today, period.end >= today else { return (status, false) }
        return (.provisional, true)
    }

    /// A catalog of the given indicators and org unit codes.
    public init(indicators: [Indicator], orgUnits: some Sequence<String>, calendar: FiscalCalendar = FiscalCalendar()) {
        var byCode: [String: CatalogIndicator] = [:]
        byCode.reserveCapacity(indicators.count)
        for indicator in indicators {
            byCode[indicator.code] = CatalogIndicator(
                frequency: indicator.frequency, levels: indicator.levels, unit: indicator.unit, validRange: indicator.validRange
            )
        }
        self.init(indicators: byCode, orgUnits: Set(orgUnits), calendar: calendar)
    }
}

/// What the reader needs to know about one indicator: how often it is measured and, if qualitative, its levels.
public struct CatalogIndicator: Sendable, Equatable {
    /// How often the indicator is measured; periods must be of this frequency.
    public var frequency: Frequency
    /// For a qualitative indicator, the levels a value may take; nil for a numeric indicator.
    public var levels: [String]?
    /// The indicator's own org unit, when known: a row naming it means the total (SPEC §3.1), so it is the same
    /// value as a row with no org unit, and the two are duplicates.
    public var orgUnit: String?
    /// The range a value must lie in (the indicator's own, else its unit's), nil when any number will do.
    public var validValues: ValidRange?
    /// Whether `validValues` is the indicator's own declaration rather than its unit's default.
    public var declaresRange: Bool
    public var unit: IndicatorUnit

    /// An indicator measured at `frequency`, qualitative when `levels` is given, of `unit`, declaring `validRange`
    /// or taking its unit's.
    public init(
        frequency: Frequency, levels: [String]? = nil, orgUnit: String? = nil, unit: IndicatorUnit = .other(""),
        validRange: ValidRange? = nil
    ) {
        self.frequency = frequency
        self.levels = levels
        self.orgUnit = orgUnit
        self.unit = unit
        validValues = levels == nil ? ValidRange.applying(declared: validRange, unit: unit) : nil
        declaresRange = validRange != nil
    }

    /// Why `value` of the indicator `code` cannot be stored, or nil when it lies in the valid range.
    public func rangeProblem(_ value: Double, code: String) -> String? {
        guard let validValues else { return nil }
        // Every value of an import is checked: the words are made only for a value out of range.
        return validValues.problem(with: value, whose: declaresRange
            ? "of \(code)"
            : "of \(unit.kindName) (if such a value is real, the indicator's definition can declare a wider valid range)")
    }
}
