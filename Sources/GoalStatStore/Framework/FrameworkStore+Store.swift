import FluentKit
import FluentSQLiteDriver
import Foundation
import GoalStatCore
import SQLKit

extension FrameworkStore {
    /// Rows per multi-row INSERT: the widest model (an indicator, about 25 columns) stays far below SQLite's
    /// 32,766 and PostgreSQL's 65,535 bound values per statement.
    static let insertChunk = 500

    /// Stores a validated document: each kind's stored rows are read once into a dictionary by key, new rows are
    /// added with multi-row INSERTs, and only the rows that change are updated (SPEC §8: 2,000 indicators with their
    /// targets in under 2 s). Returns the counts and, for the audit, the stored version of every record it changed
    /// and the version after, periods printed as `labels` says.
    static func store(
        _ document: FrameworkDocument, calendar: FiscalCalendar, labels: Reporting, on db: any Database
    ) async throws -> (summary: FrameworkImportSummary, before: FrameworkDocument, after: FrameworkDocument) {
        var summary = FrameworkImportSummary()
        var before = FrameworkDocument(), after = FrameworkDocument()

        (before.orgUnits, after.orgUnits) = try await upsert(
            document.orgUnits, kind: "orgUnits", summary: &summary, on: db,
            key: \.code, rowKey: \.code, make: OrgUnitModel.init, current: \.domain, apply: { $0.apply($1) }, position: { $0.position = $1 })
        (before.people, after.people) = try await upsert(
            document.people, kind: "people", summary: &summary, on: db,
            key: \.email, rowKey: \.email, make: PersonModel.init, current: \.domain, apply: { $0.apply($1) }, position: { $0.position = $1 })
        if let plan = document.plan {
            let (old, new) = try await upsert(
                [plan], kind: "plan", summary: &summary, on: db,
                key: \.code, rowKey: \.code, make: PlanModel.init, current: \.domain, apply: { $0.apply($1) }, position: { _, _ in })
            (before.plan, after.plan) = (old.first, new.first)
        }
        (before.goals, after.goals) = try await upsert(
            document.goals, kind: "goals", summary: &summary, on: db,
            key: \.code, rowKey: \.code, make: { let model = GoalModel(); model.version = 1; return model }, current: \.domain,
            apply: { model, goal in model.apply(goal); model.version += model.id == nil ? 0 : 1 }, position: { $0.position = $1 })
        (before.indicators, after.indicators) = try await importIndicators(document.indicators, summary: &summary, on: db)
        (before.links, after.links) = try await upsert(
            document.links, kind: "links", summary: &summary, on: db,
            key: FrameworkAudit.key(of:), rowKey: { FrameworkAudit.key(of: $0.domain) },
            make: IndicatorLinkModel.init, current: \.domain, apply: { $0.apply($1) }, position: { $0.position = $1 })
        (before.targets, after.targets) = try await importTargets(document.targets, calendar: calendar, labels: labels, summary: &summary, on: db)
        (before.milestones, after.milestones) = try await upsert(
            document.milestones, kind: "milestones", summary: &summary, on: db,
            key: \.code, rowKey: \.code, make: MilestoneModel.init, current: \.domain, apply: { $0.apply($1) }, position: { $0.position = $1 })
        (before.narratives, after.narratives) = try await importNarratives(
            document.narratives, calendar: calendar, labels: labels, summary: &summary, on: db)
        (before.rebases, after.rebases) = try await importRebases(document.rebases, calendar: calendar, labels: labels, summary: &summary, on: db)
        return (summary, before, after)
    }

