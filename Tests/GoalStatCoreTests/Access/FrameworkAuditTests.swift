import Foundation
@testable import GoalStatCore
import Testing

@Suite("Framework audit: every added, changed and removed record, keyed by its identity")
struct FrameworkAuditTests {
    private let context = AuditContext(actor: "r.alvarez@example.gov", source: .api, now: Date(timeIntervalSince1970: 100))

    private let document = FrameworkDocument(
        orgUnits: [OrgUnit(code: "DMV", name: "DMV", kind: .agency)],
        people: [Person(email: "k.osei@example.gov", name: "Kwame Osei", orgUnit: "DMV")],
        plan: Plan(code: "SP", name: "Strategic plan"),
        goals: [Goal(code: "G1", kind: .strategicGoal, name: "Faster service", orgUnit: "DMV")],
        indicators: [
            Indicator(code: "DMV-A", name: "Served", direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", goals: ["G1"]),
            Indicator(code: "DMV-B", name: "Wait", direction: .decrease, frequency: .monthly, stage: .intermediateOutcome, orgUnit: "DMV"),
        ],
        links: [IndicatorLink(driver: "DMV-A", result: "DMV-B", expectedSign: .negative)],
        targets: [Target(indicator: "DMV-B", period: "FY2026", value: 25, rationale: "Baseline.", setOn: "2025-09-15")],
        milestones: [Milestone(code: "G1-M1", goal: "G1", name: "Queue system", due: "2026-03-31")],
        narratives: [Narrative(goal: "G1", period: "FY2026-Q1", accomplishments: "Started.")],
        rebases: [Rebase(indicator: "DMV-B", orgUnit: "DMV", period: "2026-08", reason: "Queue system live.")]
    )

    @Test("the same document twice gives no entries, whatever the order of its records")
    func untouched() {
        var reordered = document
        reordered.indicators.reverse()
        #expect(FrameworkAudit.entries(from: document, to: document, context: context).isEmpty)
        #expect(FrameworkAudit.entries(from: document, to: reordered, context: context).isEmpty)
    }

    @Test("a changed field is one entry, old → new, under the record's key, in the context's name")
    func changedField() {
        var after = document
        after.goals[0].name = "Faster and simpler service"
        let entries = FrameworkAudit.entries(from: document, to: after, context: context)
        #expect(entries == [AuditEntry(
            actor: "r.alvarez@example.gov", at: Date(timeIntervalSince1970: 100), entity: .goal, key: "G1", field: "name",
            oldValue: "\"Faster service\"", newValue: "\"Faster and simpler service\"", source: .api
        )])
    }

    @Test("an added record lists each of its fields with no old value")
    func added() {
        var after = document
        after.milestones.append(Milestone(code: "G1-M2", goal: "G1", name: "Online renewals", due: "2026-06-30"))
        let entries = FrameworkAudit.entries(from: document, to: after, context: context)
        #expect(Set(entries.map(\.key)) == ["G1-M2"])
        #expect(entries.allSatisfy { $0.entity == .milestone && $0.oldValue == nil && $0.newValue != nil })
        #expect(entries.map(\.field) == ["code", "due", "goal", "name", "status"])
    }

    @Test("a removed record lists each of its fields with no new value")
    func removed() {
        var after = document
        after.rebases = []
        let entries = FrameworkAudit.entries(from: document, to: after, context: context)
        #expect(Set(entries.map(\.key)) == ["DMV-B/DMV/2026-08"])
        #expect(entries.allSatisfy { $0.entity == .rebase && $0.newValue == nil })
        #expect(entries.first { $0.field == "reason" }?.oldValue == "\"Queue system live.\"")
    }

    @Test("links, targets, narratives and rebases are keyed by what identifies them")
    func compositeKeys() {
        let entries = FrameworkAudit.entries(from: FrameworkDocument(), to: document, context: context)
        let keys = Dictionary(grouping: entries, by: \.entity).mapValues { Set($0.map(\.key)) }
        #expect(keys[.indicatorLink] == ["DMV-A→DMV-B"])
        #expect(keys[.target] == ["DMV-B//FY2026/2025-09-15"])
        #expect(keys[.narrative] == ["G1/FY2026-Q1"])
        #expect(keys[.rebase] == ["DMV-B/DMV/2026-08"])
        #expect(keys[.person] == ["k.osei@example.gov"])
        #expect(keys[.plan] == ["SP"])
    }

    @Test("a new target version is a new record, not a change of the earlier one")
    func targetVersions() {
        var after = document
        after.targets.append(Target(indicator: "DMV-B", period: "FY2026", value: 22, rationale: "Raised.", setOn: "2026-01-20"))
        let entries = FrameworkAudit.entries(from: document, to: after, context: context)
        #expect(Set(entries.map(\.key)) == ["DMV-B//FY2026/2026-01-20"])
        #expect(entries.allSatisfy { $0.oldValue == nil })
    }

    @Test("entries come kind by kind in file order, then by key, the same every time")
    func deterministicOrder() {
        let first = FrameworkAudit.entries(from: FrameworkDocument(), to: document, context: context)
        let kinds: [AuditEntityKind] = [.orgUnit, .person, .plan, .goal, .indicator, .indicatorLink, .target, .milestone, .narrative, .rebase]
        var seen: [AuditEntityKind] = []
        for entry in first where seen.last != entry.entity { seen.append(entry.entity) }
        #expect(seen == kinds)
        let indicatorKeys = first.filter { $0.entity == .indicator }.map(\.key)
        #expect(indicatorKeys == indicatorKeys.sorted())
        #expect(Set(indicatorKeys) == ["DMV-A", "DMV-B"])
        #expect(FrameworkAudit.entries(from: FrameworkDocument(), to: document, context: context) == first)
    }
}
