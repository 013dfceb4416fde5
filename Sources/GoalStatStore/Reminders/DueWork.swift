import FluentKit
import GoalStatCore
import SQLKit

/// What is due from whom as of a day (issue 10): the rules of `DueDates` and `TargetsDue` applied to the stored
/// framework and values. Every read is by an indexed column (steward, leader, goal, the measurements' unique key),
/// never the whole framework or every series.
public enum DueWork {
    /// The values due from one steward, or from every steward when `steward` is nil (`goalstat remind`).
    public static func valueTasks(steward: String? = nil, today: CalendarDate, policy: DuePolicy, on db: any Database) async throws -> [ValueTask] {
        let sql = try ReadModel.sqlDatabase(db)
        let reporting = try await FrameworkStore.reporting(on: db)
        let query = sql.select().columns("code", "name", "frequency", "steward_email").from(IndicatorModel.schema)
            .where("formula", .is, SQLLiteral.null).where("steward_email", .isNot, SQLLiteral.null)
        if let steward { query.where(SQLFunction("lower", args: SQLColumn("steward_email")), .equal, SQLBind(steward.lowercased())) }
        let rows = try await query.orderBy("position").orderBy("code").all()
        var candidates: [Frequency: [DuePeriod]] = [:]
        for frequency in Frequency.allCases {
            candidates[frequency] = DueDates.candidates(
                frequency: frequency, calendar: reporting.calendar, fiscal: reporting.fiscal, today: today, policy: policy
            )
        }
        let indicators: [(code: String, name: String, frequency: Frequency, steward: String)] = try rows.compactMap { row in
            guard let frequency = Frequency(rawValue: try row.decode(column: "frequency", as: String.self)) else { return nil }
            return (
                try row.decode(column: "code", as: String.self), try row.decode(column: "name", as: String.self), frequency,
                try row.decode(column: "steward_email", as: String.self)
            )
        }
        guard let earliest = candidates.values.compactMap({ $0.first?.period.start }).min() else { return [] }
        let answered = try await answeredPeriods(of: indicators.map { $0.code }, from: PeriodStorage.iso(earliest), on: sql)
        var tasks: [ValueTask] = []
        for indicator in indicators {
            let stored = answered[indicator.code] ?? []
            for due in candidates[indicator.frequency] ?? [] where !stored.contains(PeriodStorage.start(due.period)) {
                tasks.append(ValueTask(
                    indicator: indicator.code, indicatorName: indicator.name, steward: indicator.steward, frequency: indicator.frequency,
                    periodLabel: reporting.label(due.period), periodStart: PeriodStorage.start(due.period),
                    entryMonth: String(PeriodStorage.start(due.period).prefix(7)), due: due
                ))
            }
        }
        return tasks.sorted { ($0.due.dueDate, $0.indicator) < ($1.due.dueDate, $1.indicator) }
    }

