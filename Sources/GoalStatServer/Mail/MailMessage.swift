import Foundation

/// One plain-text e-mail, rendered with headers that cannot be injected into.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String

    public init(from: MailAddress, to: MailAddress, subject: String, body: String, date: Date, messageID: String = UUID().uuidString) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message as RFC 5322 text with CRLF line ends (not yet dot-stuffed: that belongs to SMTP's DATA).
    public func rendered() -> String {
        let domain = from.email.split(separator: "@").last.map(String.init) ?? "goalstat"
        let headers = [
            "From: \(from.headerValue)",
            "To: \(to.headerValue)",
            "Subject: \(MailHeader.text(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(MailHeader.oneLine(messageID).replacingOccurrences(of: " ", with: ""))@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "Auto-Submitted: auto-generated",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
