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

/// Why a message cannot be sent.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    case badAddress(String)
    case connection(String)
    case refused(command: String, code: Int, reply: String)
    case protocolError(String)
    case timedOut(Int)
    case tlsUnavailable

    public var description: String {
        switch self {
        case .badAddress(let text): "'\(text)' is not an e-mail address GoalStat can send to"
        case .connection(let text): "cannot connect to the mail server: \(text)"
        case .refused(let command, let code, let reply): "the mail server refused \(command): \(code) \(reply)"
        case .protocolError(let line): "the mail server answered something that is not SMTP: \(line)"
        case .timedOut(let seconds): "the mail server did not answer within \(seconds) seconds"
        case .tlsUnavailable: "the mail server does not offer STARTTLS, which the settings require"
        }
    }
}
