import FluentKit
import FluentSQLiteDriver
import Foundation
import GoalStatCore
import SQLKit

/// Works out rows of the read model from the stored framework and values, and writes them. Indicators are taken in
/// chunks, each chunk's values read in one indexed, ordered query, so that memory stays bounded by the chunk
/// whatever the number of indicators.
struct ReadModelBuilder {
    var asOf: CalendarDate
    var db: any Database
    private var sql: any SQLDatabase { db as! any SQLDatabase }

    static let chunkSize = 100

    init(asOf: CalendarDate, on db: any Database) {
        self.asOf = asOf
        self.db = db
    }

    /// Every indicator and goal again, from nothing.
    func rebuild() async throws {
        try await sql.delete(from: ReadModelTables.verdicts).run()
        let codes = try await IndicatorModel.query(on: db).all(\.$code).sorted()
        _ = try await update(every: codes, pairs: [:])
        try await rollUpGoals()
    }

    /// Works out `every` indicator for its total and every unit with values, and the units `pairs` names of others
    /// ("" for the total). Indicators that no longer exist lose their rows. Returns whether any total's status
    /// changed (then the goals must be rolled up again).
    func update(every: [String], pairs: [String: Set<String>]) async throws -> Bool {
        var changed = false
        // A bulk load touches many indicators: working out each one's every unit, a chunk at a time, is then
        // cheaper than one indicator at a time, and gives the same rows.
        let bulk = pairs.count > Self.chunkSize / 5
        let all = bulk ? Array(Set(every).union(pairs.keys)).sorted() : every
        for chunk in all.chunked(Self.chunkSize) {
            changed = try await work(chunk, units: nil) || changed
        }
        for (indicator, units) in (bulk ? [:] : pairs).sorted(by: { $0.key < $1.key }) {
            changed = try await work([indicator], units: units) || changed
        }
        return changed
    }

