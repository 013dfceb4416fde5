import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// My tasks and the notification list, as the signed-in steward and goal leader Kwame Osei sees them (issue 10).
@Suite("My tasks and reminders pages", .serialized)
struct TasksPageTests {
    static let kwame = "k.osei@example.gov"

    private func signInKwame(on app: Application) async throws -> Browser {
        _ = try await UserStore.create(
            email: Self.kwame, name: "Kwame Osei", password: TestAccounts.password, grants: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")],
            hasher: app.passwordHasher, context: AuditContext(actor: nil, source: .system, now: Fixtures.now), on: app.db
        )
        return try await Browser.signIn(Self.kwame, TestAccounts.password, on: app)
    }

    @Test("the page lists the values due by indicator and period, what is late, and the targets to set, with links to enter and set them")
    func tasksPage() async throws {
        try await withServer { app in
            let browser = try await signInKwame(on: app)
            let html = try await browser.get("/tasks", on: app).body.string
            #expect(html.contains("<h1>My tasks</h1>"))
            #expect(html.contains("aria-current=\"page\">My tasks</a>"))
            // FO-WAIT-MEDIAN has July and August; September (due 15 October) and October (due 15 November) are late.
            #expect(html.contains("Values to enter"))
            #expect(html.contains("Median in-office wait"))
            #expect(html.contains("2026-10-15"))
            #expect(html.contains("Late by 39 days"))
            #expect(html.contains("Late by 8 days"))
            #expect(html.contains("href=\"/data-entry?steward=k.osei%40example.gov&amp;month=2026-09\""))
            // FO-SERVED's September is stored as missing: not due.
            #expect(!html.contains("for Customers served, 2026-09"))
            #expect(html.contains("for Customers served, 2026-10"))
            #expect(html.contains("Targets to set"))
            #expect(html.contains("href=\"/indicators/FO-SAT/targets/new\""))
            #expect(html.contains("FY2027"))
            // G1.1's FY2026-Q4 narrative is written.
            #expect(!html.contains("Quarterly narratives to write"))
            #expect(!html.contains("comingDue") && !html.contains("dueToday"))
            #expect(html.contains("<th scope=\"col\">Due on</th>"))
        }
    }

    @Test("someone who stewards and leads nothing is told that nothing is due")
    func nothingDue() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/tasks") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Nothing is due from you."))
                #expect(!response.body.string.contains("Values to enter"))
            }
        }
    }

    @Test("the leader of a goal without its latest narrative is asked for it")
    func narrativeDue() async throws {
        try await withServer { app in
            _ = try await UserStore.create(
                email: "r.alvarez@example.gov", name: "Rosa Alvarez", password: TestAccounts.password, grants: [RoleGrant(role: .pio)],
                hasher: app.passwordHasher, context: AuditContext(actor: nil, source: .system, now: Fixtures.now), on: app.db
            )
            let browser = try await Browser.signIn("r.alvarez@example.gov", TestAccounts.password, on: app)
            let html = try await browser.get("/tasks", on: app).body.string
            #expect(html.contains("Quarterly narratives to write"))
            #expect(html.contains("href=\"/goals/G1\""))
            #expect(html.contains("FY2026-Q4"))
            #expect(!html.contains("Values to enter"))
        }
    }

    @Test("reminders show in the list, new until marked read with the form's CSRF token")
    func notifications() async throws {
        try await withServer { app in
            var browser = try await signInKwame(on: app)
            let sender = RecordingMailSender()
            let summary = try await ReminderRun.run(
                on: app.db, today: CalendarDate(utc: Fixtures.now), now: Fixtures.now, policy: .standard, siteURL: nil,
                from: try MailAddress(email: "goalstat@example.gov"), sender: sender, progress: { _ in }
            )
            #expect(summary.sent > 0)
            let list = try await browser.get("/notifications", on: app)
            browser.take(list)
            #expect(list.body.string.contains("Late: Median in-office wait for 2026-10 was due on 2026-11-15"))
            #expect(list.body.string.contains("Mark all"))
            #expect(try await browser.get("/tasks", on: app).body.string.contains(" new)"))

            let refused = try await browser.postForm("/notifications/read", [:], csrf: "wrong", on: app)
            #expect(refused.status == .forbidden)
            let marked = try await browser.postForm("/notifications/read", [:], on: app)
            #expect(marked.status == .ok)
            #expect(marked.body.string.contains("marked as read"))
            #expect(!marked.body.string.contains("Mark all"))
            #expect(try await Outbox.notifications(for: Self.kwame, on: app.db).allSatisfy { $0.readAt != nil })
        }
    }
}

/// `goalstat remind`'s run: queue, then send what is unsent, once (issue 10).
@Suite("Reminder run")
struct ReminderRunTests {
    private func run(_ sender: RecordingMailSender, today: CalendarDate = CalendarDate(utc: Fixtures.now), on app: Application) async throws -> ReminderRun.Summary {
        try await ReminderRun.run(
            on: app.db, today: today, now: Fixtures.now, policy: .standard, siteURL: "https://goalstat.example.gov",
            from: try MailAddress(email: "goalstat@example.gov", name: "GoalStat"), sender: sender, progress: { _ in }
        )
    }

    @Test("running remind twice sends each reminder once")
    func sendsOnce() async throws {
        try await withServer { app in
            let sender = RecordingMailSender()
            let first = try await run(sender, on: app)
            let second = try await run(sender, on: app)
            let sent = await sender.sent
            #expect(first.sent == sent.count)
            #expect(first.sent > 0 && first.failed == 0)
            #expect(second.queued == 0 && second.sent == 0)
            #expect(Set(sent.map(\.messageID)).count == sent.count)
            let october = try #require(sent.first { $0.subject.contains("Median in-office wait for 2026-10") })
            #expect(october.to.email == "k.osei@example.gov")
            #expect(october.body.contains("https://goalstat.example.gov/data-entry?steward=k.osei%40example.gov&month=2026-10"))
        }
    }

    @Test("a message that cannot be sent stays in the outbox and goes at the next run")
    func retries() async throws {
        try await withServer { app in
            let failed = try await run(RecordingMailSender(fails: true), on: app)
            #expect(failed.sent == 0 && failed.failed > 0)
            #expect(try await Outbox.unsent(on: app.db).allSatisfy { $0.attempts == 1 && $0.lastError?.contains("test server down") == true })
            let sender = RecordingMailSender()
            let retried = try await run(sender, on: app)
            #expect(retried.queued == 0)
            #expect(retried.sent == failed.failed)
            #expect(try await Outbox.unsent(on: app.db).isEmpty)
        }
    }
}
