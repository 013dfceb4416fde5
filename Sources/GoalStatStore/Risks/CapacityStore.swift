import FluentKit
import Foundation
import GoalStatCore

/// Capacity requests. Writes are called inside a transaction and record their audit entries in it; the rules
/// (`CapacityRules`) and whether the unit and goal exist are checked by the caller.
public enum CapacityStore {
    public static func add(_ request: CapacityRequest, audit: AuditContext, on db: any Database) async throws {
        try await CapacityRequestModel(request).create(on: db)
        try await AuditLog.record([audit.entry(.capacityRequest, key: request.id.uuidString, field: "", old: nil, new: JSONColumn.encode(request))], on: db)
    }

    /// Stores a request after its decision or an update; the status, decision and update are audited.
    public static func save(_ request: CapacityRequest, audit: AuditContext, on db: any Database) async throws {
        guard let model = try await CapacityRequestModel.find(request.id, on: db), let old = model.domain else { return }
        model.apply(request)
        try await model.update(on: db)
        var entries: [AuditEntry] = []
        if old.status != request.status {
            entries.append(audit.entry(.capacityRequest, key: request.id.uuidString, field: "status", old: old.status.rawValue, new: request.status.rawValue))
        }
        if old.decision != request.decision {
            entries.append(audit.entry(.capacityRequest, key: request.id.uuidString, field: "decision", old: old.decision, new: request.decision))
        }
        if request.updates.count > old.updates.count, let update = request.updates.last {
            entries.append(audit.entry(.capacityRequest, key: request.id.uuidString, field: "updates", old: nil, new: update.text))
        }
        if !entries.isEmpty { try await AuditLog.record(entries, on: db) }
    }

    public static func request(_ id: UUID, on db: any Database) async throws -> CapacityRequest? {
        try await CapacityRequestModel.find(id, on: db)?.domain
    }

    /// The requests of these units (nil: every unit), newest first; only those still on the agenda when `openOnly`.
    public static func requests(units: Set<String>?, openOnly: Bool = false, on db: any Database) async throws -> [CapacityRequest] {
        if let units, units.isEmpty { return [] }
        let query = CapacityRequestModel.query(on: db)
        if let units { query.filter(\.$orgUnitCode ~~ Array(units)) }
        if openOnly {
            query.filter(\.$status ~~ [CapacityStatus.open, .granted, .partlyGranted].map(\.rawValue))
        }
        return try await query.sort(\.$requestedOn, .descending).all().compactMap(\.domain)
    }
}
