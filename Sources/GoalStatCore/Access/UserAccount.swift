import Foundation

/// A person who can sign in, with the roles they hold. The password hash never leaves the store.
public struct UserAccount: Codable, Sendable, Equatable, Hashable {
    public var id: UserID
    public var email: String
    public var name: String
    public var isActive: Bool
    public var grants: [RoleGrant]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UserID, email: String, name: String, isActive: Bool, grants: [RoleGrant], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.isActive = isActive
        self.grants = grants
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Emails are compared without case and surrounding spaces; this is the form stored and looked up.
    public static func normalizedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A plain shape check (one `@`, something on each side, a dot in the domain, no spaces); delivery proves the rest.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !email.contains(where: \.isWhitespace)
    }
}

/// The id of a user account, typed so that it cannot be mixed up with another record's UUID.
public struct UserID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString }
}
