@testable import GoalStatCore
import Testing

@Suite("Access policy: roles per org unit, inherited down the tree (SPEC §7)")
struct AccessPolicyTests {
    let tree = OrgTree([
        OrgUnit(code: "DMV", name: "Department of Motor Vehicles", kind: .agency),
        OrgUnit(code: "DMV-FO", name: "Field Operations", kind: .office, parent: "DMV"),
        OrgUnit(code: "DMV-FO-NORTH", name: "Northern Region", kind: .program, parent: "DMV-FO"),
        OrgUnit(code: "DMV-IT", name: "Information Technology", kind: .office, parent: "DMV"),
        OrgUnit(code: "PARKS", name: "Parks", kind: .agency),
    ])

    private func allows(_ grants: [RoleGrant], _ action: Action, _ unit: String?) -> Bool {
        AccessPolicy.allows(grants: grants, action: action, orgUnit: unit, tree: tree)
    }

    @Test("a grant at a unit covers that unit and every unit below it")
    func inheritsDownward() {
        let steward = [RoleGrant(role: .dataSteward, orgUnit: "DMV")]
        #expect(allows(steward, .enterData, "DMV"))
        #expect(allows(steward, .enterData, "DMV-FO"))
        #expect(allows(steward, .enterData, "DMV-FO-NORTH"))
        #expect(allows(steward, .enterData, "DMV-IT"))
    }

