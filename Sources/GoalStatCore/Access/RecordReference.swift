/// A framework record that another record names by its key: a goal's parent, an indicator's goals, a milestone's goal.
public struct RecordReference: Sendable, Hashable {
    /// The field of the naming record, as the API and files spell it (`parent`, `goals`, `leader`).
    public var field: String
    public var kind: RecordKind
    public var key: String
    /// Whether naming the record changes it, so that the caller must be allowed to edit it too: a new parent gains
    /// a sub-goal; naming a goal from an indicator or a leader only points at it, so reading it is enough.
    public var changesTarget: Bool

    public init(field: String, kind: RecordKind, key: String, changesTarget: Bool = false) {
        self.field = field
        self.kind = kind
        self.key = key
        self.changesTarget = changesTarget
    }
}

/// The records a framework record names, checked against the caller's rights before it is stored (the unit that
/// owns the record itself is checked by the route: see `FrameworkResourceController`).
public protocol ReferencingRecord {
    var references: [RecordReference] { get }
}

extension Goal: ReferencingRecord {
    public var references: [RecordReference] {
        [parent.map { RecordReference(field: "parent", kind: .goal, key: $0, changesTarget: true) }].compactMap { $0 }
            + [leader].compactMap { $0 }.map { RecordReference(field: "leader", kind: .person, key: $0) }
            + deputies.map { RecordReference(field: "deputies", kind: .person, key: $0) }
    }
}

extension Indicator: ReferencingRecord {
    public var references: [RecordReference] {
        goals.map { RecordReference(field: "goals", kind: .goal, key: $0) }
            + [steward].compactMap { $0 }.map { RecordReference(field: "steward", kind: .person, key: $0) }
    }
}

extension Milestone: ReferencingRecord {
    public var references: [RecordReference] {
        [RecordReference(field: "goal", kind: .goal, key: goal, changesTarget: true)]
    }
}

extension Person: ReferencingRecord {
    public var references: [RecordReference] { [] }
}

extension OrgUnit: ReferencingRecord {
    public var references: [RecordReference] { [] }
}

extension FrameworkDocument {
    /// The first record `record` names that `principal` may not name: one they cannot read, one they would change
    /// without the right to edit it, or one that does not exist. The three answer alike, so that a refusal never
    /// tells which private records exist. References the stored version (`current`) already made are not checked
    /// again: keeping what someone else set up is not naming it anew.
    public func refusedReference<Record: ReferencingRecord>(
        in record: Record, replacing current: Record?, by principal: Principal
    ) -> RecordReference? {
        let tree = OrgTree(orgUnits)
        let kept = Set((current?.references ?? []).map { ReferenceKey(kind: $0.kind, key: $0.key) })
        let readable = visible(to: principal)
        return record.references.first { reference in
            if kept.contains(ReferenceKey(kind: reference.kind, key: reference.key)) { return false }
            guard let ownership = readable.ownership(of: reference.kind, key: reference.key) else { return true }
            if reference.changesTarget, !principal.may(.editFramework, in: ownership.orgUnit, tree: tree) { return true }
            return false
        }
    }
}

private struct ReferenceKey: Hashable {
    var kind: RecordKind
    var key: String
}