    /// Adds what is new, updates what changed, and counts what is the same; returns the records it changed as they
    /// were and as they are.
    private static func upsert<Record: Equatable, Row: Model>(
        _ records: [Record], kind: String, summary: inout FrameworkImportSummary, on db: any Database,
        key: (Record) -> String, rowKey: (Row) -> String, make: () -> Row, current: (Row) -> Record,
        apply: (Row, Record) -> Void, position: @escaping (Row, Int) -> Void
    ) async throws -> (before: [Record], after: [Record]) {
        var changes = RowChanges<Row, Record>(try await Row.query(on: db).all(), key: rowKey)
        for record in records {
            try changes.record(
                key: key(record), kind: kind, summary: &summary, make: make,
                isSame: { current($0) == record }, apply: { apply($0, record) }, position: position, audited: current
            )
        }
        let audit = changes.audit(current)
        try await changes.save(on: db)
        return audit
    }

    private static func importIndicators(
        _ indicators: [Indicator], summary: inout FrameworkImportSummary, on db: any Database
    ) async throws -> (before: [Indicator], after: [Indicator]) {
        let links = try await IndicatorGoalModel.query(on: db).sort(\.$position).all()
        var goals = Dictionary(grouping: links, by: \.indicatorCode).mapValues { $0.map(\.goalCode) }
        var changes = RowChanges<IndicatorModel, Indicator>(try await IndicatorModel.query(on: db).all(), key: \.code)
        for indicator in indicators {
            let stored = goals[indicator.code] ?? []
            let applied = try changes.record(
                key: indicator.code, kind: "indicators", summary: &summary,
                make: { let row = IndicatorModel(); row.version = 0; return row },
                isSame: { $0.domain(goals: stored) == indicator },
                apply: { row in
                    row.apply(indicator)
                    row.version += 1
                },
                position: { $0.position = $1 }, audited: { $0.domain(goals: stored) }
            )
            if applied { goals[indicator.code] = indicator.goals }
        }
        let audit = changes.audit { $0.domain(goals: goals[$0.code] ?? []) }
        try await changes.save(on: db)

        // The goal list is a field of the indicator: it is replaced as a whole for every indicator that changed.
        let changed = changes.touchedRows.map(\.code)
        for start in stride(from: 0, to: changed.count, by: insertChunk) {
            let codes = Array(changed[start..<min(start + insertChunk, changed.count)])
            try await IndicatorGoalModel.query(on: db).filter(\.$indicatorCode ~~ codes).delete()
        }
        let newLinks = changes.touchedRows.flatMap { row in
            (goals[row.code] ?? []).enumerated().map { position, goal in
                let link = IndicatorGoalModel()
                link.indicatorCode = row.code
                link.goalCode = goal
                link.position = position
                return link
            }
        }
        try await createInChunks(newLinks, on: db)
        return audit
    }

    private static func importTargets(
        _ targets: [Target], calendar: FiscalCalendar, labels: Reporting, summary: inout FrameworkImportSummary, on db: any Database
    ) async throws -> (before: [Target], after: [Target]) {
        var changes = RowChanges<TargetModel, Target>(try await TargetModel.query(on: db).all()) {
            targetKey($0.indicatorCode, $0.orgUnitCode, $0.periodStart, $0.periodEnd, $0.setOn)
        }
        for target in targets {
            let period = try Period.parse(target.period, calendar: calendar)
            let probe = TargetModel()
            probe.apply(target, period: period)
            try changes.record(
                key: targetKey(probe.indicatorCode, probe.orgUnitCode, probe.periodStart, probe.periodEnd, probe.setOn),
                kind: "targets", summary: &summary, make: TargetModel.init,
                isSame: { $0.domain(calendar: calendar, fiscal: false) == probe.domain(calendar: calendar, fiscal: false) },
                apply: { $0.apply(target, period: period) }, position: nil,
                audited: { $0.domain(calendar: labels.calendar, fiscal: labels.fiscal) }
            )
        }
        let audit = changes.audit { $0.domain(calendar: labels.calendar, fiscal: labels.fiscal) }
        try await changes.save(on: db)
        return audit
    }

    private static func targetKey(_ parts: String...) -> String {
        parts.joined(separator: "\u{1F}")
    }

