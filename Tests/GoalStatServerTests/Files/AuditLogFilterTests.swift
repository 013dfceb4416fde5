import Foundation
import GoalStatCore
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The audit log a person can use: filters by date range and by people versus imports, in the database and in the
/// links, and values in words.
@Suite("Audit log: filters and values in words")
struct AuditLogFilterTests {
    /// A correction through the API (a person), after the fixtures' import.
    private func correct(on app: Application) async throws {
        try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                     body: jsonBody(["period": "2026-07", "value": 25, "status": "provisional", "reason": "Recount"])) { response in
            #expect(response.status == .ok || response.status == .created)
        }
    }

    @Test("people versus imports: each selects only its own sources, in the page, the CSV and the API")
    func origin() async throws {
        try await withServer { app in
            try await correct(on: app)
            let people = try await AuditLog.search(AuditFilter(origin: .people), on: app.db)
            #expect(people.total > 0 && people.items.allSatisfy { [.form, .api].contains($0.source) })
            let imports = try await AuditLog.search(AuditFilter(origin: .imports), on: app.db)
            #expect(imports.total > 0 && imports.items.allSatisfy { $0.source == .import })
            try await app.signedIn().test(.GET, "/audit.csv?origin=people") { response in
                let rows = response.body.string.split(separator: "\n").dropFirst()
                #expect(rows.count == people.total)
                #expect(rows.allSatisfy { $0.contains(",api,") })
            }
            try await app.signedIn().test(.GET, "/audit?origin=people") { response in
                #expect(response.body.string.contains("\(people.total) entr"))
                #expect(response.body.string.contains("<option value=\"people\" selected>"))
                #expect(response.body.string.contains("href=\"/audit.csv?origin=people\""))
            }
        }
    }

    @Test("a date range keeps whole UTC days and refuses an end before its start, naming it")
    func dateRange() async throws {
        try await withServer { app in
            let today = CalendarDate(utc: Fixtures.now)
            let all = try await AuditLog.search(AuditFilter(), on: app.db).total
            #expect(try await AuditLog.search(AuditFilter(from: today, to: today), on: app.db).total == all)
            #expect(try await AuditLog.search(AuditFilter(to: today.adding(days: -1)), on: app.db).total == 0)
            #expect(try await AuditLog.search(AuditFilter(from: today.adding(days: 1)), on: app.db).total == 0)
            try await app.signedIn().test(.GET, "/audit?from=\(today)&to=\(today.adding(days: -1))") { response in
                #expect(response.status == .badRequest)
            }
            try await app.signedIn().test(.GET, "/api/v1/audit?to=2026-13-01") { response in
                #expect(response.status == .badRequest && response.apiError?.field == "to")
            }
            try await app.signedIn().test(.GET, "/audit.csv?to=\(today.adding(days: -1))") { response in
                #expect(response.body.string.split(separator: "\n").count == 1)
            }
        }
    }

    @Test("the next page keeps the filter in its link")
    func pagingKeepsTheQuery() async throws {
        try await withServer { app in
            let today = CalendarDate(utc: Fixtures.now)
            try await app.signedIn().test(.GET, "/audit?origin=imports&from=\(today)&per=1") { response in
                #expect(response.body.string.contains("href=\"/audit?origin=imports&amp;from=\(today)&amp;page=2\""))
            }
        }
    }

    @Test("a correction reads as people write it, on the audit page and in the indicator's history")
    func valuesInWords() async throws {
        try await withServer { app in
            try await correct(on: app)
            try await app.signedIn().test(.GET, "/audit?entity=indicator&key=FO-WAIT-MEDIAN") { response in
                let html = response.body.string
                #expect(html.contains("Value: 24.5 → 25; Status: final → provisional"))
                #expect(html.contains("Value of FO-WAIT-MEDIAN (whole indicator), period starting 2026-07-01"))
                #expect(!html.contains("&quot;final&quot;"))
            }
        }
    }
}
