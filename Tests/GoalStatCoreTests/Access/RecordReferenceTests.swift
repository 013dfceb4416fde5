@testable import GoalStatCore
import Testing

@Suite("References: every record a body names is checked against the caller's rights")
struct RecordReferenceTests {
    let document = FrameworkDocument(
        orgUnits: [
            OrgUnit(code: "DMV", name: "Department of Motor Vehicles", kind: .agency),
            OrgUnit(code: "DMV-FO", name: "Field Operations", kind: .office, parent: "DMV"),
            OrgUnit(code: "DMV-DS", name: "Digital Services", kind: .office, parent: "DMV"),
        ],
        people: [
            Person(email: "fo@example.gov", name: "Field Officer", orgUnit: "DMV-FO"),
            Person(email: "ds@example.gov", name: "Digital Staffer", orgUnit: "DMV-DS"),
        ],
        goals: [
            Goal(code: "G1", kind: .strategicGoal, name: "Faster service", orgUnit: "DMV", public: true),
            Goal(code: "G-FO", kind: .performanceGoal, parent: "G1", name: "Shorter queues", orgUnit: "DMV-FO"),
            Goal(code: "G-DS", kind: .performanceGoal, name: "Private of another unit", orgUnit: "DMV-DS"),
        ]
    )
    let leader = Principal(actor: "leader@example.gov", grants: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")])

    private func refused(_ goal: Goal, replacing current: Goal? = nil, by principal: Principal? = nil) -> RecordReference? {
        document.refusedReference(in: goal, replacing: current, by: principal ?? leader)
    }

    @Test("a parent the caller cannot read is refused exactly like one that does not exist")
    func hiddenParentLooksUnknown() {
        let hidden = refused(Goal(code: "G-NEW", kind: .performanceGoal, parent: "G-DS", name: "New", orgUnit: "DMV-FO"))
        let unknown = refused(Goal(code: "G-NEW", kind: .performanceGoal, parent: "G-NONE", name: "New", orgUnit: "DMV-FO"))
        #expect(hidden?.field == "parent")
        #expect(hidden?.kind == unknown?.kind && hidden?.field == unknown?.field && hidden?.changesTarget == unknown?.changesTarget)
    }

    @Test("a parent the caller can read but not edit is refused; one of their own unit is not")
    func parentMustBeEditable() {
        #expect(refused(Goal(code: "G-NEW", kind: .performanceGoal, parent: "G1", name: "New", orgUnit: "DMV-FO"))?.key == "G1")
        #expect(refused(Goal(code: "G-NEW", kind: .performanceGoal, parent: "G-FO", name: "New", orgUnit: "DMV-FO")) == nil)
    }

    @Test("a parent already stored is kept without a check: keeping is not naming anew")
    func keptParentIsNotChecked() {
        let stored = document.goals[1]
        var renamed = stored
        renamed.name = "Much shorter queues"
        #expect(refused(renamed, replacing: stored) == nil)
        #expect(refused(renamed) != nil, "as a new record the same parent (G1, not editable) is refused")
    }

    @Test("leaders and deputies must be people the caller can read")
    func peopleMustBeReadable() {
        let goal = Goal(code: "G-NEW", kind: .performanceGoal, parent: "G-FO", name: "New", orgUnit: "DMV-FO", deputies: ["ds@example.gov"])
        #expect(refused(goal)?.field == "deputies")
        let pio = Principal(actor: "pio@example.gov", grants: [RoleGrant(role: .pio)])
        #expect(refused(goal, by: pio) == nil)
    }

    @Test("values about another unit need the right there as well as in the indicator's unit")
    func valueUnits() {
        let tree = OrgTree(document.orgUnits)
        let steward = Principal(actor: "s@example.gov", grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")])
        #expect(steward.mayRecord(.enterData, forIndicatorOf: "DMV-FO", about: nil, tree: tree))
        #expect(!steward.mayRecord(.enterData, forIndicatorOf: "DMV-FO", about: "DMV-DS", tree: tree))
        #expect(!steward.mayRecord(.enterData, forIndicatorOf: "DMV-DS", about: "DMV-FO", tree: tree))
        let both = Principal(actor: "b@example.gov", grants: [RoleGrant(role: .dataSteward, orgUnit: "DMV")])
        #expect(both.mayRecord(.enterData, forIndicatorOf: "DMV-FO", about: "DMV-DS", tree: tree))
    }
}
