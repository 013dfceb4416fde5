import FluentKit
import GoalStatCore

/// Point reads of the framework: a page or an API call reads the records it shows by key, never the whole
/// framework (issue 9). Each reads by an indexed column; lists of a few hundred rows (goals, org units) are read whole.
extension FrameworkStore {
    /// The indicators with these codes (every indicator when nil), in framework order, with their goals.
    public static func indicators(_ codes: [String]? = nil, on db: any Database) async throws -> [Indicator] {
        var models: [IndicatorModel] = []
        var links: [IndicatorGoalModel] = []
        if let codes {
            for chunk in codes.chunked(500) {
                models += try await IndicatorModel.query(on: db).filter(\.$code ~~ chunk).all()
                links += try await IndicatorGoalModel.query(on: db).filter(\.$indicatorCode ~~ chunk).all()
            }
        } else {
            models = try await IndicatorModel.query(on: db).all()
            links = try await IndicatorGoalModel.query(on: db).all()
        }
        let goals = Dictionary(grouping: links.sorted { $0.position < $1.position }, by: \.indicatorCode).mapValues { $0.map(\.goalCode) }
        return models.sorted { ($0.position, $0.code) < ($1.position, $1.code) }.map { $0.domain(goals: goals[$0.code] ?? []) }
    }

    public static func indicator(_ code: String, on db: any Database) async throws -> Indicator? {
        try await indicators([code], on: db).first
    }

    /// The codes of the indicators of these goals, each goal's in link order.
    public static func indicatorCodes(ofGoals goals: [String], on db: any Database) async throws -> [String: [String]] {
        var links: [IndicatorGoalModel] = []
        for chunk in goals.chunked(500) {
            links += try await IndicatorGoalModel.query(on: db).filter(\.$goalCode ~~ chunk).all()
        }
        return Dictionary(grouping: links.sorted { $0.position < $1.position }, by: \.goalCode).mapValues { $0.map(\.indicatorCode) }
    }

    /// Every goal in framework order: the list the dashboard shows (a plan has tens to a few hundred).
    public static func goals(on db: any Database) async throws -> [Goal] {
        try await GoalModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain)
    }

    public static func goal(_ code: String, on db: any Database) async throws -> Goal? {
        try await GoalModel.query(on: db).filter(\.$code == code).first()?.domain
    }

    /// The goals directly below `parent`.
    public static func goals(below parent: String, on db: any Database) async throws -> [Goal] {
        try await GoalModel.query(on: db).filter(\.$parentCode == parent).sort(\.$position).sort(\.$code).all().map(\.domain)
    }

    public static func orgUnits(on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnitModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain)
    }

    public static func people(_ emails: [String], on db: any Database) async throws -> [Person] {
        var people: [Person] = []
        for chunk in Array(Set(emails)).chunked(500) {
            people += try await PersonModel.query(on: db).filter(\.$email ~~ chunk).all().map(\.domain)
        }
        return people
    }

    /// Every version of the targets of these indicators, in the export's order.
    public static func targets(of indicators: [String], on db: any Database) async throws -> [Target] {
        let reporting = try await reporting(on: db)
        var models: [TargetModel] = []
        for chunk in indicators.chunked(500) {
            models += try await TargetModel.query(on: db).filter(\.$indicatorCode ~~ chunk).all()
        }
        return models
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart, $0.periodEnd, $0.setOn) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart, $1.periodEnd, $1.setOn) }
            .map { $0.domain(calendar: reporting.calendar, fiscal: reporting.fiscal) }
    }

    public static func rebases(of indicators: [String], on db: any Database) async throws -> [Rebase] {
        let reporting = try await reporting(on: db)
        var models: [RebaseModel] = []
        for chunk in indicators.chunked(500) {
            models += try await RebaseModel.query(on: db).filter(\.$indicatorCode ~~ chunk).all()
        }
        return models
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart) }
            .map { $0.domain(reporting: reporting) }
    }

    public static func milestones(ofGoals goals: [String]? = nil, on db: any Database) async throws -> [Milestone] {
        let query = MilestoneModel.query(on: db)
        if let goals { query.filter(\.$goalCode ~~ goals) }
        return try await query.sort(\.$position).sort(\.$code).all().map(\.domain)
    }

    public static func narratives(ofGoal goal: String, on db: any Database) async throws -> [Narrative] {
        let reporting = try await reporting(on: db)
        return try await NarrativeModel.query(on: db).filter(\.$goalCode == goal).all()
            .sorted { $0.periodStart < $1.periodStart }
            .map { $0.domain(calendar: reporting.calendar, fiscal: reporting.fiscal) }
    }

    /// The links with a driver or a result among these indicators.
    public static func links(involving indicators: [String], on db: any Database) async throws -> [IndicatorLink] {
        var models: [IndicatorLinkModel] = []
        var seen = Set<UUID>()
        for chunk in indicators.chunked(500) {
            for model in try await IndicatorLinkModel.query(on: db).group(.or, { group in
                group.filter(\.$driverCode ~~ chunk).filter(\.$resultCode ~~ chunk)
            }).all() where seen.insert(model.id ?? UUID()).inserted {
                models.append(model)
            }
        }
        return models.sorted { $0.position < $1.position }.map(\.domain)
    }

    public static func plan(on db: any Database) async throws -> Plan? {
        try await PlanModel.query(on: db).first()?.domain
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements (SQL `IN` lists stay short).
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
