/// Every threshold the integrity checks use, with the defaults docs/analysis.md explains.
///
/// Noise is measured as XmR does it: sigma = mean moving range / 1.128, after dropping moving ranges at or
/// above 3.267 × their mean, so one genuine step does not inflate it.
public struct IntegrityThresholds: Sendable, Equatable {
    // MARK: Guardrail worsens while its target indicator improves

    /// Periods in each of the two windows compared (the latest ones, and as many a whole number of years earlier).
    public var guardrailWindow = 6
    /// Both changes must exceed this many sigmas of their own series.
    public var guardrailSigmas = 2.0

    // MARK: Values bunched just past the target

    /// The latest periods examined for bunching; the periods before them are the baseline.
    public var bunchingWindow = 12
    /// The fewest baseline values that give a usable sigma.
    public var bunchingMinimumBaseline = 8
    /// The width of the band just past the target, in baseline sigmas.
    public var bunchingBandSigmas = 0.5
    /// The share of the window's values in that band that raises the question.
    public var bunchingShare = 0.75
    /// The window's sigma must be at most this share of the baseline sigma.
    public var bunchingVariationRatio = 0.5

    // MARK: Step change right after a target was set

    /// Periods averaged on each side of a candidate step.
    public var stepWindow = 6
    /// The fewest values after the step (for a target set recently).
    public var stepMinimumAfter = 3
    /// A step must start in one of this many periods, counting from the first that starts after the target's `setOn`.
    public var stepPeriodsAfterSetting = 2
    /// The step must exceed this many sigmas as it is, less the series' usual shifts, and less the same shift in earlier years.
    public var stepSigmas = 4.0

    // MARK: Revisions after the reporting deadline

    /// Days after a period ends when its figures close; a correction entered later is questioned.
    public var revisionDeadlineDays = 45

    // MARK: Missing or late data

    /// Days after a period ends when its value is due; a period still unreported after that is late.
    public var dataDueDays = 15

    // MARK: Digit preference and Benford's law on counts

    /// The fewest values (of at least `digitMinimumValue`) a terminal-digit test needs.
    public var digitMinimumCount = 24
    /// Smaller values are left out: their last digit is mostly their only digit.
    public var digitMinimumValue = 10.0
    /// A series whose noise is smaller than this many units cannot have uniform last digits, so it is skipped.
    public var digitMinimumSigma = 5.0
    /// The share of values ending in 0 or 5 (one in five by chance) that can raise the question.
    public var digitRoundShare = 0.4
    /// The fewest values for the chi-square test over all ten last digits (five expected per digit).
    public var digitChiSquareMinimumCount = 50
    /// The probability under honest counting below which a digit test raises the question.
    public var digitSignificance = 1e-4
    /// The fewest values for the first-digit (Benford) test.
    public var benfordMinimumCount = 100
    /// The largest value must be at least this many times the smallest for Benford's law to apply.
    public var benfordMinimumSpan = 100.0
    /// Nigrini's mean absolute deviation above which first digits do not conform to Benford's law.
    public var benfordMeanAbsoluteDeviation = 0.015

    // MARK: Total differs from the sum of its units

    /// The share of the larger of total and sum by which they may differ (0.5%); the tolerance is never less than one
    /// step of the indicator's decimals (1 for a whole count, 0.1 for one decimal), so rounding is never questioned.
    public var unitsSumRelativeTolerance = 0.005

    public init() {}
}
