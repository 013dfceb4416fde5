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
