extension Forecast {
    /// Days in a year, for reporting a per-day slope per year.
    static let daysPerYear = 365.25

    /// Projects the Theil–Sen trend of `series` to `date` and judges it against `target`; nil with fewer than
    /// 3 finite points, or when every point falls on the same day.
    ///
    /// x is the day number (days since 1970-01-01) of each period's midpoint, not the period's index: months have
    /// 28 to 31 days, a series may have gaps that an index would silently close, and the target is a calendar date,
    /// so day numbers put every point and the target on one honest time axis whatever the frequency.
    ///
    /// `low`/`high` are the values on `date` of the lines through the fitted value at the median x with the ends of
    /// the slope's 95% interval. Pivoting at the middle of the data, where the level is best known, makes the
    /// interval widen the further `date` lies from the data; using the fitted value there (rather than the median
    /// of y) keeps `projected` inside it. The interval shows how uncertain the *trend* is, not the scatter of one
    /// future period's value around it.
    public static func project(
        series: [(Period, Double)], to date: CalendarDate, target: TargetVersion?, direction: ImprovementDirection
    ) -> Forecast? {
        let points = series.filter { $0.1.isFinite }
        let x = points.map { Double($0.0.start.daysSinceEpoch + $0.0.end.daysSinceEpoch) / 2 }
        let y = points.map(\.1)
        guard let fit = TheilSen.fit(x: x, y: y), let pivotX = RobustStatistics.median(x) else { return nil }
        let at = Double(date.daysSinceEpoch)
        let projected = fit.value(at: at)
        let pivotY = fit.value(at: pivotX)
        let ends = [pivotY + fit.slopeLow * (at - pivotX), pivotY + fit.slopeHigh * (at - pivotX)]
        let low = min(ends[0], ends[1], projected)
        let high = max(ends[0], ends[1], projected)
        let band = target?.band
        let judgement = band.map { judge(low: low, high: high, band: $0, direction: direction) }
        let trend = trendText(fit: fit, date: date, projected: projected, low: low, high: high)
        return Forecast(
            date: date,
            slopePerYear: fit.slope * daysPerYear,
            slopeLowPerYear: fit.slopeLow * daysPerYear,
            slopeHighPerYear: fit.slopeHigh * daysPerYear,
            points: fit.points,
            projected: projected, low: low, high: high,
            targetValue: band.flatMap { threshold(of: $0, direction: direction) },
            targetLow: band.flatMap { $0.lowerBound < $0.upperBound ? $0.lowerBound : nil },
            targetHigh: band.flatMap { $0.lowerBound < $0.upperBound ? $0.upperBound : nil },
            likelihood: judgement?.likelihood,
            reason: "\(trend) " + (judgement?.because ?? "No target is set, so there is nothing to meet.")
        )
    }

    /// The value the direction must reach, or nil for a neutral band.
    static func threshold(of band: ClosedRange<Double>, direction: ImprovementDirection) -> Double? {
        if band.lowerBound == band.upperBound { return band.lowerBound }
        switch direction {
        case .increase: return band.lowerBound
        case .decrease: return band.upperBound
        case .neutral: return nil
        }
    }

    /// Likely when the whole interval meets the target, unlikely when none of it does.
    static func judge(
        low: Double, high: Double, band: ClosedRange<Double>, direction: ImprovementDirection
    ) -> (likelihood: ForecastLikelihood, because: String) {
        let text = targetText(band, direction: direction)
        let allMeet: Bool
        let noneMeet: Bool
        switch direction {
        case .increase:
            allMeet = low >= band.lowerBound
            noneMeet = high < band.lowerBound
        case .decrease:
            allMeet = high <= band.upperBound
            noneMeet = low > band.upperBound
        case .neutral:
            allMeet = band.lowerBound <= low && high <= band.upperBound
            noneMeet = high < band.lowerBound || low > band.upperBound
        }
        if allMeet {
            return (.likely, "Even the least favourable trend the data allow meets the target of \(text):"
                + " likely to be met.")
        }
        if noneMeet {
            return (.unlikely, "Even the most favourable trend the data allow misses the target of \(text):"
                + " unlikely to be met.")
        }
        return (.uncertain, "The target of \(text) lies within that range:"
            + " the data cannot yet say whether it will be met.")
    }

    static func targetText(_ band: ClosedRange<Double>, direction: ImprovementDirection) -> String {
        let lower = ReadableNumber.text(band.lowerBound, significant: 4)
        let upper = ReadableNumber.text(band.upperBound, significant: 4)
        if band.lowerBound == band.upperBound {
            switch direction {
            case .increase: return "\(lower) or more"
            case .decrease: return "\(lower) or less"
            case .neutral: return lower
            }
        }
        switch direction {
        case .increase: return "\(lower) or more (band \(lower)–\(upper))"
        case .decrease: return "\(upper) or less (band \(lower)–\(upper))"
        case .neutral: return "\(lower)–\(upper)"
        }
    }

    static func trendText(
        fit: TheilSenFit, date: CalendarDate, projected: Double, low: Double, high: Double
    ) -> String {
        let slope = ReadableNumber.signed(fit.slope * daysPerYear)
        let slopeLow = ReadableNumber.signed(fit.slopeLow * daysPerYear)
        let slopeHigh = ReadableNumber.signed(fit.slopeHigh * daysPerYear)
        let value = ReadableNumber.text(projected, significant: 4)
        let range = "\(ReadableNumber.text(low, significant: 4)) to \(ReadableNumber.text(high, significant: 4))"
        return "The robust trend over \(fit.points) points is \(slope) a year"
            + " (95% interval \(slopeLow) to \(slopeHigh)),"
            + " which projects \(value) on \(date) (range \(range))."
    }
}
