/// A role held at one org unit (and so at every unit below it), or everywhere when `orgUnit` is nil.
public struct RoleGrant: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var role: Role
    /// The org unit code; nil means every unit, and things that belong to no unit (users, the whole audit log).
    public var orgUnit: String?

    public init(role: Role, orgUnit: String? = nil) {
        self.role = role
        self.orgUnit = orgUnit
    }

    /// Reads the command-line form `ROLE@UNIT`, or `ROLE` / `ROLE@*` for a grant everywhere.
    public init(parsing text: String) throws(AccessError) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let role = Role(rawValue: parts[0]) else { throw .unknownRole(parts[0]) }
        let unit = parts.count > 1 ? parts[1] : "*"
        guard !unit.isEmpty else { throw .invalidGrant(text) }
        self.init(role: role, orgUnit: unit == "*" ? nil : unit)
    }

    /// The form `init(parsing:)` reads: `dataSteward@DMV-FO`, or `admin@*` for everywhere.
    public var description: String { "\(role.rawValue)@\(orgUnit ?? "*")" }
}
