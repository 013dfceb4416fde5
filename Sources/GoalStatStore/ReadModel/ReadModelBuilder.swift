import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import GoalStatCore
import SQLKit

/// Works out rows of the read model from the stored framework and values, and writes them. Indicators are taken in
/// chunks, each chunk's values read in one indexed, ordered query, so that memory stays bounded by the chunk
/// whatever the number of indicators.
struct ReadModelBuilder: Sendable {
    var asOf: CalendarDate
    var db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let chunkSize = 100
    /// Indicators per group of a rebuild or bulk load: each group's every value is held at once, for its verdicts and
    /// its integrity checks, so this bounds the memory of a rebuild.
    static let groupSize = 25

    init(asOf: CalendarDate, on db: any Database) {
        self.asOf = asOf
        self.db = db
    }

    /// Every indicator and goal again, from nothing.
    func rebuild() async throws {
        try await sql.delete(from: ReadModelTables.verdicts).run()
        try await sql.delete(from: ReadModelTables.integrity).run()
        _ = try await workGroups(touching: nil)
        try await rollUpGoals()
    }

    /// Works out `every` indicator for its total and every unit with values, and the units `pairs` names of others
    /// ("" for the total), verdicts and integrity findings; `relations` says that links or goals changed, which
    /// decides which indicators a guardrail is compared with. Indicators that no longer exist lose their rows.
    /// Returns the indicators whose total's status changed (the goals above them must be rolled up again).
    func update(every: [String], pairs: [String: Set<String>], relations: Bool = false) async throws -> Set<String> {
        let touched = Set(every).union(pairs.keys)
        // A bulk load touches many indicators: working out each one's every unit, a group at a time, is then
        // cheaper than one indicator at a time, and gives the same rows.
        if touched.count > Self.chunkSize / 5 { return try await workGroups(touching: touched) }
        let reporting = try await FrameworkStore.reporting(on: db)
        var changed = Set<String>()
        // What was read here, handed to the integrity checks, which read the same series.
        var read: [String: ReadSeries] = [:]
        if !every.isEmpty {
            let indicators = try await FrameworkStore.indicators(every, on: db)
            let gone = Set(every).subtracting(indicators.map(\.code))
            if !gone.isEmpty {
                try await deleteRows(of: Array(gone).sorted(), units: nil)
                changed.formUnion(gone)
            }
            for chunk in indicators.chunked(Self.chunkSize) {
                let series = try await Self.series(of: chunk, units: nil, calendar: reporting.calendar, on: db)
                changed.formUnion(try await storeVerdicts(of: chunk, units: nil, series: series, reporting: reporting))
                for indicator in chunk {
                    read[indicator.code] = ReadSeries(indicator: indicator, units: nil, series: series[indicator.code] ?? [:])
                }
            }
        }
        var owners: [String: Set<String>?] = [:]
        for code in every { owners[code] = .some(nil) }
        for (code, units) in pairs.sorted(by: { $0.key < $1.key }) where owners[code] == nil {
            owners[code] = units
            guard let indicator = try await FrameworkStore.indicators([code], on: db).first else { continue }
            // The integrity question of a total that sums reads every unit (`updateIntegrity`): read them all now.
            let reads: Set<String>? = indicator.aggregation == .sum ? nil : units
            let series = try await Self.series(of: [indicator], units: reads, calendar: reporting.calendar, on: db)[code] ?? [:]
            let own = series.filter { units.contains($0.key) }
            changed.formUnion(try await storeVerdicts(of: [indicator], units: units, series: [code: own], reporting: reporting))
            read[code] = ReadSeries(indicator: indicator, units: reads, series: series)
        }
        try await updateIntegrity(owners: owners, everyGuardrail: relations || !every.isEmpty, reporting: reporting, read: read)
        return changed
    }

