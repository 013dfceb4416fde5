import FluentKit
import Foundation
import GoalStatCore

/// The risk register. Writes are called inside a transaction (`Transactions.run`) and record their audit entries in
/// it; the rules (`RiskRules`) and whether the goal and owner exist are checked by the caller.
public enum RiskStore {
    public static func open(_ risk: Risk, audit: AuditContext, on db: any Database) async throws {
        try await RiskModel(risk).create(on: db)
        try await AuditLog.record([audit.entry(.risk, key: risk.id.uuidString, field: "", old: nil, new: JSONColumn.encode(risk))], on: db)
    }

    /// Replaces a risk with its revised version (see `RiskRules.revised`); each changed field is audited.
    public static func revise(_ risk: Risk, audit: AuditContext, on db: any Database) async throws {
        guard let model = try await RiskModel.find(risk.id, on: db), let old = model.domain else { return }
        model.apply(risk)
        try await model.update(on: db)
        let fields: [(String, String?, String?)] = [
            ("title", old.title, risk.title), ("description", old.description, risk.description),
            ("likelihood", String(old.likelihood), String(risk.likelihood)), ("impact", String(old.impact), String(risk.impact)),
            ("owner", old.owner, risk.owner), ("mitigation", old.mitigation, risk.mitigation),
            ("status", old.status.rawValue, risk.status.rawValue), ("reviewOn", old.reviewOn, risk.reviewOn),
            ("goal", old.goal, risk.goal),
        ]
        let entries = fields.filter { $0.1 != $0.2 }.map { audit.entry(.risk, key: risk.id.uuidString, field: $0.0, old: $0.1, new: $0.2) }
        if !entries.isEmpty { try await AuditLog.record(entries, on: db) }
    }

    public static func risk(_ id: UUID, on db: any Database) async throws -> Risk? {
        try await RiskModel.find(id, on: db)?.domain
    }

    /// The risks of these goals (nil: of every goal), highest score first; closed ones only when asked for.
    public static func risks(goals: Set<String>?, includeClosed: Bool = false, on db: any Database) async throws -> [Risk] {
        if let goals, goals.isEmpty { return [] }
        let query = RiskModel.query(on: db)
        if let goals { query.filter(\.$goalCode ~~ Array(goals)) }
        if !includeClosed { query.filter(\.$status != RiskStatus.closed.rawValue) }
        return try await query.sort(\.$score, .descending).sort(\.$goalCode).all().compactMap(\.domain)
    }

    /// The open risks a person owns, soonest review first.
    public static func risks(ownedBy owner: String, on db: any Database) async throws -> [Risk] {
        try await RiskModel.query(on: db).filter(\.$owner == owner).filter(\.$status != RiskStatus.closed.rawValue)
            .all().compactMap(\.domain).sorted { ($0.reviewOn ?? "9999") < ($1.reviewOn ?? "9999") }
    }
}
