import Foundation
@testable import GoalStatServer

/// Keeps what it is asked to send; or refuses everything, like a mail server that is down.
actor RecordingMailSender: MailSender {
    private(set) var sent: [MailMessage] = []
    private let fails: Bool

    init(fails: Bool = false) {
        self.fails = fails
    }

    nonisolated var name: String { "the test" }

    func send(_ message: MailMessage) async throws {
        if fails { throw MailError.connection("test server down") }
        sent.append(message)
    }
}
