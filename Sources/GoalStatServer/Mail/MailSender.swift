import Foundation

/// Something that delivers e-mail: the log (the default, which needs no settings) or an SMTP server.
public protocol MailSender: Sendable {
    /// How progress names it: "the log", "smtp.agency.gov:587".
    var name: String { get }
    func send(_ message: MailMessage) async throws
}

/// Writes each message to the log instead of sending it: the default, so that `goalstat remind` works, and shows
/// what it would send, before anyone has set up mail.
public struct LogMailSender: MailSender {
    public var write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public var name: String { "the log" }

    public func send(_ message: MailMessage) async throws {
        write("mail to \(message.to.headerValue): \(MailHeader.oneLine(message.subject))\n\(message.body)")
    }
}

/// Sends each message through an SMTP server, one connection per message.
public struct SMTPMailSender: MailSender {
    public var settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    public var name: String { "\(settings.host):\(settings.port)" }

    public func send(_ message: MailMessage) async throws {
        try await SMTPClient(settings: settings).send(message)
    }
}
