import FluentKit
import GoalStatCore
import SQLKit

/// Explicit removal of a framework record (SPEC §3.2: an import never deletes; removal is explicit, in the UI or
/// API). A record still referred to is refused with what refers to it, so nothing a user entered is silently lost.
extension FrameworkStore {
    public enum RemovableKind: String, Sendable, CaseIterable {
        case orgUnit, person, goal, indicator, milestone
    }

    /// Removes one record, or throws `FrameworkRemovalError` naming what still refers to it. The audit log records
    /// the removal (old → nothing, in `audit`'s name) of the record and of every record that went with it, such as
    /// an indicator's targets and rebases. Call inside a transaction.
    public static func remove(_ kind: RemovableKind, key: String, audit: AuditContext, on db: any Database) async throws {
        let document = try await exportDocument(on: db)
        let blockers = try await references(to: kind, key: key, in: document, on: db)
        guard blockers.isEmpty else { throw FrameworkRemovalError(kind: kind, key: key, referencedBy: blockers) }
        switch kind {
        case .orgUnit: try await OrgUnitModel.query(on: db).filter(\.$code == key).delete()
        case .person: try await PersonModel.query(on: db).filter(\.$email == key).delete()
        case .goal: try await GoalModel.query(on: db).filter(\.$code == key).delete()
        case .milestone: try await MilestoneModel.query(on: db).filter(\.$code == key).delete()
        case .indicator:
            try await IndicatorGoalModel.query(on: db).filter(\.$indicatorCode == key).delete()
            try await RebaseModel.query(on: db).filter(\.$indicatorCode == key).delete()
            // Its targets go with it: they mean nothing without the indicator, and it has no values to judge.
            try await TargetModel.query(on: db).filter(\.$indicatorCode == key).delete()
            try await IndicatorModel.query(on: db).filter(\.$code == key).delete()
        }
        if kind == .indicator { ReadModelChanges.mark(indicators: [key]) }
        ReadModelChanges.markGoals()
        // Diffing the whole framework names whatever went, so a new cascade above cannot go unrecorded.
        let after = try await exportDocument(on: db)
        try await AuditLog.record(FrameworkAudit.entries(from: document, to: after, context: audit), on: db)
    }

    /// Removes the link from `driver` to `result`, with its audit entry; false when there is none. Nothing refers
    /// to a link, so nothing can block it. Call inside a transaction.
    public static func removeLink(driver: String, result: String, audit: AuditContext, on db: any Database) async throws -> Bool {
        let rows = try await IndicatorLinkModel.query(on: db).filter(\.$driverCode == driver).filter(\.$resultCode == result).all()
        guard !rows.isEmpty else { return false }
        try await IndicatorLinkModel.query(on: db).filter(\.$driverCode == driver).filter(\.$resultCode == result).delete()
        ReadModelChanges.markShown()
        ReadModelChanges.markGoals()
        try await AuditLog.record(FrameworkAudit.entries(from: FrameworkDocument(links: rows.map(\.domain)), to: FrameworkDocument(), context: audit), on: db)
        return true
    }

    /// The code of the plan, if one is stored.
    public static func planCode(on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        return try await sql.select().column("code").from(PlanModel.schema).limit(1).first()?.decode(column: "code", as: String.self)
    }

    /// What still refers to a record (empty when it may be removed), for a page that asks before removing.
    public static func blockers(of kind: RemovableKind, key: String, on db: any Database) async throws -> [String] {
        try await references(to: kind, key: key, in: try await exportDocument(on: db), on: db)
    }

    private static func references(to kind: RemovableKind, key: String, in document: FrameworkDocument, on db: any Database) async throws -> [String] {
        var found: [String] = []
        switch kind {
        case .orgUnit:
            found += document.orgUnits.filter { $0.parent == key }.map { "org unit \($0.code)" }
            found += document.people.filter { $0.orgUnit == key }.map { "person \($0.email)" }
            found += document.goals.filter { $0.orgUnit == key }.map { "goal \($0.code)" }
            found += document.indicators.filter { $0.orgUnit == key }.map { "indicator \($0.code)" }
            found += document.targets.filter { $0.orgUnit == key }.map { "a target of \($0.indicator)" }
            if try await measurementCount(column: "org_unit_code", equals: key, on: db) > 0 { found.append("measurements of this unit") }
        case .person:
            found += document.goals.filter { $0.leader == key || $0.deputies.contains(key) }.map { "goal \($0.code)" }
            found += document.indicators.filter { $0.steward == key }.map { "indicator \($0.code)" }
            found += document.targets.filter { $0.setBy == key }.map { "a target of \($0.indicator)" }
        case .goal:
            found += document.goals.filter { $0.parent == key }.map { "goal \($0.code)" }
            found += document.indicators.filter { $0.goals.contains(key) }.map { "indicator \($0.code)" }
            found += document.milestones.filter { $0.goal == key }.map { "milestone \($0.code)" }
            found += document.narratives.filter { $0.goal == key }.map { "a narrative for \($0.period)" }
        case .indicator:
            found += document.links.filter { $0.driver == key || $0.result == key }.map { "the link \($0.driver) → \($0.result)" }
            found += document.indicators.filter { indicator in
                indicator.formula.map { (try? Formula.parse($0).get())?.references.contains(key) ?? false } ?? false
            }.map { "the formula of \($0.code)" }
            if try await measurementCount(column: "indicator_code", equals: key, on: db) > 0 { found.append("its measurements") }
        case .milestone:
            break
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }

    private static func measurementCount(column: String, equals key: String, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(MeasurementTable.name).where(SQLIdentifier(column), .equal, key).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

/// A record that cannot be removed because others still refer to it.
public struct FrameworkRemovalError: Error, Sendable, Equatable {
    public var kind: FrameworkStore.RemovableKind
    public var key: String
    public var referencedBy: [String]

    public var message: String {
        "\(key) is still referred to by \(referencedBy.prefix(5).joined(separator: ", "))\(referencedBy.count > 5 ? " and \(referencedBy.count - 5) more" : ""); remove or change those first"
    }
}
