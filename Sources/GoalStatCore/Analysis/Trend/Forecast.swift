/// Where an indicator's robust trend leads by a date, and whether it will likely meet its target (SPEC §4).
public struct Forecast: Sendable, Equatable, Codable {
    /// The day the trend is projected to (usually the target period's end).
    public var date: CalendarDate
    /// The Theil–Sen slope, in the indicator's unit per year of 365.25 days.
    public var slopePerYear: Double
    /// Lower end of the slope's 95% interval, per year.
    public var slopeLowPerYear: Double
    /// Upper end of the slope's 95% interval, per year.
    public var slopeHighPerYear: Double
    /// How many points the trend was fitted to.
    public var points: Int
    /// The trend line's value on `date`.
    public var projected: Double
    /// The lowest value on `date` of the lines the slope interval allows.
    public var low: Double
    /// The highest value on `date` of the lines the slope interval allows.
    public var high: Double
    /// The value the direction must reach: the band's lower end for `increase`, its upper end for `decrease`,
    /// the single value of a one-value target; nil without a target, and for a `neutral` band.
    public var targetValue: Double?
    /// The lower end of the target band when the target is a range, else nil.
    public var targetLow: Double?
    /// The upper end of the target band when the target is a range, else nil.
    public var targetHigh: Double?
    /// Whether the target will likely be met; nil without a target.
    public var likelihood: ForecastLikelihood?
    /// Why, in plain words.
    public var reason: String

    public init(
        date: CalendarDate, slopePerYear: Double, slopeLowPerYear: Double, slopeHighPerYear: Double, points: Int,
        projected: Double, low: Double, high: Double, targetValue: Double?, targetLow: Double?, targetHigh: Double?,
        likelihood: ForecastLikelihood?, reason: String
    ) {
        self.date = date
        self.slopePerYear = slopePerYear
        self.slopeLowPerYear = slopeLowPerYear
        self.slopeHighPerYear = slopeHighPerYear
        self.points = points
        self.projected = projected
        self.low = low
        self.high = high
        self.targetValue = targetValue
        self.targetLow = targetLow
        self.targetHigh = targetHigh
        self.likelihood = likelihood
        self.reason = reason
    }
}

/// How likely a forecast says the target is to be met.
public enum ForecastLikelihood: String, Sendable, Codable, CaseIterable {
    /// Every line the slope interval allows meets the target.
    case likely
    /// None of them does.
    case unlikely
    /// Some do and some do not.
    case uncertain
}
