import Foundation
import GoalStatCore
@testable import GoalStatServer
@testable import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Importing a file in the browser: the preview stores nothing, the commit stores all of it or nothing.
@Suite("Import page: preview, then commit")
struct ImportPageTests {
    /// One new value (line 2) and one correction of a final value (line 3: 24.5 → 25).
    static let csv = "indicator,period,value\nFO-WAIT-MEDIAN,2026-09,22\nFO-WAIT-MEDIAN,2026-07,25\n"

    private func stored(_ app: Application) async throws -> [String: Double?] {
        let series = try await MeasurementStore.series(indicator: "FO-WAIT-MEDIAN", orgUnit: nil, on: app.db)
        return Dictionary(series.map { ($0.period.description, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    private func preview(_ csv: String, name: String = "values.csv", on app: Application) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.signedIn().test(.POST, "/imports", headers: Multipart.headers, body: Multipart.body(file: name, csv)) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    @Test("the preview lists what is new and what corrects a stored value, line by line, and stores nothing")
    func previewWritesNothing() async throws {
        try await withServer { app in
            let before = try await stored(app)
            let (status, html) = try await preview(Self.csv, on: app)
            #expect(status == .ok)
            #expect(html.contains("1 new value, 1 correction of stored values"))
            #expect(html.contains("needs a reason"))
            #expect(html.contains("24.5 (final)") && html.contains("25 (final)"))
            #expect(html.contains("Median in-office wait"))
            #expect(html.contains("Commit this import") && html.contains("id=\"import-reason\""))
            #expect(Multipart.token(in: html) != nil)
            #expect(try await stored(app) == before)
            #expect(before["2026-07"] == 24.5 && before["2026-09"] == nil)
        }
    }

    @Test("a correction without a reason is refused at the commit with the field named; with one, everything is stored")
    func commitNeedsReason() async throws {
        try await withServer { app in
            let (_, html) = try await preview(Self.csv, on: app)
            let token = try #require(Multipart.token(in: html))
            try await app.signedIn().test(.POST, "/imports/commit", headers: formHeaders, body: ByteBuffer(string: "token=\(token)")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("id=\"import-reason-error\""))
                #expect(response.body.string.contains("These corrections change final values"))
            }
            #expect(try await stored(app)["2026-09"] == nil)
            try await app.signedIn().test(.POST, "/imports/commit", headers: formHeaders,
                                         body: ByteBuffer(string: "token=\(token)&reason=Recount+of+July")) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("measurements: 1 added, 1 revised, 0 unchanged"))
                #expect(response.body.string.contains("/indicators/FO-WAIT-MEDIAN"))
                #expect(response.body.string.contains("/audit?batch="))
            }
            let after = try await stored(app)
            #expect(after["2026-07"] == 25 && after["2026-09"] == 22)
            let revisions = try await MeasurementStore.revisions(indicator: "FO-WAIT-MEDIAN", orgUnit: nil, on: app.db)
            #expect(revisions.first?.revision.correctionReason == "Recount of July")
            // The kept file is gone once committed.
            try await app.signedIn().test(.POST, "/imports/commit", headers: formHeaders, body: ByteBuffer(string: "token=\(token)&reason=again")) { response in
                #expect(response.status == .gone)
            }
            let entries = try await AuditLog.search(AuditFilter(entity: .importBatch, origin: .imports), on: app.db).items
            #expect(entries.first?.actor == TestAccounts.adminEmail && entries.first?.source == .import)
        }
    }

    @Test("refused lines are listed with their line, column and reason, and the file cannot be committed")
    func refusedLines() async throws {
        try await withServer { app in
            let csv = "indicator,period,value\nFO-WAIT-MEDIAN,2026-09,22\nNO-SUCH,2026-09,1\nFO-WAIT-MEDIAN,2026-10,abc\n"
            let (status, html) = try await preview(csv, on: app)
            #expect(status == .unprocessableEntity)
            #expect(html.contains("2 problems"))
            #expect(html.contains("<td>3</td><td>indicator</td>"))
            #expect(html.contains("<td>4</td><td>value</td>"))
            #expect(!html.contains("Commit this import") && Multipart.token(in: html) == nil)
            #expect(try await stored(app)["2026-09"] == nil)
        }
    }

    @Test("a framework file is previewed record by record, in words, and stores nothing")
    func frameworkPreview() async throws {
        try await withServer { app in
            let yaml = """
                orgUnits:
                  - { code: DMV-NEW, name: New Office, kind: office, parent: DMV }
                  - { code: DMV-FO, name: Field Services, kind: office, parent: DMV }
                """
            let (status, html) = try await preview(yaml, name: "plan.yaml", on: app)
            #expect(status == .ok)
            #expect(html.contains("1 record to add, 1 to change"))
            #expect(html.contains("Name: Field Operations → Field Services") && html.contains(">Changed</span>"))
            #expect(html.contains("DMV-NEW") && html.contains("Name: New Office"), "\(html)")
            #expect(html.contains(">New</span>"))
            let units = try await FrameworkStore.orgUnits(on: app.db)
            #expect(!units.contains { $0.code == "DMV-NEW" })
        }
    }

    @Test("no file, or a file of another kind, is refused beside the file field")
    func badUploads() async throws {
        try await withServer { app in
            let (status, html) = try await preview("hello", name: "notes.txt", on: app)
            #expect(status == .unprocessableEntity)
            #expect(html.contains("id=\"import-file-error\"") && html.contains("notes.txt is neither"))
            let (empty, emptyHTML) = try await preview("", name: "values.csv", on: app)
            #expect(empty == .unprocessableEntity && emptyHTML.contains("Choose a file"))
        }
    }

    @Test("a kept file is its sender's alone: another person's token finds nothing")
    func tokenIsPerPerson() async throws {
        try await withServer { app in
            let (_, html) = try await preview(Self.csv, on: app)
            let token = try #require(Multipart.token(in: html))
            let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            let other = try await UserStore.create(
                email: "pio2@example.gov", name: "Other PIO", password: TestAccounts.password, grants: [RoleGrant(role: .pio)],
                hasher: app.passwordHasher, context: context, on: app.db
            )
            let otherToken = try await APITokenStore.create(name: "t", owner: other.id, grants: [RoleGrant(role: .pio)], context: context, on: app.db).token
            try await app.testing().test(.POST, "/imports/commit", headers: ["Authorization": "Bearer \(otherToken)", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "token=\(token)&reason=mine")) { response in
                #expect(response.status == .gone)
            }
            #expect(try await stored(app)["2026-09"] == nil)
        }
    }

    @Test("a file over the page's 32 MB is refused with 413, in a session and with a token, and nothing is kept")
    func overTheLimit() async throws {
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            var headers = Multipart.headers
            headers.add(name: .cookie, value: "\(SessionCookie.name)=\(browser.sessionCookie?.string ?? "")")
            let huge = Self.csv + String(repeating: "FO-SERVED,2026-10,1\n", count: 1_700_000)
            try await app.testing(method: .running(hostname: "127.0.0.1", port: 18_433)).test(
                .POST, "/imports", headers: headers, body: Multipart.body(file: "v.csv", huge, fields: ["csrf": browser.csrfToken])
            ) { response in
                #expect(response.status == .payloadTooLarge)
            }
            try await app.signedInLive(port: 18_434).test(.POST, "/imports", headers: Multipart.headers, body: Multipart.body(file: "v.csv", huge)) { response in
                #expect(response.status == .payloadTooLarge)
            }
            #expect(try await PendingUploadModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a kept file expires after an hour, and the next upload removes what has expired")
    func keptFilesExpire() async throws {
        try await withServer { app in
            let user = UserID(UUID())
            let token = try await PendingUploads.keep(Data("x".utf8), fileName: "a.csv", for: user, now: Fixtures.now, on: app.db)
            #expect(try await PendingUploads.find(token, for: user, now: Fixtures.now.addingTimeInterval(3_599), on: app.db) != nil)
            #expect(try await PendingUploads.find(token, for: user, now: Fixtures.now.addingTimeInterval(3_600), on: app.db) == nil)
            _ = try await PendingUploads.keep(Data("y".utf8), fileName: "b.csv", for: user, now: Fixtures.now.addingTimeInterval(7_200), on: app.db)
            #expect(try await PendingUploads.find(token, for: user, now: Fixtures.now, on: app.db) == nil)
        }
    }

    @Test("in a browser session the upload form needs its CSRF token, read from the multipart body")
    func csrfInMultipart() async throws {
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            var headers = Multipart.headers
            headers.add(name: .cookie, value: "\(SessionCookie.name)=\(browser.sessionCookie?.string ?? "")")
            // A file large enough to arrive after the request head: the token is read once the body is in.
            let padding = String(repeating: "x", count: 300_000)
            try await app.testing(method: .running(hostname: "127.0.0.1", port: 18_431)).test(
                .POST, "/imports", headers: headers, body: Multipart.body(file: "v.csv", Self.csv, fields: ["csrf": browser.csrfToken, "padding": padding])
            ) { response in
                #expect(response.status == .ok)
            }
            try await app.testing(method: .running(hostname: "127.0.0.1", port: 18_432)).test(
                .POST, "/imports", headers: headers, body: Multipart.body(file: "v.csv", Self.csv, fields: ["csrf": "forged", "padding": padding])
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
