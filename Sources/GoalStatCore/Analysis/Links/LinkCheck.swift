/// Tests a driver → result link against the data: do changes in the driver go with changes in the result,
/// `lagPeriods` later, with the expected sign? (seed 002, practice 4: make the mental model explicit and test it)
public enum LinkCheck {
    /// Fewer pairs of changes than this and the check does not judge.
    public static let minimumPairs = 12
    /// The two-sided significance level of the verdict.
    public static let significanceLevel = 0.05

    /// Pairs the driver's change at period t with the result's change at t + `link.lagPeriods` and correlates them.
    ///
    /// Periods are placed on one sequence that steps with `Period.next()` from the earliest period of either series,
    /// so a missing period is a gap rather than a shift. Each series is first differenced (vₜ − vₜ₋₁, only where
    /// both periods have a value) so that two indicators that merely both trend over time do not look linked.
    /// The verdict rests on Spearman's ρ, which one odd period cannot make or break, with the t approximation
    /// t = ρ√((n − 2)/(1 − ρ²)) on n − 2 degrees of freedom; Pearson's r is reported beside it.
    public static func evaluate(
        link: IndicatorLink, driver: [(Period, Double)], result: [(Period, Double)]
    ) -> LinkEvidence {
        var evidence = LinkEvidence(
            driver: link.driver, result: link.result, expectedSign: link.expectedSign, lagPeriods: link.lagPeriods,
            pairs: 0, pearson: nil, spearman: nil, pValue: nil, pearsonPValue: nil, verdict: .inconclusive, reason: ""
        )
        let driver = driver.filter { $0.1.isFinite }
        let result = result.filter { $0.1.isFinite }
        let granularities = Set((driver + result).map(\.0.granularity))
        guard granularities.count <= 1 else {
            evidence.reason = "The driver and the result are measured at different frequencies,"
                + " so their periods cannot be paired."
            return evidence
        }
        let index = PeriodSequence(driver.map(\.0) + result.map(\.0))
        let driverChanges = index.changes(driver)
        let resultChanges = index.changes(result)
        let pairs = driverChanges.sorted { $0.key < $1.key }.compactMap { t, change in
            resultChanges[t + link.lagPeriods].map { (change, $0) }
        }
        evidence.pairs = pairs.count
        let lagText = lagDescription(link.lagPeriods)
        guard pairs.count >= minimumPairs else {
            evidence.reason = "Only \(pairs.count) pairs of period-to-period changes (\(lagText)) are available;"
                + " at least \(minimumPairs) are needed to judge the link."
            return evidence
        }
        let x = pairs.map(\.0)
        let y = pairs.map(\.1)
        guard let r = Correlation.pearson(x, y),
              let rho = Correlation.pearson(RobustStatistics.averageRanks(x), RobustStatistics.averageRanks(y)) else {
            let still = Set(x).count == 1 ? "driver" : "result"
            evidence.reason = "The \(still) changed by the same amount every period, so no correlation can be measured."
            return evidence
        }
        let p = Correlation.pValue(rho, pairs: pairs.count)
        evidence.pearson = r
        evidence.spearman = rho
        evidence.pValue = p
        evidence.pearsonPValue = Correlation.pValue(r, pairs: pairs.count)
        evidence.verdict = verdict(rho: rho, p: p, expected: link.expectedSign)
        evidence.reason = reason(evidence, lagText: lagText)
        return evidence
    }

    static func verdict(rho: Double, p: Double, expected: LinkSign) -> LinkVerdict {
        guard p < significanceLevel, rho != 0 else { return .inconclusive }
        let observed: LinkSign = rho > 0 ? .positive : .negative
        return observed == expected ? .supports : .contradicts
    }

    static func lagDescription(_ lag: Int) -> String {
        switch lag {
        case 0: "driver and result in the same period"
        case 1: "result 1 period after the driver"
        case let n where n > 1: "result \(n) periods after the driver"
        case -1: "result 1 period before the driver"
        default: "result \(-lag) periods before the driver"
        }
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