    /// The periods of these indicators' totals that have anything stored — a value of any status, `missing` too —
    /// from `start` on, as ISO first days, read by the measurements' unique key.
    static func answeredPeriods(of indicators: [String], from start: String, on sql: any SQLDatabase) async throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for chunk in indicators.chunked(500) {
            let rows = try await sql.select().columns("indicator_code", "period_start").from(MeasurementTable.name)
                .where("indicator_code", .in, chunk).where("org_unit_code", .equal, "").where("period_start", .greaterThanOrEqual, start)
                .all()
            for row in rows {
                result[try row.decode(column: "indicator_code", as: String.self), default: []]
                    .insert(try row.decode(column: "period_start", as: String.self))
            }
        }
        return result
    }

    /// Everything due from one person: their values as steward, and for the goals they lead the latest quarterly
    /// narrative and the targets of the goals' indicators.
    public static func tasks(for email: String, today: CalendarDate, policy: DuePolicy, on db: any Database) async throws -> PersonTasks {
        let sql = try ReadModel.sqlDatabase(db)
        let reporting = try await FrameworkStore.reporting(on: db)
        let values = try await valueTasks(steward: email, today: today, policy: policy, on: db)
        let goalRows = try await sql.select().columns("code", "name").from(GoalModel.schema)
            .where(SQLFunction("lower", args: SQLColumn("leader_email")), .equal, SQLBind(email.lowercased()))
            .orderBy("position").orderBy("code").all()
        let goals = try goalRows.map { (code: try $0.decode(column: "code", as: String.self), name: try $0.decode(column: "name", as: String.self)) }
        guard !goals.isEmpty else { return PersonTasks(values: values, narratives: [], targets: []) }
        let narratives = try await narrativeTasks(goals: goals, reporting: reporting, today: today, policy: policy, on: sql)
        let targets = try await targetTasks(goals: goals.map { $0.code }, reporting: reporting, today: today, on: sql)
        return PersonTasks(values: values, narratives: narratives, targets: targets)
    }

    private static func narrativeTasks(
        goals: [(code: String, name: String)], reporting: Reporting, today: CalendarDate, policy: DuePolicy, on sql: any SQLDatabase
    ) async throws -> [NarrativeTask] {
        let candidates = DueDates.candidates(
            frequency: .quarterly, calendar: reporting.calendar, fiscal: reporting.fiscal, today: today, policy: policy, lookback: 1
        )
        guard let first = candidates.first else { return [] }
        // A quarter's narrative is done once published; until then the task says what is wanted next (issue 11).
        var written: [String: [String: NarrativeState]] = [:]
        for chunk in goals.map({ $0.code }).chunked(500) {
            let rows = try await sql.select().columns("goal_code", "period_start", "state").from(NarrativeModel.schema)
                .where("goal_code", .in, chunk).where("period_start", .greaterThanOrEqual, PeriodStorage.start(first.period)).all()
            for row in rows {
                let state = try row.decode(column: "state", as: String?.self).flatMap(NarrativeState.init(rawValue:)) ?? .published
                written[try row.decode(column: "goal_code", as: String.self), default: [:]][try row.decode(column: "period_start", as: String.self)] = state
            }
        }
        var tasks: [NarrativeTask] = []
        for goal in goals {
            for due in candidates {
                let state = written[goal.code]?[PeriodStorage.start(due.period)]
                guard state != NarrativeState.published else { continue }
                tasks.append(NarrativeTask(goal: goal.code, goalName: goal.name, periodLabel: reporting.label(due.period), due: due, state: state))
            }
        }
        return tasks.sorted { ($0.due.dueDate, $0.goal) < ($1.due.dueDate, $1.goal) }
    }

    private static func targetTasks(goals: [String], reporting: Reporting, today: CalendarDate, on sql: any SQLDatabase) async throws -> [TargetTask] {
        var codes: [String] = []
        for chunk in goals.chunked(500) {
            codes += try await sql.select().column("indicator_code").from(IndicatorGoalModel.schema).where("goal_code", .in, chunk)
                .orderBy("position").all().map { try $0.decode(column: "indicator_code", as: String.self) }
        }
        var seen = Set<String>()
        codes = codes.filter { seen.insert($0).inserted }
        var names: [String: String] = [:]
        var targeted: [String: [Period]] = [:]
        for chunk in codes.chunked(500) {
            for row in try await sql.select().columns("code", "name").from(IndicatorModel.schema).where("code", .in, chunk).all() {
                names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
            let rows = try await sql.select().columns("indicator_code", "period_start", "period_end", "period_granularity").from(TargetModel.schema)
                .where("indicator_code", .in, chunk).where("org_unit_code", .equal, "").all()
            for row in rows {
                guard let period = PeriodStorage.period(
                    start: try row.decode(column: "period_start", as: String.self), end: try row.decode(column: "period_end", as: String.self),
                    granularity: try row.decode(column: "period_granularity", as: String.self)
                ) else { continue }
                targeted[try row.decode(column: "indicator_code", as: String.self), default: []].append(period)
            }
        }
        var tasks: [TargetTask] = []
        for code in codes {
            guard let name = names[code] else { continue }
            for due in TargetsDue.missing(targeted: targeted[code] ?? [], calendar: reporting.calendar, fiscal: reporting.fiscal, today: today) {
                tasks.append(TargetTask(indicator: code, indicatorName: name, periodLabel: reporting.label(due.period), due: due))
            }
        }
        return tasks.sorted { ($0.due.dueDate, $0.indicator) < ($1.due.dueDate, $1.indicator) }
    }
}