    @Test("a grant never reaches up the tree, sideways, or into another agency")
    func doesNotInheritUpOrSideways() {
        let steward = [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")]
        #expect(!allows(steward, .enterData, "DMV"))
        #expect(!allows(steward, .enterData, "DMV-IT"))
        #expect(!allows(steward, .enterData, "PARKS"))
        #expect(!allows(steward, .enterData, "UNKNOWN"))
    }

    @Test("a grant at a unit does not cover things that belong to no unit; a grant everywhere does")
    func unitlessThings() {
        #expect(!allows([RoleGrant(role: .admin, orgUnit: "DMV")], .manageUsers, nil))
        #expect(allows([RoleGrant(role: .admin)], .manageUsers, nil))
        #expect(allows([RoleGrant(role: .admin)], .editFramework, "PARKS"))
    }

    @Test("anonymous visitors may read what is published and nothing else")
    func anonymous() {
        #expect(allows([], .readPublished, nil))
        #expect(allows([], .readPublished, "DMV-FO"))
        for action in Action.allCases where action != .readPublished {
            #expect(!allows([], action, "DMV"), "\(action)")
            #expect(!allows([], action, nil), "\(action)")
        }
    }

    @Test("each role may do exactly the actions of the documented table", arguments: [
        (Role.admin, Set(Action.allCases).subtracting([.readAppraisals, .editAppraisals])),
        (.pio, Set(Action.allCases).subtracting([.manageUsers, .readAppraisals, .editAppraisals])),
        (.goalLeader, [.readPublished, .readPrivate, .editFramework, .reviseTarget, .enterData]),
        (.dataSteward, [.readPublished, .readPrivate, .enterData, .importFiles]),
        (.reviewer, [.readPublished, .readPrivate, .runReviews, .exportData]),
        (.viewer, [.readPublished, .readPrivate]),
        (.supervisor, [.readPublished, .readAppraisals, .editAppraisals]),
        (.hr, [.readPublished, .readAppraisals, .editAppraisals]),
        (.employee, [.readPublished]),
    ] as [(Role, Set<Action>)])
    func roleTable(role: Role, expected: Set<Action>) {
        let grants = [RoleGrant(role: role, orgUnit: "DMV-FO")]
        let allowed = Set(Action.allCases.filter { allows(grants, $0, "DMV-FO-NORTH") })
        #expect(allowed == expected)
        let elsewhere = Set(Action.allCases.filter { allows(grants, $0, "DMV-IT") })
        #expect(elsewhere == [.readPublished])
    }

    @Test("appraisal data stays with the rating chain and HR: neither admin nor PIO may read it")
    func appraisalsArePersonal() {
        #expect(!allows([RoleGrant(role: .admin)], .readAppraisals, "DMV"))
        #expect(!allows([RoleGrant(role: .pio)], .readAppraisals, "DMV"))
        #expect(allows([RoleGrant(role: .hr, orgUnit: "DMV")], .readAppraisals, "DMV-FO"))
    }

    @Test("several grants combine: a viewer at DMV who stewards DMV-FO enters data only in DMV-FO")
    func grantsCombine() {
        let grants = [RoleGrant(role: .viewer, orgUnit: "DMV"), RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")]
        #expect(allows(grants, .readPrivate, "DMV-IT"))
        #expect(allows(grants, .enterData, "DMV-FO-NORTH"))
        #expect(!allows(grants, .enterData, "DMV-IT"))
    }

    @Test("the scope of an action lists the granted units and everything below them")
    func scope() {
        let grants = [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO"), RoleGrant(role: .viewer, orgUnit: "PARKS")]
        #expect(AccessPolicy.scope(grants: grants, action: .enterData, tree: tree) == .units(["DMV-FO", "DMV-FO-NORTH"]))
        #expect(AccessPolicy.scope(grants: grants, action: .readPrivate, tree: tree) == .units(["DMV-FO", "DMV-FO-NORTH", "PARKS"]))
        #expect(AccessPolicy.scope(grants: [RoleGrant(role: .pio)], action: .readPrivate, tree: tree) == .everywhere)
        #expect(AccessPolicy.scope(grants: [], action: .readPrivate, tree: tree) == .units([]))
        #expect(!AccessPolicy.scope(grants: [], action: .readPrivate, tree: tree).contains("DMV"))
    }

    @Test("a token or new account may not reach further than its creator's roles")
    func covers() {
        let pioAtFO = [RoleGrant(role: .pio, orgUnit: "DMV-FO")]
        #expect(AccessPolicy.covers(pioAtFO, [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO-NORTH")], tree: tree))
        #expect(!AccessPolicy.covers(pioAtFO, [RoleGrant(role: .dataSteward, orgUnit: "DMV")], tree: tree))
        #expect(!AccessPolicy.covers(pioAtFO, [RoleGrant(role: .dataSteward)], tree: tree))
        #expect(!AccessPolicy.covers(pioAtFO, [RoleGrant(role: .admin, orgUnit: "DMV-FO")], tree: tree))
        #expect(!AccessPolicy.covers([RoleGrant(role: .viewer, orgUnit: "DMV")], [RoleGrant(role: .hr, orgUnit: "DMV")], tree: tree))
    }

    @Test("the org tree gives ancestors nearest first and survives a cycle in bad data")
    func orgTree() {
        #expect(tree.ancestors(of: "DMV-FO-NORTH") == ["DMV-FO", "DMV"])
        #expect(tree.ancestors(of: "UNKNOWN") == [])
        #expect(tree.subtree(of: "DMV") == ["DMV", "DMV-FO", "DMV-FO-NORTH", "DMV-IT"])
        let cyclic = OrgTree([
            OrgUnit(code: "A", name: "A", kind: .office, parent: "B"),
            OrgUnit(code: "B", name: "B", kind: .office, parent: "C"),
            OrgUnit(code: "C", name: "C", kind: .office, parent: "A"),
        ])
        #expect(cyclic.lineage(of: "A") == ["A", "B", "C"])
        #expect(cyclic.subtree(of: "A") == ["A", "B", "C"])
        #expect(!AccessPolicy.allows(grants: [RoleGrant(role: .viewer, orgUnit: "X")], action: .readPrivate, orgUnit: "A", tree: cyclic))
    }

    @Test("grants read and print as ROLE@UNIT, with * for everywhere")
    func grantText() throws {
        #expect(try RoleGrant(parsing: "dataSteward@DMV-FO") == RoleGrant(role: .dataSteward, orgUnit: "DMV-FO"))
        #expect(try RoleGrant(parsing: "admin") == RoleGrant(role: .admin))
        #expect(try RoleGrant(parsing: "admin@*") == RoleGrant(role: .admin))
        #expect(RoleGrant(role: .viewer, orgUnit: "DMV").description == "viewer@DMV")
        #expect(throws: AccessError.unknownRole("boss")) { try RoleGrant(parsing: "boss@DMV") }
        #expect(throws: AccessError.invalidGrant("viewer@")) { try RoleGrant(parsing: "viewer@") }
    }
}
