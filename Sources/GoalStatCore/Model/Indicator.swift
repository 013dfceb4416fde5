/// A key performance indicator: its definition, how it is measured, and where it sits on the value chain.
public struct Indicator: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var definition: String?
    public var methodology: String?
    public var source: String?
    public var unit: IndicatorUnit
    /// For `rate`: the rate is per this many (per 1,000 residents, say).
    public var per: Int?
    public var decimals: Int
    public var direction: ImprovementDirection
    public var frequency: Frequency
    public var aggregation: Aggregation
    public var stage: ValueChainStage
    public var orgUnit: String
    public var steward: String?
    public var rank: IndicatorRank
    /// A constraint measure watched so that a target is not met by undermining the mission (seed 002, practice 9).
    public var guardrail: Bool
    public var `public`: Bool
    /// A formula over other indicators, codes in square brackets: `[A] / [B] * 100`.
    public var formula: String?
    /// For a qualitative indicator: its ordered levels, worst first. Values are then one of these, not numbers.
    public var levels: [String]?
    public var goals: [String]
    public var dataQuality: DataQuality?
    /// The values this indicator can plausibly take, when it says so; see `validValues` for the range that applies.
    public var validRange: ValidRange?

    public init(
        code: String, name: String, definition: String? = nil, methodology: String? = nil, source: String? = nil,
        unit: IndicatorUnit = .count, per: Int? = nil, decimals: Int = 0, direction: ImprovementDirection,
        frequency: Frequency, aggregation: Aggregation = .sum, stage: ValueChainStage, orgUnit: String,
        steward: String? = nil, rank: IndicatorRank = .supporting, guardrail: Bool = false, public: Bool = false,
        formula: String? = nil, levels: [String]? = nil, goals: [String] = [], dataQuality: DataQuality? = nil,
        validRange: ValidRange? = nil
    ) {
        self.code = code
        self.name = name
        self.definition = definition
        self.methodology = methodology
        self.source = source
        self.unit = unit
        self.per = per
        self.decimals = decimals
        self.direction = direction
        self.frequency = frequency
        self.aggregation = aggregation
        self.stage = stage
        self.orgUnit = orgUnit
        self.steward = steward
        self.rank = rank
        self.guardrail = guardrail
        self.public = `public`
        self.formula = formula
        self.levels = levels
        self.goals = goals
        self.dataQuality = dataQuality
        self.validRange = validRange
    }

    public var isQualitative: Bool { levels != nil }

    /// The range a value must lie in: the indicator's own, else its unit's (a percentage 0–100, a count at least
    /// 0); nil when any finite number will do.
    public var validValues: ValidRange? { ValidRange.applying(declared: validRange, unit: unit) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        definition = try c.decodeIfPresent(String.self, forKey: .definition)
        methodology = try c.decodeIfPresent(String.self, forKey: .methodology)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        unit = try c.decodeIfPresent(IndicatorUnit.self, forKey: .unit) ?? .count
        per = try c.decodeIfPresent(Int.self, forKey: .per)
        decimals = try c.decodeIfPresent(Int.self, forKey: .decimals) ?? 0
        direction = try c.decode(ImprovementDirection.self, forKey: .direction)
        frequency = try c.decode(Frequency.self, forKey: .frequency)
        aggregation = try c.decodeIfPresent(Aggregation.self, forKey: .aggregation) ?? .sum
        stage = try c.decode(ValueChainStage.self, forKey: .stage)
        orgUnit = try c.decode(String.self, forKey: .orgUnit)
        steward = try c.decodeIfPresent(String.self, forKey: .steward)
        rank = try c.decodeIfPresent(IndicatorRank.self, forKey: .rank) ?? .supporting
        guardrail = try c.decodeIfPresent(Bool.self, forKey: .guardrail) ?? false
        `public` = try c.decodeIfPresent(Bool.self, forKey: .public) ?? false
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        levels = try c.decodeIfPresent([String].self, forKey: .levels)
        goals = try c.decodeIfPresent([String].self, forKey: .goals) ?? []
        dataQuality = try c.decodeIfPresent(DataQuality.self, forKey: .dataQuality)
        validRange = try c.decodeIfPresent(ValidRange.self, forKey: .validRange)
    }
}
