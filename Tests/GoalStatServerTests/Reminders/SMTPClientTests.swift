import Foundation
@testable import GoalStatServer
import Testing

/// The SMTP client against a real server: scripts/smtp-sink.py (aiosmtpd), which scripts/test starts.
@Suite(
    "SMTP client",
    .enabled(
        if: ProcessInfo.processInfo.environment["GOALSTAT_TEST_SMTP_PORT"] != nil,
        "GOALSTAT_TEST_SMTP_PORT and GOALSTAT_TEST_SMTP_DIR are not set: start scripts/smtp-sink.py (scripts/test does) to test the SMTP client"
    )
)
struct SMTPClientTests {
    struct Received: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var data: String
    }

    @Test("a message with dot lines and non-ASCII text arrives whole")
    func delivers() async throws {
        let environment = ProcessInfo.processInfo.environment
        let port = try #require(environment["GOALSTAT_TEST_SMTP_PORT"].flatMap(Int.init))
        let directory = try #require(environment["GOALSTAT_TEST_SMTP_DIR"])
        let recipient = "client-\(UUID().uuidString.prefix(8).lowercased())@example.gov"
        let from = try MailAddress(email: "goalstat@example.gov", name: "GoalStat")
        let body = "Line one\n.\n.leading dot\nÜnicode: naïve café\n"
        let sender = SMTPMailSender(settings: SMTPSettings(host: "127.0.0.1", port: port, from: from))
        try await sender.send(MailMessage(
            from: from, to: try MailAddress(email: recipient, name: "Client Test"), subject: "Test\nBcc: x@example.com", body: body,
            date: Date(timeIntervalSince1970: 1_795_435_200)
        ))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        let received = try names.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent($0)))
        }.filter { $0.rcptTos == [recipient] }
        let message = try #require(received.first)
        #expect(received.count == 1)
        #expect(message.mailFrom == "goalstat@example.gov")
        #expect(message.data.contains("Subject: Test Bcc: x@example.com\r\n"))
        #expect(!message.data.contains("\r\nBcc:"))
        #expect(message.data.contains("\r\n\r\nLine one\r\n.\r\n.leading dot\r\nÜnicode: naïve café\r\n"))
    }

    @Test("settings that require STARTTLS refuse a server that does not offer it, rather than send in the clear")
    func startTLSRequired() async throws {
        let port = try #require(ProcessInfo.processInfo.environment["GOALSTAT_TEST_SMTP_PORT"].flatMap(Int.init))
        // The test server has no certificate, so it does not offer STARTTLS.
        let from = try MailAddress(email: "goalstat@example.gov")
        let sender = SMTPMailSender(settings: SMTPSettings(host: "127.0.0.1", port: port, from: from, startTLS: true))
        await #expect(throws: MailError.tlsUnavailable) {
            try await sender.send(MailMessage(from: from, to: from, subject: "s", body: "b", date: Date()))
        }
    }
}

/// STARTTLS and AUTH against the second test server, which has a throwaway certificate and asks for a password.
@Suite(
    "SMTP client over STARTTLS",
    .enabled(
        if: ProcessInfo.processInfo.environment["GOALSTAT_TEST_SMTP_TLS_PORT"] != nil,
        "GOALSTAT_TEST_SMTP_TLS_PORT, GOALSTAT_TEST_SMTP_CA and GOALSTAT_TEST_SMTP_DIR are not set: scripts/test starts a STARTTLS test server"
    )
)
struct SMTPStartTLSTests {
    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    private func settings(username: String?, password: String?, caFile: String?) throws -> SMTPSettings {
        let port = try #require(environment["GOALSTAT_TEST_SMTP_TLS_PORT"].flatMap(Int.init))
        return SMTPSettings(
            host: "127.0.0.1", port: port, from: try MailAddress(email: "goalstat@example.gov"), username: username, password: password,
            startTLS: true, caFile: caFile
        )
    }

    @Test("upgraded to TLS and signed in, the message arrives")
    func delivers() async throws {
        let directory = try #require(environment["GOALSTAT_TEST_SMTP_DIR"])
        let recipient = "tls-\(UUID().uuidString.prefix(8).lowercased())@example.gov"
        let settings = try settings(username: "goalstat", password: "test-password", caFile: environment["GOALSTAT_TEST_SMTP_CA"])
        try await SMTPMailSender(settings: settings).send(MailMessage(
            from: settings.from, to: try MailAddress(email: recipient), subject: "Over TLS", body: "Sent after STARTTLS.", date: Date()
        ))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        let received = try names.map {
            try JSONDecoder().decode(SMTPClientTests.Received.self, from: Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent($0)))
        }.filter { $0.rcptTos == [recipient] }
        #expect(received.count == 1)
        #expect(received.first?.data.contains("Sent after STARTTLS.") == true)
    }

    @Test("a wrong password is refused with the server's answer")
    func wrongPassword() async throws {
        let settings = try settings(username: "goalstat", password: "wrong", caFile: environment["GOALSTAT_TEST_SMTP_CA"])
        let error = await #expect(throws: MailError.self) {
            try await SMTPMailSender(settings: settings).send(MailMessage(from: settings.from, to: settings.from, subject: "s", body: "b", date: Date()))
        }
        guard case .refused(let command, let code, _)? = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(command == "AUTH PLAIN")
        #expect(code == 535)
    }

    @Test("a certificate the client does not trust stops the message before anything is sent")
    func untrustedCertificate() async throws {
        let settings = try settings(username: "goalstat", password: "test-password", caFile: nil)
        await #expect(throws: (any Error).self) {
            try await SMTPMailSender(settings: settings).send(MailMessage(from: settings.from, to: settings.from, subject: "s", body: "b", date: Date()))
        }
    }
}
