/// A node of the organization tree, identified by its short code.
public struct OrgUnit: Codable, Sendable, Equatable, Hashable {
    public var code: String
    public var name: String
    public var kind: OrgUnitKind
    public var parent: String?

    public init(code: String, name: String, kind: OrgUnitKind, parent: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}
