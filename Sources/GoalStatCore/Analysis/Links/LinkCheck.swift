/// Tests a driver → result link against the data: do changes in the driver go with changes in the result,
/// `lagPeriods` later, with the expected sign? (seed 002, practice 4: make the mental model explicit and test it)
public enum LinkCheck {
    /// Fewer pairs of changes than this and the check does not judge.
    public static let minimumPairs = 12
    /// The two-sided significance level of the verdict.
    public static let significanceLevel = 0.05

    /// Pairs the driver's change at period t with the result's change at t + the lag and correlates them.
    ///
    /// Two indicators of different frequencies are first both brought to the coarser one (`LinkAggregation`: each by
    /// its own aggregation rule, complete periods only), and the lag — counted in the driver's periods — is
    /// converted to that frequency (`LinkAggregation.convert`); the evidence says which frequency and lag were tested.
    /// Periods are placed on one sequence that steps with `Period.next()` from the earliest period of either series,
    /// so a missing period is a gap rather than a shift. Each series is first differenced (vₜ − vₜ₋₁, only where
    /// both periods have a value) so that two indicators that merely both trend over time do not look linked.
    /// The verdict rests on Spearman's ρ, which one odd period cannot make or break, with the t approximation
    /// t = ρ√((n − 2)/(1 − ρ²)) on n − 2 degrees of freedom; Pearson's r is reported beside it.
    public static func evaluate(link: IndicatorLink, driver: LinkSeries, result: LinkSeries) -> LinkEvidence {
        let common = LinkAggregation.isCoarser(result.frequency, than: driver.frequency) ? result.frequency : driver.frequency
        let lag = LinkAggregation.convert(lag: link.lagPeriods, from: driver.frequency, to: common)
        var evidence = LinkEvidence(
            driver: link.driver, result: link.result, expectedSign: link.expectedSign, lagPeriods: link.lagPeriods,
            testedAt: common, testedLag: lag,
            pairs: 0, pearson: nil, spearman: nil, pValue: nil, pearsonPValue: nil, verdict: .inconclusive, reason: ""
        )
        var driverValues = driver.values.filter { $0.1.isFinite }
        var resultValues = result.values.filter { $0.1.isFinite }
        var preface = ""
        if driver.frequency != result.frequency {
            let (fine, coarse) = common == result.frequency ? (driver, resultValues) : (result, driverValues)
            guard let anchor = coarse.map(\.0).min() else {
                evidence.reason = "The \(common == result.frequency ? "result" : "driver") has no values yet."
                return evidence
            }
            let aggregated = LinkAggregation.aggregate(fine, onto: LinkAggregation.grid(covering: fine.values, anchor: anchor))
            if common == result.frequency { driverValues = aggregated } else { resultValues = aggregated }
            let lagWords = link.lagPeriods == lag ? "" : "; the lag of \(count(link.lagPeriods, driver.frequency.periodNoun))"
                + " is \(lag == 0 ? "the same \(common.periodNoun)" : "about \(count(lag, common.periodNoun))")"
            preface = "Tested per \(common.periodNoun): \(LinkAggregation.describe(fine, to: common)),"
                + " complete \(common.periodNoun)s only\(lagWords). "
        }
        evidence.reason = preface
        let index = PeriodSequence(driverValues.map(\.0) + resultValues.map(\.0))
        let driverChanges = index.changes(driverValues)
        let resultChanges = index.changes(resultValues)
        let pairs = driverChanges.sorted { $0.key < $1.key }.compactMap { t, change in
            resultChanges[t + lag].map { (change, $0) }
        }
        evidence.pairs = pairs.count
        let lagText = lagDescription(lag, period: common.periodNoun)
        guard pairs.count >= minimumPairs else {
            evidence.reason += "Only \(pairs.count) pairs of period-to-period changes (\(lagText)) are available;"
                + " at least \(minimumPairs) are needed to judge the link."
            return evidence
        }
        let x = pairs.map(\.0)
        let y = pairs.map(\.1)
        guard let r = Correlation.pearson(x, y),
              let rho = Correlation.pearson(RobustStatistics.averageRanks(x), RobustStatistics.averageRanks(y)) else {
            let still = Set(x).count == 1 ? "driver" : "result"
            evidence.reason += "The \(still) changed by the same amount every period, so no correlation can be measured."
            return evidence
        }
        let p = Correlation.pValue(rho, pairs: pairs.count)
        evidence.pearson = r
        evidence.spearman = rho
        evidence.pValue = p
        evidence.pearsonPValue = Correlation.pValue(r, pairs: pairs.count)
        evidence.verdict = verdict(rho: rho, p: p, expected: link.expectedSign)
        evidence.reason += reason(evidence, lagText: lagText)
        return evidence
    }

    static func verdict(rho: Double, p: Double, expected: LinkSign) -> LinkVerdict {
        guard p < significanceLevel, rho != 0 else { return .inconclusive }
        let observed: LinkSign = rho > 0 ? .positive : .negative
        return observed == expected ? .supports : .contradicts
    }

    /// Both series at one frequency, that of their periods (a series at another frequency is averaged onto it):
    /// the form for series that carry no aggregation rule. Pages and the API pass each indicator's `LinkSeries`.
    public static func evaluate(
        link: IndicatorLink, driver: [(Period, Double)], result: [(Period, Double)]
    ) -> LinkEvidence {
        func series(_ values: [(Period, Double)]) -> LinkSeries {
            LinkSeries(frequency: values.first.flatMap { Frequency($0.0.granularity) } ?? .monthly, aggregation: .mean, values: values)
        }
        return evaluate(link: link, driver: series(driver), result: series(result))
    }

    static func lagDescription(_ lag: Int, period: String = "period") -> String {
        switch lag {
        case 0: "driver and result in the same \(period)"
        case 1, -1: "result 1 \(period) \(lag > 0 ? "after" : "before") the driver"
        default: "result \(abs(lag)) \(period)s \(lag > 0 ? "after" : "before") the driver"
        }
    }

    /// `1 month`, `4 months`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(abs(n) == 1 ? "" : "s")"
    }

    static func reason(_ e: LinkEvidence, lagText: String) -> String {
        let rho = ReadableNumber.fixed(e.spearman ?? 0, decimals: 2)
        let r = ReadableNumber.fixed(e.pearson ?? 0, decimals: 2)
        let p = (e.pValue ?? 1) < 0.001 ? "p < 0.001" : "p = \(ReadableNumber.fixed(e.pValue ?? 1, decimals: 3))"
        let facts = "Over \(e.pairs) pairs of period-to-period changes (\(lagText)), Spearman ρ = \(rho) (\(p)),"
            + " Pearson r = \(r)."
        let expected = e.expectedSign.rawValue
        switch e.verdict {
        case .supports:
            return "\(facts) The changes move as the expected \(expected) link says: the data support it."
        case .contradicts:
            return "\(facts) The changes move against the expected \(expected) link: the data contradict it,"
                + " so the mental model deserves a second look."
        case .inconclusive:
            return "\(facts) No relation is clear at the 5% level: the data neither support nor contradict"
                + " the expected \(expected) link."
        }
    }
}
