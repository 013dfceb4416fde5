/// A strategic plan: the period it covers, mission, vision, values and scorecard perspectives.
public struct Plan: Codable, Sendable, Equatable {
    public static let defaultPerspectives = ["Public/Customer", "Stewardship/Financial", "Internal Process", "People/Learning & Growth"]

    public var code: String
    public var name: String
    public var orgUnit: String?
    public var period: PeriodSpan?
    public var fiscalYearStartMonth: Int
    public var reportsInFiscalYears: Bool
    public var mission: String?
    public var vision: String?
    public var values: [PlanValue]
    public var perspectives: [String]

    public init(
        code: String, name: String, orgUnit: String? = nil, period: PeriodSpan? = nil,
        fiscalYearStartMonth: Int = 10, reportsInFiscalYears: Bool = false,
        mission: String? = nil, vision: String? = nil, values: [PlanValue] = [],
        perspectives: [String] = Plan.defaultPerspectives
    ) {
        self.code = code
        self.name = name
        self.orgUnit = orgUnit
        self.period = period
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.reportsInFiscalYears = reportsInFiscalYears
        self.mission = mission
        self.vision = vision
        self.values = values
        self.perspectives = perspectives
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        orgUnit = try c.decodeIfPresent(String.self, forKey: .orgUnit)
        period = try c.decodeIfPresent(PeriodSpan.self, forKey: .period)
        fiscalYearStartMonth = try c.decodeIfPresent(Int.self, forKey: .fiscalYearStartMonth) ?? 10
        reportsInFiscalYears = try c.decodeIfPresent(Bool.self, forKey: .reportsInFiscalYears) ?? false
        mission = try c.decodeIfPresent(String.self, forKey: .mission)
        vision = try c.decodeIfPresent(String.self, forKey: .vision)
        values = try c.decodeIfPresent([PlanValue].self, forKey: .values) ?? []
        perspectives = try c.decodeIfPresent([String].self, forKey: .perspectives) ?? Plan.defaultPerspectives
    }
}

/// One stated value of a plan.
public struct PlanValue: Codable, Sendable, Equatable {
    public var name: String
    public var kind: ValueKind
    public var description: String?

    public init(name: String, kind: ValueKind, description: String? = nil) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// A from–to pair of periods as written in a framework file (`{ from: FY2026, to: FY2029 }`).
public struct PeriodSpan: Codable, Sendable, Equatable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