    /// The groups of indicators the integrity checks can run on (`IntegrityChunks`: linked indicators and those
    /// sharing a goal together) that hold one of `touching` (every group when nil): each unit of each indicator,
    /// verdicts and integrity findings from one read of the group's values.
    ///
    /// A few groups are worked out at once (`groupsAtOnce`), each read, analysed and written in turn: their reads and
    /// writes queue on the transaction's one connection, and while the database (SQLite's thread pool, PostgreSQL's
    /// server) works through them, the others' analyses keep the cores busy. A group at a time, the analysis waited
    /// for the database and the database for the analysis, and one core stood idle. The groups touch rows of their
    /// own indicators only, so their order does not matter; memory holds `groupsAtOnce` groups' values
    /// (docs/benchmarks.md: the memory of the five-million-value import).
    private func workGroups(touching: Set<String>?) async throws -> Set<String> {
        let reporting = try await FrameworkStore.reporting(on: db)
        let all = try await FrameworkStore.indicators(on: db)
        let links = try await FrameworkStore.links(on: db)
        let groups = IntegrityChunks.split(all, links: links, size: Self.groupSize).filter { group in
            touching.map { touching in group.contains { touching.contains($0.code) } } ?? true
        }
        let builder = self
        var changed = try await withThrowingTaskGroup(of: Set<String>.self) { tasks in
            var changed = Set<String>()
            for (index, group) in groups.enumerated() {
                if index >= Self.groupsAtOnce, let done = try await tasks.next() { changed.formUnion(done) }
                let members = Set(group.map(\.code))
                let links = links.filter { members.contains($0.driver) && members.contains($0.result) }
                tasks.addTask {
                    try await builder.work(group, links: links, replacing: touching != nil, reporting: reporting)
                }
            }
            // A failed group ends the others (the task group cancels and waits for them): nothing outlives the
            // transaction it belongs to.
            for try await done in tasks { changed.formUnion(done) }
            return changed
        }
        if let touching {
            let gone = Array(touching.subtracting(all.map(\.code)))
            if !gone.isEmpty { try await deleteRows(of: gone, units: nil) }
            changed.formUnion(gone)
        }
        return changed
    }

    static let groupsAtOnce = 4

    /// One group's verdicts and findings, from one read of its values (`replacing`: its findings are stored already
    /// and go first); returns the indicators whose total's status changed.
    private func work(_ group: [Indicator], links: [IndicatorLink], replacing: Bool, reporting: Reporting) async throws -> Set<String> {
        let input = try await input(of: group, reporting: reporting)
        let codes = group.map(\.code)
        let rows = try await verdictRows(of: group, units: nil, input: input, reporting: reporting)
        let flags = Self.integrityFlags(
            of: group, links: links, series: input.series, targets: input.targets, reporting: reporting, asOf: asOf
        )
        if replacing { try await deleteRows(of: codes, units: nil, verdicts: false) }
        let changed = try await writeVerdicts(rows, of: codes, units: nil)
        try await storeFindings(flags, reporting: reporting)
        return changed
    }

    /// What a group's verdicts and findings are worked out from.
    struct GroupInput: Sendable {
        /// Each indicator's values by unit ("" for the total).
        var series: [String: [String: [Measurement]]]
        var targets: [Target]
        var rebases: [Rebase]
    }

    /// The values of every unit, the targets and the rebases of `indicators`.
    private func input(of indicators: [Indicator], reporting: Reporting) async throws -> GroupInput {
        let codes = indicators.map(\.code), db = db
        // Asked for together: the database works through them while the values are decoded.
        async let targets = FrameworkStore.targets(of: codes, reporting: reporting, on: db)
        async let rebases = FrameworkStore.rebases(of: codes, reporting: reporting, on: db)
        let series = try await Self.series(of: indicators, units: nil, calendar: reporting.calendar, on: db)
        return GroupInput(series: series, targets: try await targets, rebases: try await rebases)
    }

    /// Removes the stored rows of these indicators (of these units only, when given): integrity findings, and
    /// verdicts unless `verdicts` is false (`writeVerdicts` replaces those itself, after reading the statuses before).
    private func deleteRows(of codes: [String], units: Set<String>?, verdicts: Bool = true) async throws {
        for chunk in codes.chunked(500) {
            for table in verdicts ? [ReadModelTables.verdicts, ReadModelTables.integrity] : [ReadModelTables.integrity] {
                let delete = sql.delete(from: table).where("indicator_code", .in, chunk)
                if let units { delete.where("org_unit_code", .in, Array(units)) }
                try await delete.run()
            }
        }
    }