    private static func importNarratives(
        _ narratives: [Narrative], calendar: FiscalCalendar, labels: Reporting, summary: inout FrameworkImportSummary, on db: any Database
    ) async throws -> (before: [Narrative], after: [Narrative]) {
        var changes = RowChanges<NarrativeModel, Narrative>(try await NarrativeModel.query(on: db).all()) {
            targetKey($0.goalCode, $0.periodStart, $0.periodEnd)
        }
        for narrative in narratives {
            let period = try Period.parse(narrative.period, calendar: calendar)
            let probe = NarrativeModel()
            probe.apply(narrative, period: period)
            try changes.record(
                key: targetKey(probe.goalCode, probe.periodStart, probe.periodEnd), kind: "narratives", summary: &summary,
                make: NarrativeModel.init,
                isSame: { $0.domain(calendar: calendar, fiscal: false) == probe.domain(calendar: calendar, fiscal: false) },
                apply: { $0.apply(narrative, period: period) }, position: nil,
                audited: { $0.domain(calendar: labels.calendar, fiscal: labels.fiscal) }
            )
        }
        let audit = changes.audit { $0.domain(calendar: labels.calendar, fiscal: labels.fiscal) }
        try await changes.save(on: db)
        return audit
    }

    private static func importRebases(
        _ rebases: [Rebase], calendar: FiscalCalendar, labels: Reporting, summary: inout FrameworkImportSummary, on db: any Database
    ) async throws -> (before: [Rebase], after: [Rebase]) {
        let reporting = Reporting(calendar: calendar, fiscal: false)
        var changes = RowChanges<RebaseModel, Rebase>(try await RebaseModel.query(on: db).all()) {
            targetKey($0.indicatorCode, $0.orgUnitCode, $0.periodStart)
        }
        for rebase in rebases {
            let period = try Period.parse(rebase.period, calendar: calendar)
            let probe = RebaseModel()
            probe.apply(rebase, period: period)
            try changes.record(
                key: targetKey(probe.indicatorCode, probe.orgUnitCode, probe.periodStart), kind: "rebases", summary: &summary,
                make: RebaseModel.init,
                isSame: { $0.domain(reporting: reporting) == probe.domain(reporting: reporting) },
                apply: { $0.apply(rebase, period: period) }, position: nil, audited: { $0.domain(reporting: labels) }
            )
        }
        let audit = changes.audit { $0.domain(reporting: labels) }
        try await changes.save(on: db)
        return audit
    }

    /// Multi-row INSERTs of `insertChunk` rows each (on SQLite one INSERT stepped per row). On SQL databases each
    /// row's values are bound as Fluent binds them, through SQLKit: read from the fields for a `FrameworkRowValues`
    /// model, collected once through Fluent's input otherwise. Fluent's own batch create reflects over every model
    /// several times (middleware, timestamps, input), which made it most of a 2,000-indicator import.
    static func createInChunks<Row: Model>(_ rows: [Row], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, !rows.isEmpty else {
            for start in stride(from: 0, to: rows.count, by: insertChunk) {
                try await Array(rows[start..<min(start + insertChunk, rows.count)]).create(on: db)
            }
            return
        }
        for row in rows where row.id == nil {
            if let id = UUID() as? Row.IDValue { row.id = id }
        }
        if let rows = rows as? [any FrameworkRowValues], let first = rows.first {
            try await insert(into: Row.schema, columns: type(of: first).insertColumns, rows.map { $0.insertValues }, on: sql)
        } else {
            try await insertCollected(rows, on: sql)
        }
        for row in rows { row._$idExists = true }
    }

    /// On SQLite one INSERT prepared once and stepped per row (`SQLiteRowInsert`), multi-row INSERTs otherwise.
    private static func insert(
        into table: String, columns: [String], _ values: [[any SQLExpression]], on sql: any SQLDatabase
    ) async throws {
        if let sqlite = sql as? any SQLiteDatabase, try await SQLiteRowInsert.insert(into: table, columns: columns, values, on: sqlite) {
            return
        }
        for start in stride(from: 0, to: values.count, by: insertChunk) {
            let insert = sql.insert(into: table).columns(columns)
            for rowValues in values[start..<min(start + insertChunk, values.count)] { insert.values(rowValues) }
            try await insert.run()
        }
    }

