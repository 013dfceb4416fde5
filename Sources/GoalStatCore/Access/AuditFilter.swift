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
    /// People (forms and the API) versus imports (files and the command line) versus the system itself.
    public var origin: AuditOrigin?
    /// The first day (UTC) whose changes are selected.
    public var from: CalendarDate?
    /// The last day (UTC) whose changes are selected, that whole day included.
    public var to: CalendarDate?

    public init(
        entity: AuditEntityKind? = nil, key: String? = nil, actor: String? = nil, source: AuditSource? = nil, batch: UUID? = nil,
        origin: AuditOrigin? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil
    ) {
        self.entity = entity
        self.key = key
        self.actor = actor
        self.source = source
        self.batch = batch
        self.origin = origin
        self.from = from
        self.to = to
    }

    /// The instant the range starts (midnight UTC of `from`), if it has a start.
    public var startInstant: Date? { from.map(Self.midnight) }

    /// The instant just past the range (midnight UTC after `to`), if it has an end.
    public var endInstant: Date? { to.map { Self.midnight($0.adding(days: 1)) } }

    private static func midnight(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400)
    }
}

/// Who made a change, coarsely: a person at a form or through the API, a file import (in the browser, the API or
/// `goalstat import`, and the command line's other commands), or the system (migrations, the demo).
public enum AuditOrigin: String, Codable, Sendable, CaseIterable {
    case people, imports, system

    /// The sources an origin covers.
    public var sources: [AuditSource] {
        switch self {
        case .people: [.form, .api]
        case .imports: [.import, .cli]
        case .system: [.system]
        }
    }
}
