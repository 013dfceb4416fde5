import FluentKit
import Foundation
import GoalStatCore

/// The append-only audit log: entries are recorded and read, never changed or removed (triggers enforce it too).
public enum AuditLog {
    /// Appends entries, keeping their order. Call inside the transaction that makes the change, so that a change
    /// and its record are stored together or not at all.
    public static func record(_ entries: [AuditEntry], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        // A running number orders entries made at the same instant (one clock reading per request). Two concurrent
        // writers may read the same maximum; their entries then tie, which is no worse than their real order.
        let next = (try await AuditEntryModel.query(on: db).max(\.$sequence) ?? -1) + 1
        let models = entries.enumerated().map { AuditEntryModel($0.element, sequence: next + $0.offset) }
        try await models.create(on: db)
    }

    /// The history of one record, oldest first.
    public static func entries(entity: AuditEntityKind, key: String, on db: any Database) async throws -> [AuditEntry] {
        try await oldestFirst(AuditEntryModel.query(on: db).filter(\.$entityKind == entity.rawValue).filter(\.$entityKey == key))
    }

    /// Everything one person changed, oldest first.
    public static func entries(by actor: String, on db: any Database) async throws -> [AuditEntry] {
        try await oldestFirst(AuditEntryModel.query(on: db).filter(\.$actor == UserAccount.normalizedEmail(actor)))
    }

    /// One page of the whole log, newest first (`page` counts from 1, as in the API's lists).
    public static func all(page: Int = 1, per: Int = 100, on db: any Database) async throws -> AuditPage {
        let page = max(page, 1)
        let per = min(max(per, 1), 1000)
        let total = try await AuditEntryModel.query(on: db).count()
        let models = try await AuditEntryModel.query(on: db)
            .sort(\.$at, .descending).sort(\.$sequence, .descending)
            .range(((page - 1) * per)..<(page * per)).all()
        return AuditPage(items: models.map(\.domain), total: total, page: page, per: per)
    }

    /// The whole log (or the given entries) as CSV, oldest first.
    public static func csv(on db: any Database) async throws -> String {
        csv(try await oldestFirst(AuditEntryModel.query(on: db)))
    }

    private static func oldestFirst(_ query: QueryBuilder<AuditEntryModel>) async throws -> [AuditEntry] {
        try await query.sort(\.$at).sort(\.$sequence).all().map(\.domain)
    }
}

/// One page of the audit log, in the API's list shape.
public struct AuditPage: Sendable, Equatable {
    public var items: [AuditEntry]
    public var total: Int
    public var page: Int
    public var per: Int
}

extension AuditEntryModel {
    convenience init(_ entry: AuditEntry, sequence: Int) {
        self.init()
        at = entry.at
        actor = entry.actor.map(UserAccount.normalizedEmail)
        entityKind = entry.entity.rawValue
        entityKey = entry.key
        field = entry.field
        oldValue = entry.oldValue
        newValue = entry.newValue
        source = entry.source.rawValue
        batchID = entry.batch
        self.sequence = sequence
    }

    var domain: AuditEntry {
        AuditEntry(
            actor: actor, at: at, entity: AuditEntityKind(rawValue: entityKind), key: entityKey, field: field,
            oldValue: oldValue, newValue: newValue, source: AuditSource(rawValue: source) ?? .system, batch: batchID
        )
    }
}
