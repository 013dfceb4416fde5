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
        /// Open actions from reviews whose owners were reminded (already queued ones included).
        public var actionReminders: Int = 0
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
        let actions = try await actionMessages(today: today, now: now, policy: policy, siteURL: siteURL, on: db)
        let queued = try await Outbox.enqueue(messages + actions, on: db)
        return Summary(openValues: tasks.count, reminders: reminders + actions.count, queued: queued, actionReminders: actions.count)
    }

    /// The reminders about open actions from reviews, to their owners.
    static func actionMessages(today: CalendarDate, now: Date, policy: DuePolicy, siteURL: String?, on db: any Database) async throws -> [OutboxMessage] {
        let actions = try await ReviewStore.openActions(owner: nil, on: db)
        guard !actions.isEmpty else { return [] }
        let names = try await RecipientNames.of(Array(Set(actions.map(\.owner))).sorted(), on: try ReadModel.sqlDatabase(db))
        let base = siteURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
        return actions.flatMap { action in
            ActionReminders.reminders(
                for: action, owner: ReminderRecipient(email: action.owner, name: names[action.owner] ?? action.owner),
                link: base + "/actions/\(action.id.uuidString)", today: today, policy: policy
            ).map { reminder in
                OutboxMessage(
                    recipientEmail: reminder.recipientEmail.lowercased(), recipientName: reminder.recipientName, subject: reminder.subject,
                    body: reminder.body, kind: .actionReminder, dedupeKey: reminder.dedupeKey, stage: reminder.stage, createdAt: now
                )
            }
        }
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
