import Foundation

/// Which audit entries to browse or export: every condition given must hold; an empty filter selects the whole log.
public struct AuditFilter: Codable, Sendable, Equatable, Hashable {
    public var entity: AuditEntityKind?
    /// The record's key, exactly (`FO-WAIT`, `FO-WAIT//2026-07-01`).
    public var key: String?
    /// The actor's email, compared as `UserAccount.normalizedEmail` stores it.
    public var actor: String?
    public var source: AuditSource?
    public var batch: UUID?

    public init(entity: AuditEntityKind? = nil, key: String? = nil, actor: String? = nil, source: AuditSource? = nil, batch: UUID? = nil) {
        self.entity = entity
        self.key = key
        self.actor = actor
        self.source = source
        self.batch = batch
    }
}
