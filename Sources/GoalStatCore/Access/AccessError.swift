/// Why an account, grant or password was refused; `code` is stable for APIs and tests, `message` is for people.
public enum AccessError: Error, Sendable, Equatable {
    case invalidEmail(String)
    case emptyName
    case emailTaken(String)
    case weakPassword(PasswordProblem)
    case unknownRole(String)
    case invalidGrant(String)
    case unknownUser(String)
    case unknownOrgUnit(String)
    /// A text over its length limit or with a control character (`TextKind`), in the named field.
    case invalidText(field: String, TextProblem)

    public var code: String {
        switch self {
        case .invalidEmail: "invalidEmail"
        case .emptyName: "emptyName"
        case .emailTaken: "emailTaken"
        case .weakPassword(let problem): problem.rawValue
        case .unknownRole: "unknownRole"
        case .invalidGrant: "invalidGrant"
        case .unknownUser: "unknownUser"
        case .unknownOrgUnit: "unknownOrgUnit"
        case .invalidText: "invalidText"
        }
    }

    /// The input field the problem is about.
    public var field: String {
        switch self {
        case .invalidEmail, .emailTaken, .unknownUser: "email"
        case .emptyName: "name"
        case .weakPassword: "password"
        case .unknownRole, .invalidGrant, .unknownOrgUnit: "role"
        case .invalidText(let field, _): field
        }
    }

    public var message: String {
        switch self {
        case .invalidEmail(let email): "'\(email)' is not an email address"
        case .emptyName: "the name is empty"
        case .emailTaken(let email): "a user with the email '\(email)' already exists"
        case .weakPassword(let problem): problem.message
        case .unknownRole(let role): "unknown role '\(role)' (one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .invalidGrant(let text): "'\(text)' is not ROLE@UNIT"
        case .unknownUser(let who): "no user '\(who)'"
        case .unknownOrgUnit(let code): "there is no org unit '\(code)'"
        case .invalidText(let field, let problem): "the \(field) \(problem.message)"
        }
    }
}
