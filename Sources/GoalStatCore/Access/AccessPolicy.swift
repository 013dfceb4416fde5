/// The one authorization rule: may someone holding `grants` do `action` on something owned by `orgUnit`?
///
/// Deny by default. A grant covers its unit and every unit below it. A grant with no unit covers everything,
/// including things that belong to no unit (`orgUnit == nil`: users, the whole audit log); a grant at a unit
/// never covers those. Anonymous visitors have no grants and may only `readPublished`.
public enum AccessPolicy {
    public static func allows(grants: [RoleGrant], action: Action, orgUnit: String?, tree: OrgTree) -> Bool {
        if action == .readPublished { return true }
        let lineage = orgUnit.map(tree.lineage(of:)) ?? []
        return grants.contains { grant in
            guard grant.role.actions.contains(action) else { return false }
            guard let grantUnit = grant.orgUnit else { return true }
            return lineage.contains(grantUnit)
        }
    }

    /// Where `grants` allow `action`: everywhere, or in these units and below. For filtering lists in one query.
    public static func scope(grants: [RoleGrant], action: Action, tree: OrgTree) -> UnitScope {
        if action == .readPublished { return .everywhere }
        var units: Set<String> = []
        for grant in grants where grant.role.actions.contains(action) {
            guard let unit = grant.orgUnit else { return .everywhere }
            units.formUnion(tree.subtree(of: unit))
        }
        return .units(units)
    }

    /// Whether every grant in `requested` is already covered by `held`: an API token or a new user's roles
    /// may not reach further than the roles of the person who creates them.
    public static func covers(_ held: [RoleGrant], _ requested: [RoleGrant], tree: OrgTree) -> Bool {
        requested.allSatisfy { wanted in
            held.contains { have in
                guard have.role == wanted.role || have.role.actions.isSuperset(of: wanted.role.actions) else { return false }
                guard let haveUnit = have.orgUnit else { return true }
                guard let wantedUnit = wanted.orgUnit else { return false }
                return tree.isWithin(wantedUnit, haveUnit)
            }
        }
    }
}

/// The units an action is allowed in.
public enum UnitScope: Sendable, Equatable {
    case everywhere
    /// These unit codes (already expanded to their subtrees); empty means nowhere.
    case units(Set<String>)

    public func contains(_ code: String?) -> Bool {
        switch self {
        case .everywhere: true
        case .units(let units): code.map(units.contains) ?? false
        }
    }
}
