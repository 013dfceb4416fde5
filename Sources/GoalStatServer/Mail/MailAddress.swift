import Foundation

/// An e-mail address with an optional display name, checked so that neither can break out of a header line.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let email: String
    public let name: String?

    /// Refuses an address with spaces, control characters, angle brackets or no single `@` — anything that could
    /// end an SMTP command or a header early (header injection).
    public init(email: String, name: String? = nil) throws(MailError) {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>()[],;:\"\\"))
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              trimmed.unicodeScalars.allSatisfy({ !forbidden.contains($0) }), trimmed.utf8.count <= 254
        else { throw .badAddress(email) }
        self.email = trimmed
        self.name = name.map(MailHeader.oneLine).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `"Rosa Alvarez" <r.alvarez@example.gov>`, the name quoted or encoded (RFC 5322, RFC 2047).
    public var headerValue: String {
        guard let name else { return "<\(email)>" }
        return "\(MailHeader.phrase(name)) <\(email)>"
    }

    public var description: String { headerValue }
}
