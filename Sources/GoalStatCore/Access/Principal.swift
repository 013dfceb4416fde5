/// Who is asking: an anonymous visitor, a signed-in person, or a machine with an API token (acting for its owner).
public struct Principal: Sendable, Equatable {
    /// The email of the person (the token's owner for a machine); nil for an anonymous visitor.
    public var actor: String?
    /// The roles this request may use: the person's, or the token's (which never reach beyond its owner's).
    public var grants: [RoleGrant]

    public init(actor: String?, grants: [RoleGrant]) {
        self.actor = actor
        self.grants = grants
    }

    public static let anonymous = Principal(actor: nil, grants: [])

    public var isSignedIn: Bool { actor != nil }

    /// Whether this principal may do `action` on something owned by `orgUnit` (nil: something of no unit).
    public func may(_ action: Action, in orgUnit: String?, tree: OrgTree) -> Bool {
        AccessPolicy.allows(grants: grants, action: action, orgUnit: orgUnit, tree: tree)
    }

    /// Whether this principal may do `action` anywhere at all: the first check of a route whose record comes
    /// in the body, made before the body is read (SPEC §5a: authorization before validation).
    public func maySomewhere(_ action: Action) -> Bool {
        action == .readPublished || grants.contains { $0.role.actions.contains(action) }
    }

    /// Whether this principal may do `action` everywhere, things of no unit included (the plan, the audit log).
    public func mayEverywhere(_ action: Action) -> Bool {
        action == .readPublished || grants.contains { $0.orgUnit == nil && $0.role.actions.contains(action) }
    }

    public func scope(_ action: Action, tree: OrgTree) -> UnitScope {
        AccessPolicy.scope(grants: grants, action: action, tree: tree)
    }
}
