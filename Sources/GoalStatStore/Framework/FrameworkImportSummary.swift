/// What a framework import added, changed and left as it was, per kind of record.
public struct FrameworkImportSummary: Sendable, Equatable, Codable {
    public struct Counts: Sendable, Equatable, Codable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0

        public init() {}
    }

    public var counts: [String: Counts] = [:]

    public init() {}

    mutating func record(_ kind: String, _ change: RecordChange) {
        var entry = counts[kind] ?? Counts()
        switch change {
        case .added: entry.added += 1
        case .updated: entry.updated += 1
        case .unchanged: entry.unchanged += 1
        }
        counts[kind] = entry
    }

    public var added: Int { counts.values.reduce(0) { $0 + $1.added } }
    public var updated: Int { counts.values.reduce(0) { $0 + $1.updated } }
    public var unchanged: Int { counts.values.reduce(0) { $0 + $1.unchanged } }
    public var changesNothing: Bool { added == 0 && updated == 0 }

    /// One line per kind, for the command line: `indicators: 3 added, 1 updated, 40 unchanged`.
    public var lines: [String] {
        FrameworkStore.kinds.compactMap { kind in
            guard let entry = counts[kind] else { return nil }
            return "\(kind): \(entry.added) added, \(entry.updated) updated, \(entry.unchanged) unchanged"
        }
    }
}

enum RecordChange {
    case added, updated, unchanged
}
