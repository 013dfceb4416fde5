/// Who may see and change one employee's appraisal data (SPEC §2, §7): the employee, their rating chain (their
/// supervisor and that supervisor's supervisor) and HR for the employee's unit. Nobody else — not the PIO, not an
/// admin — whatever their other roles.
public enum AppraisalAccess {
    /// How a principal stands to one employee's appraisal.
    public enum Standing: Equatable, Sendable {
        /// No access: the record is answered as not found or refused.
        case none
        /// The employee: reads their own record, acknowledges, asks for reconsideration, writes feedback.
        case employee
        /// The supervisor (rating official) or the supervisor's supervisor (reviewing official).
        case ratingChain
        /// HR for the employee's unit.
        case humanResources

        public var mayRead: Bool { self != .none }
        /// Plans, reviews, ratings and awards are written by the rating chain and HR only.
        public var mayEdit: Bool { self == .ratingChain || self == .humanResources }
    }

    /// `supervisorOf` answers an employee's supervisor (from the HR records), for the second link of the chain.
    public static func standing(
        of principal: Principal, toward employee: AppraisalEmployee, supervisorOf: (String) -> String?, tree: OrgTree
    ) -> Standing {
        guard let actor = principal.actor.map(UserAccount.normalizedEmail) else { return .none }
        // Nobody rates themselves: an HR specialist or supervisor reads their own record as its employee.
        if UserAccount.normalizedEmail(employee.email) == actor { return .employee }
        let hr = principal.grants.contains { grant in
            grant.role == .hr && (grant.orgUnit == nil || tree.isWithin(employee.orgUnit, grant.orgUnit!))
        }
        if let supervisor = employee.supervisor.map(UserAccount.normalizedEmail) {
            if supervisor == actor { return .ratingChain }
            if let second = supervisorOf(supervisor).map(UserAccount.normalizedEmail), second == actor { return .ratingChain }
        }
        return hr ? .humanResources : .none
    }
}
