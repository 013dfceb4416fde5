import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Works out the reminders due as of a day and queues them in the outbox (issue 10); `goalstat remind` then sends
/// what is unsent. Queuing is idempotent: a reminder already queued, sent or not, is never queued again.
public enum ReminderQueue {
    public struct Summary: Sendable, Equatable {
        /// Values due, coming due or late from stewards.
        public var openValues: Int
        /// Reminders worked out for today (already queued ones included).
        public var reminders: Int
        /// Of those, newly queued.
        public var queued: Int
    }

    /// - Parameter siteURL: the address people reach GoalStat at (`https://goalstat.agency.gov`), for the links in
    ///   messages; without it the links are paths.
    @discardableResult
    public static func queue(
        today: CalendarDate, now: Date, policy: DuePolicy, siteURL: String?, on db: any Database
    ) async throws -> Summary {
        let tasks = try await DueWork.valueTasks(today: today, policy: policy, on: db)
        let sql = try ReadModel.sqlDatabase(db)
        let escalation = try await EscalationRecipients.of(Array(Set(tasks.map(\.indicator))).sorted(), on: sql)
        let names = try await RecipientNames.of(Array(Set(tasks.map(\.steward))).sorted(), on: sql)
        var messages: [OutboxMessage] = []
        var reminders = 0
        for task in tasks {
            let value = ValueDue(
                indicator: task.indicator, indicatorName: task.indicatorName, periodLabel: task.periodLabel, periodStart: task.periodStart,
                due: task.due, steward: ReminderRecipient(email: task.steward, name: names[task.steward] ?? task.steward),
                escalateTo: escalation[task.indicator]?.recipients(besides: task.steward) ?? [], entryLink: entryLink(task, siteURL: siteURL)
            )
            for reminder in ReminderWriter.reminders(for: value, today: today, policy: policy) {
                reminders += 1
                messages.append(OutboxMessage(
                    recipientEmail: reminder.recipientEmail.lowercased(), recipientName: reminder.recipientName,
                    subject: reminder.subject, body: reminder.body, kind: reminder.isEscalation ? .escalation : .valueReminder,
                    dedupeKey: reminder.dedupeKey, indicator: task.indicator, periodStart: task.periodStart, stage: reminder.stage,
                    createdAt: now
                ))
            }
        }
        let queued = try await Outbox.enqueue(messages, on: db)
        return Summary(openValues: tasks.count, reminders: reminders, queued: queued)
    }

    /// The data-entry grid for the steward and the period's month, as `SiteURL` builds it in the app.
    static func entryLink(_ task: ValueTask, siteURL: String?) -> String {
        // RFC 3986 unreserved characters only, as the app's own links escape query values.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let steward = task.steward.addingPercentEncoding(withAllowedCharacters: allowed) ?? task.steward
        let path = "/data-entry?steward=\(steward)&month=\(task.entryMonth)"
        guard let siteURL, !siteURL.isEmpty else { return path }
        return (siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL) + path
    }
}
