/// The audit entries for what changed in the framework between two versions of it, record by record.
///
/// Each record is matched by its identity, not its position, so a reordered file changes nothing:
///
/// | kind | entity | key |
/// | --- | --- | --- |
/// | org unit | `orgUnit` | code |
/// | person | `person` | email |
/// | plan | `plan` | code |
/// | goal | `goal` | code |
/// | indicator | `indicator` | code |
/// | link | `indicatorLink` | `DRIVER→RESULT` |
/// | target | `target` | `INDICATOR/ORGUNIT/PERIOD/SETON` (ORGUNIT empty for the indicator's own unit) |
/// | milestone | `milestone` | code |
/// | narrative | `narrative` | `GOAL/PERIOD` |
/// | rebase | `rebase` | `INDICATOR/ORGUNIT/PERIOD` |
///
/// Codes never contain `/` (see `Codes`), so the composite keys read back unambiguously.
public enum FrameworkAudit {
    /// One entry per changed field of every record added, changed or removed, kind by kind in the order of the
    /// framework file (org units, people, plan, goals, indicators, links, targets, milestones, narratives, rebases)
    /// and by key within a kind. Both documents must print periods the same way (the same plan calendar).
    public static func entries(from before: FrameworkDocument, to after: FrameworkDocument, context: AuditContext) -> [AuditEntry] {
        let kinds: [@Sendable () -> [AuditEntry]] = [
            { changes(before.orgUnits, after.orgUnits, .orgUnit, key: \.code, context) },
            { changes(before.people, after.people, .person, key: \.email, context) },
            { changes(before.plan.map { [$0] } ?? [], after.plan.map { [$0] } ?? [], .plan, key: \.code, context) },
            { changes(before.goals, after.goals, .goal, key: \.code, context) },
            { changes(before.indicators, after.indicators, .indicator, key: \.code, context) },
            { changes(before.links, after.links, .indicatorLink, key: key(of:), context) },
            { changes(before.targets, after.targets, .target, key: key(of:), context) },
            { changes(before.milestones, after.milestones, .milestone, key: \.code, context) },
            { changes(before.narratives, after.narratives, .narrative, key: key(of:), context) },
            { changes(before.rebases, after.rebases, .rebase, key: key(of:), context) },
        ]
        // Each kind is compared on its own, and a large import's kinds are shared out over the cores: the comparison
        // encodes every changed record field by field, which was a tenth of a 2,000-indicator framework import.
        return ParallelJobs.run(kinds.count) { kinds[$0]() }.flatMap { $0 }
    }

    public static func key(of link: IndicatorLink) -> String {
        "\(link.driver)→\(link.result)"
    }

    public static func key(of target: Target) -> String {
        "\(target.indicator)/\(target.orgUnit ?? "")/\(target.period)/\(target.setOn)"
    }

    public static func key(of narrative: Narrative) -> String {
        "\(narrative.goal)/\(narrative.period)"
    }

    public static func key(of rebase: Rebase) -> String {
        "\(rebase.indicator)/\(rebase.orgUnit ?? "")/\(rebase.period)"
    }

    private static func changes<Record: Encodable & Equatable>(
        _ before: [Record], _ after: [Record], _ entity: AuditEntityKind, key: (Record) -> String, _ context: AuditContext
    ) -> [AuditEntry] {
        let old = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { _, last in last })
        let new = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { _, last in last })
        return Set(old.keys).union(new.keys).sorted().flatMap { recordKey in
            old[recordKey] == new[recordKey] ? [] : context.entries(entity, key: recordKey, old: old[recordKey], new: new[recordKey])
        }
    }
}
