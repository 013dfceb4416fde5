import FluentKit
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
import SQLKit
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
        // One INSERT per chunk: 11 binds a row keeps each statement below SQLite's 32,766 variables.
        guard let sql = db as? any SQLDatabase else {
            let models = entries.enumerated().map { AuditEntryModel($0.element, sequence: next + $0.offset) }
            for start in stride(from: 0, to: models.count, by: 1_000) {
                try await models[start..<min(start + 1_000, models.count)].create(on: db)
            }
            return
        }
        if let sqlite = db as? any SQLiteDatabase {
            try await recordOnSQLite(entries, firstSequence: next, on: sqlite)
            return
        }
        if let postgres = db as? any PostgresDatabase {
            try await recordOnPostgres(entries, firstSequence: next, on: postgres)
            return
        }
        // Through SQLKit, with the values bound as Fluent binds them: a framework import writes tens of thousands of
        // entries, and Fluent's per-model reflection made that most of its time (docs/benchmarks.md).
        for start in stride(from: 0, to: entries.count, by: 1_000) {
            let insert = sql.insert(into: AuditEntryModel.schema).columns(
                "id", "at", "actor", "entity_kind", "entity_key", "field", "old_value", "new_value", "source", "batch_id", "sequence"
            )
            for offset in start..<min(start + 1_000, entries.count) {
                let entry = entries[offset]
                insert.values([
                    SQLBind(UUID()), SQLBind(entry.at), SQLBind(entry.actor.map(UserAccount.normalizedEmail)),
                    SQLBind(entry.entity.rawValue), SQLBind(entry.key), SQLBind(entry.field), SQLBind(entry.oldValue),
                    SQLBind(entry.newValue), SQLBind(entry.source.rawValue), SQLBind(entry.batch), SQLBind(next + offset),
                ] as [any SQLExpression])
            }
            try await insert.run()
        }
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
        try await search(AuditFilter(), page: page, per: per, on: db)
    }

    /// One page of the entries the filter selects, newest first (`page` counts from 1, `per` is 1…1000).
    public static func search(_ filter: AuditFilter, page: Int = 1, per: Int = 100, on db: any Database) async throws -> AuditPage {
        let page = max(page, 1)
        let per = min(max(per, 1), 1000)
        let total = try await query(filter, on: db).count()
        let models = try await query(filter, on: db)
            .sort(\.$at, .descending).sort(\.$sequence, .descending)
            .range(((page - 1) * per)..<(page * per)).all()
        return AuditPage(items: models.map(\.domain), total: total, page: page, per: per)
    }

    /// The whole log as CSV, oldest first.
    public static func csv(on db: any Database) async throws -> String {
        try await csv(filter: AuditFilter(), on: db)
    }

    /// The entries the filter selects as CSV, oldest first: the export of what `search` pages through.
    public static func csv(filter: AuditFilter, on db: any Database) async throws -> String {
        csv(try await oldestFirst(query(filter, on: db)))
    }

    private static func query(_ filter: AuditFilter, on db: any Database) -> QueryBuilder<AuditEntryModel> {
        // The general log (its page, export and API, read by the PIO and admins) never holds personal appraisal
        // data; those allowed read an appraisal's history on its own pages (`AppraisalStore.history`).
        let query = AuditEntryModel.query(on: db).filter(\.$entityKind !~ AuditEntityKind.appraisalKinds.map(\.rawValue))
        if filter.entity == .indicator, let key = filter.key {
            // An indicator's history is its own fields and its targets, values and rebases (issue 10), whose keys
            // start with its code and a slash (a code has no slash).
            let prefix = key + "/"
            let parts = [AuditEntityKind.target, .measurement, .rebase].map(\.rawValue)
            query.group(.or) { either in
                either.group(.and) { $0.filter(\.$entityKind == AuditEntityKind.indicator.rawValue).filter(\.$entityKey == key) }
                either.group(.and) { part in
                    part.filter(\.$entityKind ~~ parts)
                    part.filter(.sql(SQLBinaryExpression(
                        SQLFunction("substr", args: SQLColumn("entity_key"), SQLLiteral.numeric("1"), SQLLiteral.numeric(String(prefix.count))),
                        .equal, SQLBind(prefix)
                    )))
                }
            }
        } else {
            if let entity = filter.entity { query.filter(\.$entityKind == entity.rawValue) }
            if let key = filter.key { query.filter(\.$entityKey == key) }
        }
        if let actor = filter.actor { query.filter(\.$actor == UserAccount.normalizedEmail(actor)) }
        if let source = filter.source { query.filter(\.$source == source.rawValue) }
        if let batch = filter.batch { query.filter(\.$batchID == batch) }
        if let origin = filter.origin { query.filter(\.$source ~~ origin.sources.map(\.rawValue)) }
        if let start = filter.startInstant { query.filter(\.$at >= start) }
        if let end = filter.endInstant { query.filter(\.$at < end) }
        return query
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
