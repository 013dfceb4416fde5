import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// Reminders worked out from the stored framework and values, queued once each (issue 10).
@Suite("Reminder queue")
struct ReminderQueueTests {
    private func keys(on db: any Database) async throws -> Set<String> {
        Set(try await Outbox.all(on: db).map(\.dedupeKey))
    }

    @Test("a period stored as missing is not due and gets no reminder; the periods around it do")
    func missingStopsReminders() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await ReminderFixture.load(on: db)
            try await ReminderQueue.queue(today: ReminderFixture.today, now: Fixtures.now, policy: .standard, siteURL: nil, on: db)
            let keys = try await keys(on: db)
            #expect(!keys.contains { $0.contains("|FO-CALLS|2026-09-01|") })
            #expect(keys.contains("value|d.lee@example.gov|FO-CALLS|2026-08-01|late"))
            #expect(keys.contains("value|d.lee@example.gov|FO-CALLS|2026-10-01|late"))
            // A provisional value answers its period too.
            #expect(!keys.contains { $0.contains("|FO-FORMS|2026-10-01|") })
            let tasks = try await DueWork.valueTasks(steward: "d.lee@example.gov", today: ReminderFixture.today, policy: .standard, on: db)
            #expect(tasks.map { "\($0.indicator) \($0.periodLabel) \($0.due.state.rawValue)" } == [
                "FO-CALLS 2026-08 late", "FO-FORMS 2026-08 late", "FO-FORMS 2026-09 late", "FO-CALLS 2026-10 late",
            ])
        }
    }

    @Test("running twice on one day queues each reminder once")
    func idempotent() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await ReminderFixture.load(on: db)
            let first = try await ReminderQueue.queue(today: ReminderFixture.today, now: Fixtures.now, policy: .standard, siteURL: nil, on: db)
            let second = try await ReminderQueue.queue(today: ReminderFixture.today, now: Fixtures.now, policy: .standard, siteURL: nil, on: db)
            #expect(first.queued > 0)
            #expect(first.queued == first.reminders)
            #expect(second.queued == 0)
            #expect(second.reminders == first.reminders)
            #expect(try await Outbox.all(on: db).count == first.queued)
        }
    }

    @Test("a value that stays late goes to the goal's leader, or to the performance officer when there is no other")
    func escalation() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await ReminderFixture.load(on: db)
            try await ReminderQueue.queue(today: ReminderFixture.today, now: Fixtures.now, policy: .standard, siteURL: "https://goalstat.example.gov/", on: db)
            let messages = try await Outbox.all(on: db)
            let keys = Set(messages.map(\.dedupeKey))
            // August was due on 15 September: 14 days later it went to Kwame Osei, who leads G1.1.
            #expect(keys.contains("value|k.osei@example.gov|FO-CALLS|2026-08-01|escalated"))
            // October is late but not yet 14 days late.
            #expect(!keys.contains { $0.hasSuffix("|FO-CALLS|2026-10-01|escalated") })
            // Forms filed measures no goal: the performance officer over its unit hears of it.
            #expect(keys.contains("value|pio@example.gov|FO-FORMS|2026-08-01|escalated"))
            // Kwame stewards what his own goal measures: he is not told about himself; the officer is.
            #expect(!keys.contains { $0.hasPrefix("value|k.osei@example.gov|FO-WAIT-MEDIAN") && $0.hasSuffix("escalated") })
            #expect(keys.contains("value|pio@example.gov|FO-WAIT-MEDIAN|2026-09-01|escalated"))
            let escalation = try #require(messages.first { $0.dedupeKey == "value|k.osei@example.gov|FO-CALLS|2026-08-01|escalated" })
            #expect(escalation.kind == .escalation)
            #expect(escalation.recipientName == "Kwame Osei")
            #expect(escalation.body.contains("Dana Lee"))
            #expect(escalation.body.contains("https://goalstat.example.gov/data-entry?steward=d.lee%40example.gov&month=2026-08"))

            // A week on, October has been late for 14 days: its escalation is new, the rest already queued.
            let later = try await ReminderQueue.queue(
                today: ReminderFixture.today.adding(days: 6), now: Fixtures.now.addingTimeInterval(6 * 86_400), policy: .standard, siteURL: nil, on: db
            )
            #expect(later.queued >= 1)
            #expect(try await self.keys(on: db).contains("value|k.osei@example.gov|FO-CALLS|2026-10-01|escalated"))
        }
    }

    @Test("sent and read marks are kept per message; failures count attempts and keep the error")
    func outboxMarks() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await ReminderFixture.load(on: db)
            try await ReminderQueue.queue(today: ReminderFixture.today, now: Fixtures.now, policy: .standard, siteURL: nil, on: db)
            let unsent = try await Outbox.unsent(on: db)
            let first = try #require(unsent.first)
            // Two senders at once: only one gets the message; a failure lets it go for the next run.
            #expect(try await Outbox.claim(first.id, now: Fixtures.now, on: db))
            #expect(try await !Outbox.claim(first.id, now: Fixtures.now, on: db))
            try await Outbox.markFailed(first.id, error: "connection refused", on: db)
            #expect(try await Outbox.claim(first.id, now: Fixtures.now, on: db))
            try await Outbox.markFailed(first.id, error: "connection refused", on: db)
            try await Outbox.markSent(unsent[1].id, at: Fixtures.now, on: db)
            let after = try await Outbox.unsent(on: db)
            #expect(after.count == unsent.count - 1)
            #expect(after.first { $0.id == first.id }?.attempts == 2)
            #expect(try await !Outbox.claim(unsent[1].id, now: Fixtures.now, on: db), "a sent message cannot be claimed")
            #expect(after.first { $0.id == first.id }?.lastError == "connection refused")
            let dana = try await Outbox.notifications(for: "D.Lee@example.gov", on: db)
            #expect(!dana.isEmpty && dana.allSatisfy { $0.readAt == nil })
            #expect(try await Outbox.markRead(for: "d.lee@example.gov", at: Fixtures.now, on: db) == dana.count)
            #expect(try await Outbox.notifications(for: "d.lee@example.gov", on: db).allSatisfy { $0.readAt != nil })
            #expect(try await Outbox.markRead(for: "d.lee@example.gov", at: Fixtures.now, on: db) == 0)
        }
    }
}