    /// The values Fluent's model would write, collected by its reflection, for the models without `FrameworkRowValues`.
    private static func insertCollected<Row: Model>(_ rows: [Row], on sql: any SQLDatabase) async throws {
        var groups: [[String]: [[any SQLExpression]]] = [:]
        var order: [[String]] = []
        for row in rows {
            let input = CollectedInput()
            row.input(to: input)
            let columns = input.values.map(\.key)
            if groups[columns] == nil { order.append(columns) }
            groups[columns, default: []].append(try input.values.map { try sqlValue($0.value) })
        }
        for columns in order {
            try await insert(into: Row.schema, columns: columns, groups[columns] ?? [], on: sql)
        }
    }

    /// A value as FluentSQL writes it.
    private static func sqlValue(_ value: DatabaseQuery.Value) throws -> any SQLExpression {
        switch value {
        case .bind(let encodable): return SQLBind(encodable)
        case .null: return SQLLiteral.null
        case .default: return SQLLiteral.default
        default: throw StoreError.unknown("a framework row holds a value of a kind Fluent writes otherwise: \(value)")
        }
    }
}

/// The columns and values a model writes, in the order it declares them.
final class CollectedInput: DatabaseInput {
    var values: [(key: String, value: DatabaseQuery.Value)] = []

    func set(_ value: DatabaseQuery.Value, at key: FieldKey) {
        values.append((key.description, value))
    }
}

/// One kind's stored rows by key, and what an import does to them: which it adds, which it changes (and how each
/// was before its first change, as the audit prints it), in the order the document names them.
private struct RowChanges<Row: Model, Audited> {
    private var rows: [String: Row]
    private var nextPosition: Int
    /// Keys of the rows added or changed, first touch first.
    private var touched: [String] = []
    private var touchedKeys: Set<String> = []
    /// Each changed stored row as it was before its first change.
    private var originals: [String: Audited] = [:]
    private var added: [Row] = []
    private var updated: [Row] = []

    init(_ stored: [Row], key: (Row) -> String) {
        rows = Dictionary(stored.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        nextPosition = stored.count
    }

    /// Counts the record as added, updated or unchanged and applies it; `audited` prints a stored row before it changes.
    /// Returns whether the record was applied (added or updated).
    @discardableResult
    mutating func record(
        key: String, kind: String, summary: inout FrameworkImportSummary, make: () -> Row,
        isSame: (Row) throws -> Bool, apply: (Row) -> Void, position: ((Row, Int) -> Void)?, audited: (Row) -> Audited
    ) throws -> Bool {
        if let existing = rows[key] {
            if try isSame(existing) {
                summary.record(kind, .unchanged)
                return false
            }
            if existing.id != nil, originals[key] == nil {
                originals[key] = audited(existing)
                updated.append(existing)
            }
            apply(existing)
            summary.record(kind, .updated)
        } else {
            let row = make()
            apply(row)
            position?(row, nextPosition)
            nextPosition += 1
            rows[key] = row
            added.append(row)
            summary.record(kind, .added)
        }
        if touchedKeys.insert(key).inserted { touched.append(key) }
        return true
    }

    /// The rows added or changed, in the order the document first named them.
    var touchedRows: [Row] { touched.compactMap { rows[$0] } }

    /// The changed records as they were and, through `audited`, as they are now.
    func audit(_ audited: (Row) -> Audited) -> (before: [Audited], after: [Audited]) {
        (touched.compactMap { originals[$0] }, touchedRows.map(audited))
    }

    /// Updates the changed rows one by one and adds the new ones (`FrameworkStore.createInChunks`).
    func save(on db: any Database) async throws {
        for row in updated { try await row.update(on: db) }
        try await FrameworkStore.createInChunks(added, on: db)
    }
}
