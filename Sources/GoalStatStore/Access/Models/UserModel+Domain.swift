import Foundation
import GoalStatCore

extension UserModel {
    func domain(grants: [RoleGrant]) -> UserAccount {
        UserAccount(
            id: UserID(id ?? UUID()), email: email, name: name, isActive: isActive,
            grants: grants, createdAt: createdAt, updatedAt: updatedAt
        )
    }

    /// What the audit log shows of a user: never the password hash.
    var audited: AuditedUser { AuditedUser(email: email, name: name, isActive: isActive) }
}

/// The fields of a user that the audit log records.
struct AuditedUser: Encodable {
    var email: String
    var name: String
    var isActive: Bool
}

extension RoleGrantModel {
    /// Nil when the stored role is no longer known (a role removed in a later version grants nothing).
    var domain: RoleGrant? {
        Role(rawValue: role).map { RoleGrant(role: $0, orgUnit: orgUnitCode) }
    }
}
