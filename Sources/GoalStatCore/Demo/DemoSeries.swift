/// How the values of one demo indicator are made. The catalog (`DemoSeries.catalog`) has one entry per
/// indicator of `Resources/demo-framework.yaml`, and its frequency and decimals must match the file (a test checks).
struct DemoSeries: Sendable {
    /// Decides the clamps and rounding: counts are non-negative integers, percents stay within 0–100,
    /// amounts (minutes, days, money, rates, FTE) are non-negative.
    enum Kind: Sendable {
        case count, percent, amount, qualitative
    }

    /// Where the numbers come from.
    enum Source: Sendable {
        /// One series for the indicator's own unit.
        case shape(Shape)
        /// One series per region; the total is their sum or mean, as the indicator's aggregation says.
        case regions(Aggregation, [Region])
        /// A count that is a share of another series' total (online renewals = all renewals × online share).
        case portion(of: String, percent: Shape)
        /// The value of a `formula` indicator, computed from its components' rounded values, per unit.
        case ratio(numerator: String, denominator: String, scale: Double)
        /// A qualitative indicator: its level, month by month, from a hand-written schedule.
        case levels(LevelSchedule)
    }

    /// One region's own series.
    struct Region: Sendable {
        let orgUnit: String
        let shape: Shape
    }

    /// A qualitative indicator's levels as they changed: each entry holds from its month until the next.
    struct LevelSchedule: Sendable {
        let changes: [(from: DemoMonth, level: String)]

        func level(at month: DemoMonth) -> String? {
            changes.last { $0.from <= month }?.level ?? changes.first?.level
        }
    }

    /// Deliberate imperfections: provisional recent values, late or missing data, rounded head counts.
    struct Quirks: Sendable {
        /// The last N periods are `provisional` (still open to revision).
        var provisionalRecent = 0
        /// The last N periods have no row yet: the steward is late.
        var lateRecent = 0
        /// Months with no value; `recorded` ones have a `missing` row, the others no row at all.
        var gaps: [(month: DemoMonth, recorded: Bool)] = []
        /// Shares of values rounded to the nearest ten and the nearest five (estimated head counts).
        var roundToTen = 0.0
        var roundToFive = 0.0
    }

    let code: String
    let frequency: Frequency
    let kind: Kind
    let decimals: Int
    let source: Source
    var quirks = Quirks()

    init(_ code: String, _ frequency: Frequency, _ kind: Kind, decimals: Int = 0, _ source: Source, quirks: Quirks = Quirks()) {
        self.code = code
        self.frequency = frequency
        self.kind = kind
        self.decimals = decimals
        self.source = source
        self.quirks = quirks
    }
}

extension DemoSeries {
    /// Level + trend, times seasonality, plus step changes, plus noise. Levels are stated as of January 2024
    /// (`DemoMonth.anchor`) in the indicator's own period: a quarterly count's level is a quarter's count.
    struct Shape: Sendable {
        var level: Double
        var trend = 0.0
        var season = Season.flat
        var seasonality = 0.0
        var noise = 0.0
        /// Extra noise in proportion to the value, for counts whose size swings with the season.
        var relativeNoise = 0.0
        var changes: [Change] = []
        var floor: Double?
        var ceiling: Double?

        /// The value without noise in one month, and the noise in force then.
        func expected(at month: DemoMonth) -> (value: Double, noise: Double) {
            var value = level + trend * month.yearsSinceAnchor
            let sd = noise
            for change in changes where change.at <= month {
                let elapsed = month.index - change.at.index
                switch change.effect {
                case .step(let delta, let ramp):
                    value += delta * Swift.min(1, Double(elapsed + 1) / Double(Swift.max(ramp, 1)))
                case .slope(let perYear):
                    value += perYear * Double(elapsed) / 12
                case .regime(let newLevel, let newNoise):
                    return (newLevel, newNoise)
                }
            }
            let seasonal = value * (1 + seasonality * season.deviation(month: month.month))
            return (seasonal, sd + relativeNoise * Swift.abs(seasonal))
        }
    }

    /// A change at a fixed calendar month: a genuine shift, a new trend, or a new regime (planted cases).
    struct Change: Sendable {
        enum Effect: Sendable {
            /// Adds `delta`, reached in `ramp` months.
            case step(delta: Double, ramp: Int)
            /// Adds a further trend from this month on.
            case slope(perYear: Double)
            /// From this month on the series sits at `level` with its own noise, ignoring trend and season.
            case regime(level: Double, noise: Double)
        }

        let at: DemoMonth
        let effect: Effect

        static func step(_ year: Int, _ month: Int, by delta: Double, ramp: Int = 1) -> Change {
            Change(at: DemoMonth(year, month), effect: .step(delta: delta, ramp: ramp))
        }

        static func slope(_ year: Int, _ month: Int, perYear: Double) -> Change {
            Change(at: DemoMonth(year, month), effect: .slope(perYear: perYear))
        }

        static func regime(_ year: Int, _ month: Int, level: Double, noise: Double) -> Change {
            Change(at: DemoMonth(year, month), effect: .regime(level: level, noise: noise))
        }
    }

    /// Monthly seasonal deviations (January first), scaled by a shape's `seasonality`.
    enum Season: Sendable {
        /// Flat all year.
        case flat
        /// Office and phone traffic: summer peak, December trough.
        case summer
        /// Staff hours: dips in the summer vacation months and the December holidays.
        case holidays
        /// School presentations: almost none in July and August, fewer in June and December.
        case schoolYear
        /// Crash rates: higher in the winter months.
        case winter
        /// Traffic deaths: the summer driving season.
        case driving
        /// Spending: the rush at the end of the fiscal year in September.
        case fiscalYearEnd

        func deviation(month: Int) -> Double {
            let table: [Double] = switch self {
            case .flat: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            case .summer: [-0.5, -0.4, 0.0, 0.1, 0.4, 0.8, 1.0, 0.8, 0.1, -0.2, -0.6, -1.0]
            case .holidays: [0.3, 0.2, 0.3, 0.2, 0.1, -0.1, -0.5, -0.5, 0.2, 0.3, 0.0, -0.8]
            case .schoolYear: [0.0, 0.0, 0.05, 0.0, -0.1, -0.6, -0.95, -0.9, -0.05, 0.05, 0.0, -0.45]
            case .winter: [0.7, 0.5, 0.0, -0.3, -0.3, -0.2, 0.0, 0.0, -0.2, 0.0, 0.3, 0.6]
            case .driving: [-0.6, -0.7, -0.3, 0.0, 0.3, 0.6, 0.8, 0.7, 0.4, 0.1, -0.4, -0.6]
            case .fiscalYearEnd: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
            }
            return table[month - 1]
        }
    }
}
