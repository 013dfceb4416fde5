/// What the data say about one driver → result link (SPEC §2 "Value chain", §4; practices 4 and 10).
public struct LinkEvidence: Sendable, Equatable, Codable {
    /// The driver indicator's code.
    public var driver: String
    /// The result indicator's code.
    public var result: String
    public var expectedSign: LinkSign
    /// The link's lag, in periods of the driver's frequency.
    public var lagPeriods: Int
    /// The frequency the link was tested at: the coarser of the two indicators' (both are aggregated to it).
    public var testedAt: Frequency
    /// The lag at `testedAt`: `lagPeriods` converted to that frequency's periods (the same when the driver is at it).
    public var testedLag: Int
    /// How many (driver change at t, result change at t + lag) pairs were compared.
    public var pairs: Int
    /// Pearson's r of the paired changes; nil when it could not be computed.
    public var pearson: Double?
    /// Spearman's ρ of the paired changes; nil when it could not be computed.
    public var spearman: Double?
    /// Two-sided p-value of Spearman's ρ (t approximation), the test the verdict rests on.
    public var pValue: Double?
    /// Two-sided p-value of Pearson's r (t approximation), for comparison.
    public var pearsonPValue: Double?
    public var verdict: LinkVerdict
    /// Why, in plain words.
    public var reason: String

    public init(
        driver: String, result: String, expectedSign: LinkSign, lagPeriods: Int,
        testedAt: Frequency, testedLag: Int, pairs: Int,
        pearson: Double?, spearman: Double?, pValue: Double?, pearsonPValue: Double?,
        verdict: LinkVerdict, reason: String
    ) {
        self.driver = driver
        self.result = result
        self.expectedSign = expectedSign
        self.lagPeriods = lagPeriods
        self.testedAt = testedAt
        self.testedLag = testedLag
        self.pairs = pairs
        self.pearson = pearson
        self.spearman = spearman
        self.pValue = pValue
        self.pearsonPValue = pearsonPValue
        self.verdict = verdict
        self.reason = reason
    }
}

/// Whether the data bear out a link's expected sign.
public enum LinkVerdict: String, Sendable, Codable, CaseIterable {
    /// The changes correlate with the expected sign, significantly at 5%.
    case supports
    /// They correlate with the opposite sign, significantly at 5%.
    case contradicts
    /// Too few pairs, no variation, or no significant correlation.
    case inconclusive
}