    /// Works out and stores the verdicts of `indicators` for `units` (nil: their total and every unit with values)
    /// from their values; returns the indicators whose total's status changed.
    private func storeVerdicts(
        of indicators: [Indicator], units: Set<String>?, series: [String: [String: [Measurement]]], reporting: Reporting
    ) async throws -> Set<String> {
        let codes = indicators.map(\.code)
        let input = GroupInput(
            series: series,
            targets: try await FrameworkStore.targets(of: codes, reporting: reporting, on: db),
            rebases: try await FrameworkStore.rebases(of: codes, reporting: reporting, on: db)
        )
        let rows = try await verdictRows(of: indicators, units: units, input: input, reporting: reporting)
        return try await writeVerdicts(rows, of: codes, units: units)
    }

    /// The verdict rows of `indicators` for `units` (nil: their total and every unit with values).
    private func verdictRows(
        of indicators: [Indicator], units: Set<String>?, input: GroupInput, reporting: Reporting
    ) async throws -> [VerdictRow] {
        var versions: [String: [TargetVersion]] = [:]
        for target in input.targets {
            if let version = TargetVersion(target, calendar: reporting.calendar) {
                versions["\(target.indicator)|\(target.orgUnit ?? "")", default: []].append(version)
            }
        }
        let rebasesByKey = Dictionary(grouping: input.rebases) { "\($0.indicator)|\($0.orgUnit ?? "")" }
        var jobs: [VerdictJob] = []
        for indicator in indicators {
            let bySeries = input.series[indicator.code] ?? [:]
            var wanted = units ?? Set(bySeries.keys).union([""])
            if units == nil { wanted.insert("") }
            for unit in wanted.sorted() {
                let key = "\(indicator.code)|\(unit)"
                jobs.append(VerdictJob(
                    indicator: indicator, unit: unit, measurements: bySeries[unit] ?? [],
                    targets: TargetHistory(versions[key] ?? []), rebases: rebasesByKey[key] ?? []
                ))
            }
        }
        return try await Self.verdictRows(
            jobs, analyzer: IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal), asOf: asOf
        )
    }

    /// Replaces the stored verdicts of `codes` for `units` (nil: every unit) with `rows`; returns the indicators
    /// whose total's status changed.
    private func writeVerdicts(_ rows: [VerdictRow], of codes: [String], units: Set<String>?) async throws -> Set<String> {
        // The totals' statuses before, as the rows are deleted (RETURNING: one statement, not two).
        var before: [String: String] = [:]
        for chunk in codes.chunked(500) {
            let delete = sql.delete(from: ReadModelTables.verdicts).where("indicator_code", .in, chunk)
            if let units { delete.where("org_unit_code", .in, Array(units)) }
            for row in try await delete.returning("indicator_code", "org_unit_code", "status").all() {
                guard try row.decode(column: "org_unit_code", as: String.self).isEmpty else { continue }
                before[try row.decode(column: "indicator_code", as: String.self)] = try row.decode(column: "status", as: String.self)
            }
        }
        var after: [String: String] = [:]
        for row in rows where row.unit.isEmpty { after[row.indicator] = row.status }
        for chunk in rows.chunked(100) {
            let insert = sql.insert(into: ReadModelTables.verdicts).columns("indicator_code", "org_unit_code", "status", "verdict", "analysis")
            for row in chunk {
                insert.values([SQLBind(row.indicator), SQLBind(row.unit), SQLBind(row.status), SQLBind(row.verdict), SQLBind(row.analysis)])
            }
            try await insert.run()
        }
        if let units, !units.contains("") { return [] }
        return Set(codes.filter { before[$0] != after[$0] })
    }

    /// One series to analyse: an indicator's total ("") or one of its units, with what its verdict is worked out from.
    private struct VerdictJob: Sendable {
        var indicator: Indicator
        var unit: String
        var measurements: [Measurement]
        var targets: TargetHistory
        var rebases: [Rebase]
    }

    /// A verdict row as stored: the total's row carries the whole analysis too.
    private struct VerdictRow: Sendable {
        var indicator: String
        var unit: String
        var status: String
        var verdict: String
        var analysis: String?
    }

    /// The analyses are independent of each other and are most of a bulk load's read-model time: many are shared
    /// out over the cores, in slices whose rows come back in the order of `jobs`. A few (a saved value) are worked
    /// out here.
    private static func verdictRows(_ jobs: [VerdictJob], analyzer: IndicatorAnalyzer, asOf: CalendarDate) async throws -> [VerdictRow] {
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, jobs.count / 32)
        guard slices > 1 else { return try verdictRows(jobs[...], analyzer: analyzer, asOf: asOf) }
        let size = (jobs.count + slices - 1) / slices
        return try await withThrowingTaskGroup(of: (Int, [VerdictRow]).self) { group in
            for start in stride(from: 0, to: jobs.count, by: size) {
                let slice = jobs[start..<min(start + size, jobs.count)]
                group.addTask { (start, try verdictRows(slice, analyzer: analyzer, asOf: asOf)) }
            }
            var done: [(Int, [VerdictRow])] = []
            for try await result in group { done.append(result) }
            return done.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private static func verdictRows(_ jobs: ArraySlice<VerdictJob>, analyzer: IndicatorAnalyzer, asOf: CalendarDate) throws -> [VerdictRow] {
        var analyzer = analyzer
        let encoder = JSONEncoder()
        return try jobs.map { job in
            analyzer = analyzer.withLabels(for: job.measurements.map(\.period))
            let analysis = analyzer.analyze(
                indicator: job.indicator, orgUnit: job.unit.isEmpty ? nil : job.unit, series: job.measurements,
                targets: job.targets, asOf: asOf, rebases: job.rebases
            )
            let verdict = IndicatorVerdict(analysis)
            return VerdictRow(
                indicator: job.indicator.code, unit: job.unit, status: verdict.status.rawValue,
                verdict: String(decoding: try encoder.encode(verdict), as: UTF8.self),
                analysis: job.unit.isEmpty ? String(decoding: try encoder.encode(analysis), as: UTF8.self) : nil
            )
        }
    }

    /// Every goal's status from the stored totals' statuses, rolled up the goal tree.
    func rollUpGoals() async throws {
        // Read through SQLKit, not as Fluent models: building a model costs far more than a row.
        let goals = try await goalTree(sql.select().columns("code", "parent_code").from(GoalModel.schema))
        try await rollUp(goals, known: [:])
    }

    /// The statuses of the goals of these indicators and of every goal above them, the other goals' statuses
    /// taken as stored: what a change of these indicators' totals can move, read by key.
    func rollUpGoals(above indicators: Set<String>) async throws {
        var affected = Set<String>()
        var frontier = Set<String>()
        for chunk in Array(indicators).sorted().chunked(500) {
            for row in try await sql.select().column("goal_code").from(IndicatorGoalModel.schema).where("indicator_code", .in, chunk).all() {
                frontier.insert(try row.decode(column: "goal_code", as: String.self))
            }
        }
        var tree: [String: String?] = [:]
        while !frontier.isEmpty {
            affected.formUnion(frontier)
            var parents = Set<String>()
            for chunk in Array(frontier).sorted().chunked(500) {
                for goal in try await goalTree(sql.select().columns("code", "parent_code").from(GoalModel.schema).where("code", .in, chunk)) {
                    tree[goal.code] = goal.parent
                    if let parent = goal.parent, !affected.contains(parent) { parents.insert(parent) }
                }
            }
            frontier = parents
        }
        guard !affected.isEmpty else { return }
        var children: [(code: String, parent: String?)] = []
        for chunk in Array(affected).sorted().chunked(500) {
            children += try await goalTree(sql.select().columns("code", "parent_code").from(GoalModel.schema).where("parent_code", .in, chunk))
        }
        let unaffected = children.filter { !affected.contains($0.code) }
        let known = try await ReadModel.goalStatuses(unaffected.map(\.code), on: db)
        let goals = tree.map { (code: $0.key, parent: $0.value) }.sorted { $0.code < $1.code } + unaffected
        try await rollUp(goals, known: known, only: affected)
    }

    /// Goals (code, parent) as a query reads them, in framework order.
    private func goalTree(_ query: SQLSelectBuilder) async throws -> [(code: String, parent: String?)] {
        try await query.orderBy("position").orderBy("code").all().map {
            (try $0.decode(column: "code", as: String.self), try $0.decode(column: "parent_code", as: String?.self))
        }
    }

    /// Works out the statuses of `goals` (those in `only`, when given, the others being `known`) and stores them.
    private func rollUp(_ goals: [(code: String, parent: String?)], known: [String: StatusAssessment], only: Set<String>? = nil) async throws {
        let codes = only.map { Array($0).sorted() }
        var milestones: [Milestone] = []
        for chunk in codes.map({ $0.chunked(500) }) ?? [[]] {
            let query = sql.select().columns("code", "goal_code", "name", "due", "status").from(MilestoneModel.schema)
            if codes != nil { query.where("goal_code", .in, chunk) }
            for row in try await query.all() {
                milestones.append(Milestone(
                    code: try row.decode(column: "code", as: String.self), goal: try row.decode(column: "goal_code", as: String.self),
                    name: try row.decode(column: "name", as: String.self), due: try row.decode(column: "due", as: String.self),
                    status: MilestoneStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned
                ))
            }
        }
        var inputs: [String: [GoalStatusRollUp.Input]] = [:]
        for chunk in codes.map({ $0.chunked(500) }) ?? [[]] {
            let query = sql.select()
                .column(SQLColumn("goal_code", table: "indicator_goals"))
                .column(SQLColumn("indicator_code", table: "indicator_goals"))
                .column(SQLColumn("rank", table: "indicators"))
                .column(SQLColumn("name", table: "indicators"))
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
            if codes != nil { query.where(SQLColumn("goal_code", table: "indicator_goals"), .in, SQLBind.group(chunk)) }
            for row in try await query.orderBy(SQLColumn("position", table: "indicator_goals")).all() {
                let status = try row.decode(column: "status", as: String?.self).flatMap(IndicatorStatus.init(rawValue:)) ?? .noData
                inputs[try row.decode(column: "goal_code", as: String.self), default: []].append(GoalStatusRollUp.Input(
                    indicator: try row.decode(column: "indicator_code", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    rank: IndicatorRank(rawValue: try row.decode(column: "rank", as: String.self)) ?? .supporting,
                    status: status
                ))
            }
        }
        // The reasons name sub-goals by name: read for the goals rolled up and the sub-goals beside them.
        var names: [String: String] = [:]
        for chunk in goals.map(\.code).chunked(500) {
            for row in try await sql.select().columns("code", "name").from(GoalModel.schema).where("code", .in, chunk).all() {
                names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        let statuses = GoalTreeStatus.assess(tree: goals, indicators: inputs, milestones: milestones, today: asOf, known: known, names: names)
        let written = goals.filter { only?.contains($0.code) ?? true }
        if let codes {
            for chunk in codes.chunked(500) { try await sql.delete(from: ReadModelTables.goals).where("goal_code", .in, chunk).run() }
        } else {
            try await sql.delete(from: ReadModelTables.goals).run()
        }
        for chunk in written.chunked(200) {
            let insert = sql.insert(into: ReadModelTables.goals).columns("goal_code", "status", "reason")
            for goal in chunk {
                let assessment = statuses[goal.code] ?? StatusAssessment(status: .noData, reason: "")
                insert.values([SQLBind(goal.code), SQLBind(assessment.status.rawValue), SQLBind(assessment.reason)])
            }
            try await insert.run()
        }
    }

    /// The values of these indicators (their total as "", each unit by code), oldest first: only what the analysis
    /// and the integrity checks read, in the order of the measurements' unique key, so the database reads its index
    /// in order. Where a value came from is read only for corrections (the late-revision check asks when).
    static func series(
        of indicators: [Indicator], units: Set<String>?, calendar: FiscalCalendar, on db: any Database
    ) async throws -> [String: [String: [Measurement]]] {
        guard !indicators.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let frequencies = Dictionary(indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { first, _ in first })
        var periods: [PeriodKey: Period] = [:]
        var result: [String: [String: [Measurement]]] = [:]
        var corrections: [(indicator: String, unit: String, index: Int, batch: String)] = []
        // A few indicators per query: the driver hands its rows over all at once, and a row costs far more than the
        // measurement made of it.
        for rows in try await SeriesRow.read(chunks: indicators.map(\.code).chunked(Self.indicatorsPerQuery), units: units, on: sql) {
            for fields in rows {
                let indicator = fields.indicator
                guard let frequency = frequencies[indicator] else { continue }
                let start = fields.start
                let periodKey = PeriodKey(frequency: frequency, start: start)
                let period: Period
                if let known = periods[periodKey] {
                    period = known
                } else {
                    guard let parsed = PeriodStorage.period(start: start, frequency: frequency) else { continue }
                    periods[periodKey] = parsed
                    period = parsed
                }
                let unit = fields.unit
                if fields.revision > 0 {
                    corrections.append((indicator, unit, result[indicator]?[unit]?.count ?? 0, fields.batch))
                }
                result[indicator, default: [:]][unit, default: []].append(Measurement(
                    indicator: indicator, orgUnit: unit.isEmpty ? nil : unit, period: period,
                    value: fields.value, level: fields.level, status: MeasurementStatus(rawValue: fields.status) ?? .final,
                    revision: fields.revision, source: source
                ))
            }
        }
        if !corrections.isEmpty {
            // A few batches among many corrected values: each batch's text parsed once.
            let ids = Set(corrections.map(\.batch)).compactMap { UUID(uuidString: $0) }
            var entered: [String: MeasurementSource] = [:]
            // Through SQLKit: a saved correction asks on every save, and Fluent builds its query by reflection.
            for chunk in ids.chunked(500) {
                let rows = try await sql.select().columns("id", "kind", "label", "entered_by", "entered_at")
                    .from(ImportBatchModel.schema).where("id", .in, chunk).all()
                for row in rows {
                    entered[try row.decode(column: "id", as: UUID.self).uuidString] = MeasurementSource(
                        kind: EntryKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .import,
                        label: try row.decode(column: "label", as: String.self),
                        enteredBy: try row.decode(column: "entered_by", as: String?.self),
                        enteredAt: try row.decode(column: "entered_at", as: Date.self)
                    )
                }
            }
            for correction in corrections {
                if let source = entered[correction.batch] {
                    result[correction.indicator]?[correction.unit]?[correction.index].source = source
                }
            }
        }
        return result
    }

    static let indicatorsPerQuery = 10

    private struct PeriodKey: Hashable {
        var frequency: Frequency
        var start: String
    }

    /// The analysis does not read where a value came from; only a correction's date is looked up.
    private static let source = MeasurementSource(kind: .import, label: "", enteredBy: nil, enteredAt: .distantPast)
}

/// An indicator and the series of it that were read: those of `units`, every unit when nil ("" is its total).
struct ReadSeries {
    var indicator: Indicator
    var units: Set<String>?
    var series: [String: [Measurement]]

    /// The series of `wanted` (every unit when nil), when these hold them all.
    func series(of wanted: Set<String>?) -> [String: [Measurement]]? {
        switch (units, wanted) {
        case (.none, .none): series
        case (.none, .some(let wanted)): series.filter { wanted.contains($0.key) }
        case (.some, .none): nil
        case (.some(let units), .some(let wanted)): wanted.isSubset(of: units) ? series.filter { wanted.contains($0.key) } : nil
        }
    }
}

/// One row of the series query, in the order of the measurements' unique key.
private struct SeriesRow: Sendable {
    var indicator: String
    var unit: String
    var start: String
    var value: Double?
    var level: String?
    var status: String
    var revision: Int
    var batch: String

    static let columns = ["indicator_code", "org_unit_code", "period_start", "value", "level", "status", "revision", "batch_id"]

    /// The rows of `query` on a raw handle. The batch is read only for a correction (the only row that needs it), and
    /// a row's texts equal to the row before's are that row's strings again: a UUID's text is not small enough for
    /// Swift to keep inline, so each would be a string of its own.
    private static func read(_ query: String, _ binds: [String], on db: OpaquePointer) throws -> [SeriesRow] {
        let statement = try SQLiteRawStatement(query, on: db, persistent: false)
        for (index, bind) in binds.enumerated() { statement.bind(Int32(index + 1), bind) }
        var rows: [SeriesRow] = []
        var last = SeriesRow(indicator: "", unit: "", start: "", value: nil, level: nil, status: "", revision: 0, batch: "")
        while try statement.step() {
            let revision = statement.integer(6)
            let row = SeriesRow(
                indicator: statement.text(0, same: last.indicator), unit: statement.text(1, same: last.unit),
                start: statement.text(2), value: statement.isNull(3) ? nil : statement.double(3),
                level: statement.isNull(4) ? nil : statement.text(4), status: statement.text(5, same: last.status),
                revision: revision, batch: revision > 0 ? statement.text(7, same: last.batch) : ""
            )
            rows.append(row)
            last = row
        }
        return rows
    }

    /// PostgreSQL: one row per series, its values gathered into arrays (`array_agg`), as the export reads them
    /// (`PostgresExportPages`, which says why: PostgresNIO's work per row was most of the read). PostgresNIO cannot
    /// decode an array holding a NULL: a NULL value comes as NaN and a NULL level as '', neither of which is ever
    /// stored (values are finite, levels named), where a text of NULL flags per row, as the export reads, more than
    /// doubled the server's time (9.2 ms → 4.1 ms for ten indicators, `EXPLAIN ANALYZE`). A batch comes only for a
    /// correction. The aggregates see the rows in the index's order, the same for every array; a series that came in
    /// another order is sorted (`appendSeries`).
    private static func seriesQuery(units: Bool) -> String {
        """
        SELECT indicator_code, org_unit_code, array_agg(period_start), array_agg(coalesce(value, 'NaN')), \
        array_agg(coalesce(level, '')), array_agg(status), array_agg(revision), \
        array_agg(CASE WHEN revision > 0 THEN batch_id ELSE '' END) \
        FROM \(MeasurementTable.name) WHERE indicator_code = ANY($1)\(units ? " AND org_unit_code = ANY($2)" : "") \
        GROUP BY indicator_code, org_unit_code ORDER BY indicator_code, org_unit_code
        """
    }

    /// The same, but of each series only its periods and values, and whether every value of it is plain: final, of
    /// no level, never corrected, as a bulk load stores them. Three arrays of defaults less to build on the server
    /// (4.1 → 2.8 ms for ten indicators of a thousand values each, `EXPLAIN ANALYZE`) and to decode here; the
    /// indicators with a series that is not plain are read again in full (`seriesQuery`).
    private static func plainSeriesQuery(units: Bool) -> String {
        """
        SELECT indicator_code, org_unit_code, array_agg(period_start), array_agg(coalesce(value, 'NaN')), \
        bool_and(status = '\(MeasurementStatus.final.rawValue)' AND level IS NULL AND revision = 0) \
        FROM \(MeasurementTable.name) WHERE indicator_code = ANY($1)\(units ? " AND org_unit_code = ANY($2)" : "") \
        GROUP BY indicator_code, org_unit_code ORDER BY indicator_code, org_unit_code
        """
    }

    /// Appends one series' rows from its arrays; without `details` (levels, statuses, revisions, batches) every row is
    /// plain (`plainSeriesQuery`).
    private static func appendSeries(
        to rows: inout [SeriesRow], indicator: String, unit: String, starts: [String], values: [Double],
        details: (levels: [String], statuses: [String], revisions: [Int], batches: [String])? = nil
    ) throws {
        let lengths = [values.count] + (details.map { [$0.levels.count, $0.statuses.count, $0.revisions.count, $0.batches.count] } ?? [])
        guard lengths.allSatisfy({ $0 == starts.count }) else {
            throw StoreError.unknown("a series of measurements whose columns differ in length")
        }
        let first = rows.count
        let final = MeasurementStatus.final.rawValue
        for index in starts.indices {
            rows.append(SeriesRow(
                indicator: indicator, unit: unit, start: starts[index], value: values[index].isNaN ? nil : values[index],
                level: details.flatMap { $0.levels[index].isEmpty ? nil : $0.levels[index] }, status: details?.statuses[index] ?? final,
                revision: details?.revisions[index] ?? 0, batch: details?.batches[index] ?? ""
            ))
        }
        if !zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) { rows[first...].sort { $0.start < $1.start } }
    }

    /// The rows of each chunk of indicators, in the order of `chunks`. PostgreSQL is sent every query at once: the
    /// server works through them one after the other while the rows of those before are decoded here, where asking
    /// for each only once the one before was read left the server waiting on the decoding.
    static func read(chunks: [[String]], units: Set<String>?, on sql: any SQLDatabase) async throws -> [[SeriesRow]] {
        guard chunks.count > 1, sql is any PostgresDatabase else {
            var result: [[SeriesRow]] = []
            for codes in chunks { result.append(try await read(indicators: codes, units: units, on: sql)) }
            return result
        }
        return try await withThrowingTaskGroup(of: (Int, [SeriesRow]).self) { group in
            for (index, codes) in chunks.enumerated() {
                group.addTask { (index, try await read(indicators: codes, units: units, on: sql)) }
            }
            var result = [[SeriesRow]](repeating: [], count: chunks.count)
            for try await (index, rows) in group { result[index] = rows }
            return result
        }
    }

    static func read(indicators codes: [String], units: Set<String>?, on sql: any SQLDatabase) async throws -> [SeriesRow] {
        if let sqlite = sql as? any SQLiteDatabase {
            // Stepped on the connection's handle, the columns read by position (`SQLiteHandle`): a rebuild or a
            // bulk load reads every stored value back this way.
            var query = "SELECT \(columns.joined(separator: ", ")) FROM \(MeasurementTable.name)"
                + " WHERE indicator_code IN (\(Array(repeating: "?", count: codes.count).joined(separator: ", ")))"
            var binds = codes
            if let units {
                let sorted = units.sorted()
                query += " AND org_unit_code IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))"
                binds += sorted
            }
            query += " ORDER BY indicator_code, org_unit_code, period_start"
            if let rows = try await SQLiteHandle.run(on: sqlite, { [query, binds] handle in try read(query, binds, on: handle) }) {
                return rows
            }
        }
        if let postgres = sql as? any PostgresDatabase {
            var binds = [PostgresData(array: codes.map { PostgresData(string: $0) }, elementType: .text)]
            if let units { binds.append(PostgresData(array: units.sorted().map { PostgresData(string: $0) }, elementType: .text)) }
            var result: [SeriesRow] = []
            var plain: [(indicator: String, unit: String, starts: [String], values: [Double])] = []
            // One indicator (a saved value's) is read in full at once: a saved correction is never plain, and the
            // plain read first would cost it a second round trip.
            var full = codes.count == 1 ? Set(codes) : []
            for row in full.isEmpty ? try await postgres.query(plainSeriesQuery(units: units != nil), binds).get().rows : [] {
                var cells = row.makeIterator()
                guard let indicator = cells.next(), let unit = cells.next(), let starts = cells.next(), let values = cells.next(),
                      let isPlain = cells.next()
                else { throw StoreError.unknown("a series of measurements without its five columns") }
                let code = try indicator.decode(String.self)
                guard try isPlain.decode(Bool.self) else {
                    full.insert(code)
                    continue
                }
                plain.append((code, try unit.decode(String.self), try PostgresArrays.texts(starts), try PostgresArrays.doubles(values)))
            }
            for series in plain where !full.contains(series.indicator) {
                try appendSeries(to: &result, indicator: series.indicator, unit: series.unit, starts: series.starts, values: series.values)
            }
            guard !full.isEmpty else { return result }
            binds[0] = PostgresData(array: full.sorted().map { PostgresData(string: $0) }, elementType: .text)
            for row in try await postgres.query(seriesQuery(units: units != nil), binds).get().rows {
                var cells = row.makeIterator()
                guard let indicator = cells.next(), let unit = cells.next(), let starts = cells.next(), let values = cells.next(),
                      let levels = cells.next(), let statuses = cells.next(), let revisions = cells.next(),
                      let batches = cells.next()
                else { throw StoreError.unknown("a series of measurements without its eight columns") }
                try appendSeries(
                    to: &result, indicator: indicator.decode(String.self), unit: unit.decode(String.self),
                    starts: PostgresArrays.texts(starts), values: PostgresArrays.doubles(values),
                    details: (
                        PostgresArrays.texts(levels), PostgresArrays.texts(statuses), PostgresArrays.integers(revisions),
                        PostgresArrays.texts(batches)
                    )
                )
            }
            return result
        }
        let query = sql.select().columns(columns).from(MeasurementTable.name).where("indicator_code", .in, codes)
        if let units { query.where("org_unit_code", .in, Array(units)) }
        return try await query.orderBy("indicator_code").orderBy("org_unit_code").orderBy("period_start").all().map { row in
            SeriesRow(
                indicator: try row.decode(column: "indicator_code", as: String.self),
                unit: try row.decode(column: "org_unit_code", as: String.self),
                start: try row.decode(column: "period_start", as: String.self),
                value: try row.decode(column: "value", as: Double?.self),
                level: try row.decode(column: "level", as: String?.self),
                status: try row.decode(column: "status", as: String.self),
                revision: try row.decode(column: "revision", as: Int.self),
                batch: try row.decode(column: "batch_id", as: String.self)
            )
        }
    }
}
