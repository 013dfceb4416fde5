/// One integrity question for the review briefing: which check raised it, on what series and periods, the
/// evidence in numbers, and a question that names the evidence without accusing anyone.
public struct IntegrityFlag: Sendable, Equatable {
    public var check: IntegrityCheck
    public var indicator: String
    /// The org unit of a disaggregated series; nil for the indicator's own unit (the total).
    public var orgUnit: String?
    /// The other indicator the evidence involves (the target indicator a guardrail protects), if any.
    public var relatedIndicator: String?
    /// The first period the evidence covers.
    public var from: Period
    /// The last period the evidence covers.
    public var to: Period
    /// The numbers behind the flag, by stable camelCase names (see docs/analysis.md, "Integrity checks").
    public var evidence: [String: Double]
    /// The question for the review, in plain words, naming the evidence.
    public var question: String

    public init(
        check: IntegrityCheck, indicator: String, orgUnit: String? = nil, relatedIndicator: String? = nil,
        from: Period, to: Period, evidence: [String: Double], question: String
    ) {
        self.check = check
        self.indicator = indicator
        self.orgUnit = orgUnit
        self.relatedIndicator = relatedIndicator
        self.from = from
        self.to = to
        self.evidence = evidence
        self.question = question
    }
}
