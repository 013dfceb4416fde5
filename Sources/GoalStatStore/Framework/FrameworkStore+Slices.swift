import Foundation
import FluentKit
import GoalStatCore
import SQLKit

/// Point reads of the framework: a page or an API call reads the records it shows by key, never the whole
/// framework (issue 9). Each reads by an indexed column; lists of a few hundred rows (goals, org units) are read whole.
extension FrameworkStore {
    /// The indicators with these codes (every indicator when nil), in framework order, with their goals.
    public static func indicators(_ codes: [String]? = nil, on db: any Database) async throws -> [Indicator] {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var models: [IndicatorModel] = []
        var links: [(indicator: String, goal: String, position: Int)] = []
        let chunks: [[String]?] = codes.map { $0.chunked(500).map { Optional($0) } } ?? [nil]
        for chunk in chunks {
            let indicators = sql.select().columns(IndicatorModel.rowColumns).from(IndicatorModel.schema)
            let goals = sql.select().columns("indicator_code", "goal_code", "position").from(IndicatorGoalModel.schema)
            if let chunk {
                indicators.where("code", .in, chunk)
                goals.where("indicator_code", .in, chunk)
            }
            models += try await indicators.all().map(IndicatorModel.init(row:))
            links += try await goals.all().map { row in
                (
                    try row.decode(column: "indicator_code", as: String.self), try row.decode(column: "goal_code", as: String.self),
                    try row.decode(column: "position", as: Int.self)
                )
            }
        }
        let goals = Dictionary(grouping: links.sorted { $0.position < $1.position }, by: \.indicator).mapValues { $0.map(\.goal) }
        return models.sorted { ($0.position, $0.code) < ($1.position, $1.code) }.map { $0.domain(goals: goals[$0.code] ?? []) }
    }

    /// Every version of the targets of these indicators, in the export's order.
    public static func targets(of indicators: [String], on db: any Database) async throws -> [Target] {
        try await targets(of: indicators, reporting: try await reporting(on: db), on: db)
    }

    static func targets(of indicators: [String], reporting: Reporting, on db: any Database) async throws -> [Target] {
        var models: [TargetModel] = []
        for chunk in indicators.chunked(500) {
            models += try await targetModels(indicatorCodes: chunk, on: db)
        }
        return models
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart, $0.periodEnd, $0.setOn) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart, $1.periodEnd, $1.setOn) }
            .map { $0.domain(calendar: reporting.calendar, fiscal: reporting.fiscal) }
    }

    /// The target rows of these indicators. On SQL databases the columns are read through SQLKit into the model's
    /// fields: Fluent's row output reflects over every property of every row, which was a tenth of a 2,000-indicator
    /// framework import (its read model reads every target back).
    private static func targetModels(indicatorCodes codes: [String], on db: any Database) async throws -> [TargetModel] {
        guard let sql = db as? any SQLDatabase else {
            return try await TargetModel.query(on: db).filter(\.$indicatorCode ~~ codes).all()
        }
        let rows = try await sql.select()
            .columns(
                "indicator_code", "org_unit_code", "period_start", "period_end", "period_granularity", "value", "range_min",
                "range_max", "rationale", "set_on", "set_by", "benchmark_kind", "benchmark_value", "benchmark_source", "decided_on"
            )
            .from(TargetModel.schema)
            .where("indicator_code", .in, codes)
            .all()
        return try rows.map { row in
            let model = TargetModel()
            model.indicatorCode = try row.decode(column: "indicator_code", as: String.self)
            model.orgUnitCode = try row.decode(column: "org_unit_code", as: String.self)
            model.periodStart = try row.decode(column: "period_start", as: String.self)
            model.periodEnd = try row.decode(column: "period_end", as: String.self)
            model.periodGranularity = try row.decode(column: "period_granularity", as: String.self)
            model.value = try row.decode(column: "value", as: Double?.self)
            model.rangeMin = try row.decode(column: "range_min", as: Double?.self)
            model.rangeMax = try row.decode(column: "range_max", as: Double?.self)
            model.rationale = try row.decode(column: "rationale", as: String?.self)
            model.setOn = try row.decode(column: "set_on", as: String.self)
            model.setBy = try row.decode(column: "set_by", as: String?.self)
            model.benchmarkKind = try row.decode(column: "benchmark_kind", as: String?.self)
            model.benchmarkValue = try row.decode(column: "benchmark_value", as: Double?.self)
            model.benchmarkSource = try row.decode(column: "benchmark_source", as: String?.self)
            model.decidedOn = try row.decode(column: "decided_on", as: String?.self)
            return model
        }
    }

    public static func rebases(of indicators: [String], on db: any Database) async throws -> [Rebase] {
        try await rebases(of: indicators, reporting: try await reporting(on: db), on: db)
    }

    static func rebases(of indicators: [String], reporting: Reporting, on db: any Database) async throws -> [Rebase] {
        // Through SQLKit into the model's fields: every saved value's read model asks, and Fluent builds its query
        // and reads its rows by reflection.
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var models: [RebaseModel] = []
        for chunk in indicators.chunked(500) {
            let rows = try await sql.select()
                .columns("indicator_code", "org_unit_code", "period_start", "period_granularity", "reason", "set_by")
                .from(RebaseModel.schema).where("indicator_code", .in, chunk).all()
            for row in rows {
                let model = RebaseModel()
                model.indicatorCode = try row.decode(column: "indicator_code", as: String.self)
                model.orgUnitCode = try row.decode(column: "org_unit_code", as: String.self)
                model.periodStart = try row.decode(column: "period_start", as: String.self)
                model.periodGranularity = try row.decode(column: "period_granularity", as: String.self)
                model.reason = try row.decode(column: "reason", as: String.self)
                model.setBy = try row.decode(column: "set_by", as: String?.self)
                models.append(model)
            }
        }
        return models
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart) }
            .map { $0.domain(reporting: reporting) }
    }

    /// Every driver → result link, in framework order.
    public static func links(on db: any Database) async throws -> [IndicatorLink] {
        try await IndicatorLinkModel.query(on: db).sort(\.$position).all().map(\.domain)
    }

    /// The links with one of these indicators at either end, in framework order.
    public static func links(touching codes: Set<String>, on db: any Database) async throws -> [IndicatorLink] {
        guard !codes.isEmpty else { return [] }
        var models: [IndicatorLinkModel] = []
        for chunk in Array(codes).sorted().chunked(500) {
            models += try await IndicatorLinkModel.query(on: db)
                .group(.or) { $0.filter(\.$driverCode ~~ chunk).filter(\.$resultCode ~~ chunk) }.all()
        }
        var seen = Set<UUID>()
        return models.filter { $0.id.map { seen.insert($0).inserted } ?? true }
            .sorted { $0.position < $1.position }.map(\.domain)
    }

}

