/// What the measurements CSV reader checks rows against: the indicators and org units that exist, and the fiscal calendar.
public struct MeasurementCatalog: Sendable {
    /// The indicators by code.
    public var indicators: [String: CatalogIndicator]
    /// The org unit codes.
    public var orgUnits: Set<String>
    /// The plan's fiscal calendar, for `FY` periods.
    public var calendar: FiscalCalendar

    /// A catalog of `indicators` (by code) and `orgUnits`.
    public init(indicators: [String: CatalogIndicator], orgUnits: Set<String>, calendar: FiscalCalendar = FiscalCalendar()) {
        self.indicators = indicators
        self.orgUnits = orgUnits
        self.calendar = calendar
    }

    /// A catalog of the given indicators and org unit codes.
    public init(indicators: [Indicator], orgUnits: some Sequence<String>, calendar: FiscalCalendar = FiscalCalendar()) {
        var byCode: [String: CatalogIndicator] = [:]
        byCode.reserveCapacity(indicators.count)
        for indicator in indicators {
            byCode[indicator.code] = CatalogIndicator(frequency: indicator.frequency, levels: indicator.levels)
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

    /// An indicator measured at `frequency`, qualitative when `levels` is given.
    public init(frequency: Frequency, levels: [String]? = nil, orgUnit: String? = nil) {
        self.frequency = frequency
        self.levels = levels
        self.orgUnit = orgUnit
    }
}
