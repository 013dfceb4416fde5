import Foundation

/// One changed field of one record: who changed it, when, from what to what, and through which door.
/// The audit log only ever grows; a correction is a new entry.
public struct AuditEntry: Codable, Sendable, Equatable, Hashable {
    /// The email of the person (or API token owner) who made the change; nil for the system itself (migrations, demo).
    public var actor: String?
    public var at: Date
    public var entity: AuditEntityKind
    /// The record's key: a code (`DMV-WAIT`), an email, or a UUID for records without a code.
    public var key: String
    /// The field path (`dataQuality.verification`); empty when the record itself was added or removed as a whole.
    public var field: String
    /// The value before, as JSON text; nil when there was none.
    public var oldValue: String?
    /// The value after, as JSON text; nil when there is none.
    public var newValue: String?
    public var source: AuditSource
    /// The import batch (or form or API entry) the change came in with, when there is one.
    public var batch: UUID?

    public init(
        actor: String?, at: Date, entity: AuditEntityKind, key: String, field: String,
        oldValue: String?, newValue: String?, source: AuditSource, batch: UUID? = nil
    ) {
        self.actor = actor
        self.at = at
        self.entity = entity
        self.key = key
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.source = source
        self.batch = batch
    }
}

/// Where a change came in.
public enum AuditSource: String, Codable, Sendable, CaseIterable {
    case form, api, `import`, cli, system
}

/// The kind of record an audit entry is about. Open (a string) so that a new kind of record needs no schema change.
public struct AuditEntityKind: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let orgUnit: Self = "orgUnit"
    public static let person: Self = "person"
    public static let plan: Self = "plan"
    public static let goal: Self = "goal"
    public static let indicator: Self = "indicator"
    public static let indicatorLink: Self = "indicatorLink"
    public static let target: Self = "target"
    public static let measurement: Self = "measurement"
    public static let milestone: Self = "milestone"
    public static let narrative: Self = "narrative"
    public static let rebase: Self = "rebase"
    public static let review: Self = "review"
    public static let goalAssessment: Self = "goalAssessment"
    public static let reviewDecision: Self = "reviewDecision"
    public static let actionItem: Self = "actionItem"
    public static let risk: Self = "risk"
    public static let capacityRequest: Self = "capacityRequest"
    public static let win: Self = "win"
    public static let citizenFeedback: Self = "citizenFeedback"
    public static let user: Self = "user"
    public static let roleGrant: Self = "roleGrant"
    public static let apiToken: Self = "apiToken"
    /// A bulk load of values (a file import, the demo), recorded once instead of once per value.
    public static let importBatch: Self = "importBatch"
}

/// Who is changing things and how, carried from the edge (form, API, import, command line) down to the store.
public struct AuditContext: Sendable, Equatable {
    public var actor: String?
    public var source: AuditSource
    public var batch: UUID?
    public var now: Date

    public init(actor: String?, source: AuditSource, batch: UUID? = nil, now: Date) {
        self.actor = actor
        self.source = source
        self.batch = batch
        self.now = now
    }

    /// One entry in this context's name, for a change that is not a diff of two records.
    public func entry(_ entity: AuditEntityKind, key: String, field: String, old: String?, new: String?) -> AuditEntry {
        AuditEntry(actor: actor, at: now, entity: entity, key: key, field: field, oldValue: old, newValue: new, source: source, batch: batch)
    }

    /// The entries for the changes between two versions of a record (`nil` old: added; `nil` new: removed).
    public func entries<Record: Encodable>(
        _ entity: AuditEntityKind, key: String, old: Record?, new: Record?
    ) -> [AuditEntry] {
        AuditDiff.changes(old: old, new: new).map { change in
            AuditEntry(
                actor: actor, at: now, entity: entity, key: key, field: change.field,
                oldValue: change.oldValue, newValue: change.newValue, source: source, batch: batch
            )
        }
    }
}
