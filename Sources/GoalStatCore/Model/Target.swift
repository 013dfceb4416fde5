/// One version of a target for an indicator over a period. Revisions never overwrite: each is a new version with its reason.
public struct Target: Codable, Sendable, Equatable {
    public var indicator: String
    public var orgUnit: String?
    /// The period the target covers, in a SPEC §3.1 form (`FY2026`, `2026-Q3`).
    public var period: String
    public var value: Double?
    public var range: TargetRange?
    public var rationale: String?
    /// The date this version was set (ISO date); with indicator, org unit and period it is the version's key.
    public var setOn: String
    public var setBy: String?
    public var benchmark: Benchmark?
    /// The date the decision was taken, when it was before the version was recorded (a board meeting, say): shown,
    /// never used for "as known on", which reads `setOn` (issue 10).
    public var decidedOn: String?

    public init(
        indicator: String, orgUnit: String? = nil, period: String, value: Double? = nil, range: TargetRange? = nil,
        rationale: String? = nil, setOn: String, setBy: String? = nil, benchmark: Benchmark? = nil, decidedOn: String? = nil
    ) {
        self.indicator = indicator
        self.orgUnit = orgUnit
        self.period = period
        self.value = value
        self.range = range
        self.rationale = rationale
        self.setOn = setOn
        self.setBy = setBy
        self.benchmark = benchmark
        self.decidedOn = decidedOn
    }
}

/// A target given as an acceptable band rather than one value.
public struct TargetRange: Codable, Sendable, Equatable {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }
}

/// A comparison that puts a target in context (seed 002, practice 3: insist on relevant comparisons).
public struct Benchmark: Codable, Sendable, Equatable {
    public var kind: BenchmarkKind
    public var value: Double
    public var source: String?

    public init(kind: BenchmarkKind, value: Double, source: String? = nil) {
        self.kind = kind
        self.value = value
        self.source = source
    }
}
