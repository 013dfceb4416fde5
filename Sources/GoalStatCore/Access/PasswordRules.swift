/// What a password must be. Kept short on purpose (NIST SP 800-63B): length matters most, composition rules
/// little, so the rules are a minimum length, a maximum Bcrypt can use, and two cheap checks against the
/// laziest choices. No expiry, no forced symbols.
public enum PasswordRules {
    /// At least this many characters.
    public static let minimumLength = 12
    /// At most this many UTF-8 bytes: Bcrypt ignores everything after byte 72, and a silently ignored tail
    /// would make a password weaker than its owner believes.
    public static let maximumBytes = 72

    /// The problems with a password, in the order a person should fix them; empty when it is acceptable.
    public static func problems(in password: String, email: String? = nil) -> [PasswordProblem] {
        var problems: [PasswordProblem] = []
        if password.count < minimumLength { problems.append(.passwordTooShort) }
        if password.utf8.count > maximumBytes { problems.append(.passwordTooLong) }
        if Set(password).count <= 1 && !password.isEmpty {
            problems.append(.passwordOneCharacter)
        } else if !password.isEmpty && characterClasses(in: password) < 2 {
            problems.append(.passwordOneClass)
        }
        if let email, containsAccountName(password, email: email) { problems.append(.passwordContainsEmail) }
        return problems
    }

    /// Throws the first problem, if any.
    public static func validate(_ password: String, email: String? = nil) throws(AccessError) {
        if let problem = problems(in: password, email: email).first { throw .weakPassword(problem) }
    }

    /// Letters, digits, and everything else (spaces, punctuation, symbols) count as three classes.
    static func characterClasses(in password: String) -> Int {
        var letters = false, digits = false, others = false
        for character in password {
            if character.isLetter { letters = true } else if character.isNumber { digits = true } else { others = true }
        }
        return [letters, digits, others].filter { $0 }.count
    }

    /// The part of the email before `@` (at least 3 characters) inside the password, ignoring case.
    static func containsAccountName(_ password: String, email: String) -> Bool {
        let name = email.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return name.count >= 3 && password.lowercased().contains(name)
    }
}

/// One reason a password was refused; the raw value is the stable error code.
public enum PasswordProblem: String, Codable, Sendable, CaseIterable {
    case passwordTooShort, passwordTooLong, passwordOneCharacter, passwordOneClass, passwordContainsEmail

    public var message: String {
        switch self {
        case .passwordTooShort: "the password must have at least \(PasswordRules.minimumLength) characters"
        case .passwordTooLong: "the password must have at most \(PasswordRules.maximumBytes) bytes (Bcrypt ignores the rest)"
        case .passwordOneCharacter: "the password repeats one character"
        case .passwordOneClass: "the password must mix at least two of: letters, digits, other characters"
        case .passwordContainsEmail: "the password must not contain the email's name"
        }
    }
}
