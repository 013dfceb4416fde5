import Foundation
@testable import GoalStatServer
import Testing

/// E-mail as GoalStat writes it: headers nobody can inject into, bodies that cannot end DATA early.
@Suite("Mail messages")
struct MailMessageTests {
    private let date = Date(timeIntervalSince1970: 1_795_435_200)

    @Test("names and subjects with line breaks stay on one header line")
    func noHeaderInjection() throws {
        let message = MailMessage(
            from: try MailAddress(email: "goalstat@example.gov", name: "GoalStat"),
            to: try MailAddress(email: "k.osei@example.gov", name: "Kwame\r\nBcc: evil@example.com"),
            subject: "Late: Wait\r\nBcc: evil@example.com\nX-Injected: yes", body: "Hello", date: date, messageID: "id-1"
        )
        let headers = message.rendered().components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Injected:") })
        #expect(headers.contains("Subject: Late: Wait Bcc: evil@example.com X-Injected: yes"))
        #expect(headers.contains("To: \"Kwame Bcc: evil@example.com\" <k.osei@example.gov>"))
        #expect(headers.contains("Date: Mon, 23 Nov 2026 12:00:00 +0000"))
    }

    @Test("addresses that could end an SMTP command or a header are refused")
    func badAddresses() {
        for text in ["a@b.gov>\r\nRCPT TO:<c@d.gov", "no-at-sign", "two@@example.gov", "a b@example.gov", "<a@example.gov>", ""] {
            #expect(throws: MailError.self, "\(text)") { try MailAddress(email: text) }
        }
    }

    @Test("text beyond ASCII is encoded, quotes in names escaped")
    func encoding() throws {
        let to = try MailAddress(email: "j@example.gov", name: "José \"Pepe\" Núñez")
        #expect(to.headerValue.hasPrefix("=?UTF-8?B?"))
        let quoted = try MailAddress(email: "j@example.gov", name: "Jo \"JJ\" Smith")
        #expect(quoted.headerValue == "\"Jo \\\"JJ\\\" Smith\" <j@example.gov>")
        let message = MailMessage(from: quoted, to: quoted, subject: "Délai dépassé", body: "x", date: date)
        #expect(message.rendered().contains("Subject: =?UTF-8?B?\(Data("Délai dépassé".utf8).base64EncodedString())?="))
    }

    @Test("a line of the body that starts with a dot gets a second one, and lines end in CRLF")
    func dotStuffing() {
        #expect(SMTPClient.dotStuffed("one\n.\n..two\r\nthree\n") == "one\r\n..\r\n...two\r\nthree\r\n")
    }
}