/// What My tasks lists for a person (issue 10).
@Suite("Due work per person")
struct DueWorkTests {
    @Test("a steward who leads a goal sees their values, the goal's narrative and its indicators' targets")
    func tasksOfALeader() async throws {
        try await TestDatabase.withFresh { store in
            let db = store.database
            try await ReminderFixture.load(on: db)
            let kwame = try await DueWork.tasks(for: "k.osei@example.gov", today: ReminderFixture.today, policy: .standard, on: db)
            // By due date: August (15 September), September (15 October), then October's two (15 November).
            #expect(kwame.values.map { "\($0.indicator) \($0.periodLabel)" } == [
                "FO-SERVED 2026-08", "FO-WAIT-MEDIAN 2026-09", "FO-SERVED 2026-10", "FO-WAIT-MEDIAN 2026-10",
            ])
            // G1.1 has its FY2026-Q4 narrative.
            #expect(kwame.narratives.isEmpty)
            // No indicator of G1.1 has a target for FY2027 for its total (FO-WAIT-MEDIAN's is for one region).
            #expect(kwame.targets.map(\.indicator) == ["FO-CALLS", "FO-MORALE", "FO-SAT", "FO-SERVED", "FO-WAIT-MEDIAN"])
            #expect(kwame.targets.allSatisfy { $0.periodLabel == "FY2027" && $0.due.state == .late })

            // Accounts keep e-mails in lower case, framework files as typed: the same person either way.
            #expect(try await DueWork.tasks(for: "K.Osei@Example.gov", today: ReminderFixture.today, policy: .standard, on: db) == kwame)

            let rosa = try await DueWork.tasks(for: "r.alvarez@example.gov", today: ReminderFixture.today, policy: .standard, on: db)
            #expect(rosa.values.isEmpty)
            #expect(rosa.narratives.map { "\($0.goal) \($0.periodLabel) \($0.due.dueDate)" } == ["G1 FY2026-Q4 2026-10-30"])
            #expect(rosa.targets.isEmpty)
        }
    }
}
