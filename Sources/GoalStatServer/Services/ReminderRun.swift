import FluentKit
import Foundation
import GoalStatCore
import GoalStatStore

/// One run of `goalstat remind`: queue the reminders due today, then send every unsent message in the outbox.
public enum ReminderRun {
    public struct Summary: Sendable, Equatable {
        public var openValues: Int
        public var queued: Int
        public var sent: Int
        public var failed: Int
    }

    public static func run(
        on db: any Database, today: CalendarDate, now: Date, policy: DuePolicy, siteURL: String?, from: MailAddress,
        sender: any MailSender, progress: @Sendable (String) -> Void
    ) async throws -> Summary {
        let queue = try await ReminderQueue.queue(today: today, now: now, policy: policy, siteURL: siteURL, on: db)
        progress("\(queue.openValues) values open as of \(today); \(queue.queued) new reminders queued (\(queue.reminders - queue.queued) already queued before)")
        var sent = 0
        var failed = 0
        let unsent = try await Outbox.unsent(on: db)
        if !unsent.isEmpty { progress("sending \(unsent.count) messages through \(sender.name)") }
        for message in unsent {
            // Another run sending at the same time may have taken it, or sent it since the list was read.
            guard try await Outbox.claim(message.id, now: now, on: db) else { continue }
            do {
                let mail = MailMessage(
                    from: from, to: try MailAddress(email: message.recipientEmail, name: message.recipientName),
                    subject: message.subject, body: message.body, date: now, messageID: message.id.uuidString
                )
                try await sender.send(mail)
                try await Outbox.markSent(message.id, at: now, on: db)
                sent += 1
                progress("sent to \(message.recipientEmail): \(MailHeader.oneLine(message.subject))")
            } catch {
                failed += 1
                let reason = (error as? MailError)?.description ?? String(describing: error)
                try await Outbox.markFailed(message.id, error: reason, on: db)
                progress("not sent to \(message.recipientEmail) (attempt \(message.attempts + 1) of \(Outbox.maxAttempts)): \(reason)")
            }
        }
        return Summary(openValues: queue.openValues, queued: queue.queued, sent: sent, failed: failed)
    }
}