    /// `units` nil: every unit of the indicators.
    private func work(_ codes: [String], units: Set<String>?) async throws -> Bool {
        let before = try await totalStatuses(codes)
        let delete = sql.delete(from: ReadModelTables.verdicts).where("indicator_code", .in, codes)
        if let units { delete.where("org_unit_code", .in, Array(units)) }
        try await delete.run()
        let indicators = try await FrameworkStore.indicators(codes, on: db)
        let reporting = try await FrameworkStore.reporting(on: db)
        let targets = try await FrameworkStore.targets(of: codes, on: db)
        let rebases = try await FrameworkStore.rebases(of: codes, on: db)
        let series = try await Self.series(
            of: indicators, units: units, calendar: reporting.calendar, on: sql
        )
        var versions: [String: [TargetVersion]] = [:]
        for target in targets {
            if let version = TargetVersion(target, calendar: reporting.calendar) {
                versions["\(target.indicator)|\(target.orgUnit ?? "")", default: []].append(version)
            }
        }
        let rebasesByKey = Dictionary(grouping: rebases) { "\($0.indicator)|\($0.orgUnit ?? "")" }
        var analyzer = IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal)
        var rows: [[any SQLExpression]] = []
        var after: [String: String] = [:]
        let encoder = JSONEncoder()
        for indicator in indicators {
            let bySeries = series[indicator.code] ?? [:]
            var wanted = units ?? Set(bySeries.keys).union([""])
            if units == nil { wanted.insert("") }
            for unit in wanted.sorted() {
                let measurements = bySeries[unit] ?? []
                analyzer = analyzer.withLabels(for: measurements.map(\.period))
                let key = "\(indicator.code)|\(unit)"
                let analysis = analyzer.analyze(
                    indicator: indicator, orgUnit: unit.isEmpty ? nil : unit, series: measurements,
                    targets: TargetHistory(versions[key] ?? []), asOf: asOf, rebases: rebasesByKey[key] ?? []
                )
                let verdict = IndicatorVerdict(analysis)
                let full: String? = unit.isEmpty ? String(decoding: try encoder.encode(analysis), as: UTF8.self) : nil
                if unit.isEmpty { after[indicator.code] = verdict.status.rawValue }
                rows.append([
                    SQLBind(indicator.code), SQLBind(unit), SQLBind(verdict.status.rawValue),
                    SQLBind(String(decoding: try encoder.encode(verdict), as: UTF8.self)), SQLBind(full),
                ])
            }
        }
        for chunk in rows.chunked(100) {
            let insert = sql.insert(into: ReadModelTables.verdicts).columns("indicator_code", "org_unit_code", "status", "verdict", "analysis")
            for row in chunk { insert.values(row) }
            try await insert.run()
        }
        if let units, !units.contains("") { return false }
        return before != after
    }

    private func totalStatuses(_ codes: [String]) async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await sql.select().columns("indicator_code", "status").from(ReadModelTables.verdicts)
            .where("indicator_code", .in, codes).where("org_unit_code", .equal, "").all() {
            result[try row.decode(column: "indicator_code", as: String.self)] = try row.decode(column: "status", as: String.self)
        }
        return result
    }

    /// Every goal's status from the stored totals' statuses, rolled up the goal tree.
    func rollUpGoals() async throws {
        // Read through SQLKit, not as Fluent models: building a model costs far more than a row, and a save of one
        // value rolls every goal up again.
        var goals: [(code: String, parent: String?)] = []
        for row in try await sql.select().columns("code", "parent_code").from(GoalModel.schema)
            .orderBy("position").orderBy("code").all() {
            goals.append((try row.decode(column: "code", as: String.self), try row.decode(column: "parent_code", as: String?.self)))
        }
        var milestones: [Milestone] = []
        for row in try await sql.select().columns("code", "goal_code", "due", "status").from(MilestoneModel.schema).all() {
            milestones.append(Milestone(
                code: try row.decode(column: "code", as: String.self), goal: try row.decode(column: "goal_code", as: String.self),
                name: "", due: try row.decode(column: "due", as: String.self),
                status: MilestoneStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned
            ))
        }
        let rows = try await sql.select()
            .column(SQLColumn("goal_code", table: "indicator_goals"))
            .column(SQLColumn("indicator_code", table: "indicator_goals"))
            .column(SQLColumn("rank", table: "indicators"))
            .column(SQLColumn("status", table: ReadModelTables.verdicts))
            .from("indicator_goals")
            .join("indicators", on: SQLColumn("code", table: "indicators"), .equal, SQLColumn("indicator_code", table: "indicator_goals"))
            .join(
                ReadModelTables.verdicts, method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("indicator_code", table: ReadModelTables.verdicts), .equal, SQLColumn("indicator_code", table: "indicator_goals")),
                    .and,
                    SQLBinaryExpression(SQLColumn("org_unit_code", table: ReadModelTables.verdicts), .equal, SQLLiteral.string(""))
                )
            )
            .orderBy(SQLColumn("position", table: "indicator_goals"))
            .all()
        var inputs: [String: [GoalStatusRollUp.Input]] = [:]
        for row in rows {
            let status = try row.decode(column: "status", as: String?.self).flatMap(IndicatorStatus.init(rawValue:)) ?? .noData
            inputs[try row.decode(column: "goal_code", as: String.self), default: []].append(GoalStatusRollUp.Input(
                indicator: try row.decode(column: "indicator_code", as: String.self),
                rank: IndicatorRank(rawValue: try row.decode(column: "rank", as: String.self)) ?? .supporting,
                status: status
            ))
        }
        let statuses = GoalTreeStatus.assess(tree: goals, indicators: inputs, milestones: milestones, today: asOf)
        try await sql.delete(from: ReadModelTables.goals).run()
        for chunk in goals.chunked(200) {
            let insert = sql.insert(into: ReadModelTables.goals).columns("goal_code", "status", "reason")
            for goal in chunk {
                let assessment = statuses[goal.code] ?? StatusAssessment(status: .noData, reason: "")
                insert.values([SQLBind(goal.code), SQLBind(assessment.status.rawValue), SQLBind(assessment.reason)])
            }
            try await insert.run()
        }
    }

    /// The values of these indicators (their total as "", each unit by code), oldest first: only what the analysis
    /// reads, in the order of the measurements' unique key, so the database reads its index in order.
    static func series(
        of indicators: [Indicator], units: Set<String>?, calendar: FiscalCalendar, on sql: any SQLDatabase
    ) async throws -> [String: [String: [Measurement]]] {
        guard !indicators.isEmpty else { return [:] }
        let frequencies = Dictionary(indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { first, _ in first })
        var periods: [String: Period] = [:]
        var result: [String: [String: [Measurement]]] = [:]
        // A few indicators per query: the driver hands its rows over all at once, and a row costs far more than the
        // measurement made of it.
        for codes in indicators.map(\.code).chunked(Self.indicatorsPerQuery) {
            let query = sql.select()
                .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status")
                .from(MeasurementTable.name)
                .where("indicator_code", .in, codes)
            if let units { query.where("org_unit_code", .in, Array(units)) }
            let rows = try await query.orderBy("indicator_code").orderBy("org_unit_code").orderBy("period_start").all()
            for row in rows {
                let fields = try SeriesRow(row)
                let indicator = fields.indicator
                guard let frequency = frequencies[indicator] else { continue }
                let start = fields.start
                let periodKey = "\(frequency.rawValue)|\(start)"
                let period: Period
                if let known = periods[periodKey] {
                    period = known
                } else {
                    guard let parsed = PeriodStorage.period(start: start, frequency: frequency) else { continue }
                    periods[periodKey] = parsed
                    period = parsed
                }
                let unit = fields.unit
                result[indicator, default: [:]][unit, default: []].append(Measurement(
                    indicator: indicator, orgUnit: unit.isEmpty ? nil : unit, period: period,
                    value: fields.value, level: fields.level, status: MeasurementStatus(rawValue: fields.status) ?? .final,
                    source: source
                ))
            }
        }
        return result
    }

    static let indicatorsPerQuery = 10

    /// The analysis does not read where a value came from.
    private static let source = MeasurementSource(kind: .import, label: "", enteredBy: nil, enteredAt: .distantPast)
}

/// One row of the series query. On SQLite the columns are read straight from the driver's row: SQLKit's decoder
/// costs several times the rest of the work of a rebuild, which reads every stored value.
private struct SeriesRow {
    var indicator: String
    var unit: String
    var start: String
    var value: Double?
    var level: String?
    var status: String

    init(_ row: any SQLRow) throws {
        if let sqlite = row as? SQLiteRow,
           let indicator = sqlite.column("indicator_code")?.string, let unit = sqlite.column("org_unit_code")?.string,
           let start = sqlite.column("period_start")?.string, let status = sqlite.column("status")?.string {
            self.indicator = indicator
            self.unit = unit
            self.start = start
            value = sqlite.column("value")?.double
            level = sqlite.column("level")?.string
            self.status = status
            return
        }
        indicator = try row.decode(column: "indicator_code", as: String.self)
        unit = try row.decode(column: "org_unit_code", as: String.self)
        start = try row.decode(column: "period_start", as: String.self)
        value = try row.decode(column: "value", as: Double?.self)
        level = try row.decode(column: "level", as: String?.self)
        status = try row.decode(column: "status", as: String.self)
    }
}