extension Array {
    /// The array in consecutive slices of at most `size` elements (SQL `IN` lists stay short).
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension FrameworkStore {
    /// One page of the indicators a reader may see (published, or owned by a unit in `scope`), in framework order,
    /// with how many there are in all: the database pages, not the process.
    public static func indicatorPage(readableIn scope: UnitScope, offset: Int, limit: Int, on db: any Database) async throws -> (items: [Indicator], total: Int) {
        let query = IndicatorModel.query(on: db)
        if case .units(let units) = scope {
            query.group(.or) { $0.filter(\.$isPublic == true).filter(\.$orgUnitCode ~~ Array(units)) }
        }
        let total = try await query.copy().count()
        let codes = try await query.sort(\.$position).sort(\.$code).range(offset..<(offset + limit)).all(\.$code)
        return (try await indicators(codes, on: db), total)
    }

    /// One page of the goals a reader may see, as `indicatorPage`.
    public static func goalPage(readableIn scope: UnitScope, offset: Int, limit: Int, on db: any Database) async throws -> (items: [Goal], total: Int) {
        let query = GoalModel.query(on: db)
        if case .units(let units) = scope {
            query.group(.or) { $0.filter(\.$isPublic == true).filter(\.$orgUnitCode ~~ Array(units)) }
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$position).sort(\.$code).range(offset..<(offset + limit)).all().map(\.domain)
        return (items, total)
    }
}

extension FrameworkStore {
    /// The records that decide who may touch `key` (a route's rule): the goal, the indicator, or the milestone with
    /// its goal, read by key; nil for kinds that need more of the framework (org units, people).
    public static func ownershipDocument(of kind: RecordKind, key: String, on db: any Database) async throws -> FrameworkDocument? {
        switch kind {
        case .indicator:
            return FrameworkDocument(indicators: try await indicators([key], on: db))
        case .goal:
            return FrameworkDocument(goals: try await GoalModel.query(on: db).filter(\.$code == key).all().map(\.domain))
        case .milestone:
            let milestones = try await MilestoneModel.query(on: db).filter(\.$code == key).all().map(\.domain)
            let goals = try await GoalModel.query(on: db).filter(\.$code ~~ milestones.map(\.goal)).all().map(\.domain)
            return FrameworkDocument(goals: goals, milestones: milestones)
        case .orgUnit, .person:
            return nil
        }
    }

    /// Whether an indicator with this code is stored: one indexed read (a Fluent model per indicator, as reading
    /// every key would, costs a save at agency scale a third of a second).
    public static func indicatorExists(_ code: String, on db: any Database) async throws -> Bool {
        try await exists(.indicator, key: code, on: db)
    }

    /// Whether a record of this kind and key is stored: one indexed read.
    public static func exists(_ kind: RemovableKind, key: String, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let (table, column): (String, String) = switch kind {
        case .orgUnit: (OrgUnitModel.schema, "code")
        case .person: (PersonModel.schema, "email")
        case .goal: (GoalModel.schema, "code")
        case .indicator: (IndicatorModel.schema, "code")
        case .milestone: (MilestoneModel.schema, "code")
        }
        return try await sql.select().column(column).from(table).where(SQLIdentifier(column), .equal, SQLBind(key)).limit(1).first() != nil
    }

    /// The org units, for the tree that roles are inherited down.
    public static func orgUnits(on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnitModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain)
    }
}
