import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// What anonymous visitors and scoped users see, API tokens, and stale versions.
@Suite("Visibility, API tokens and stale versions")
struct VisibilityAndTokenTests {
    @Test("anonymous visitors see published goals and indicators only, everywhere they look")
    func anonymousSeesPublishedOnly() async throws {
        try await withServer { app in
            _ = try await MatrixSetup.prepare(on: app)
            try await app.testing().test(.GET, "/") { response in
                let html = response.body.string
                #expect(html.contains("Cut office wait times"))
                #expect(!html.contains("Internal staffing goal"), "a private goal on the public dashboard")
                #expect(html.contains("href=\"/sign-in\""), "the way in for staff")
            }
            try await app.testing().test(.GET, "/api/v1/goals") { response in
                let codes = ((response.json as? [String: Any])?["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
                #expect(codes.contains("G1.1"))
                #expect(!codes.contains("G-PRIV"))
            }
            try await app.testing().test(.GET, "/api/v1/indicators") { response in
                let codes = ((response.json as? [String: Any])?["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
                #expect(codes == ["FO-WAIT-MEDIAN"])
            }
            try await app.testing().test(.GET, "/api/v1/indicators/FO-SAT/measurements") { response in
                #expect(response.status == .unauthorized)
                #expect(response.apiError?.code == "notSignedIn")
            }
            try await app.testing().test(.GET, "/goals/G-PRIV") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/sign-in?next=%2Fgoals%2FG-PRIV")
            }
        }
    }

    @Test("a viewer of another unit gets 403 naming the unit, and sees only published records in lists")
    func viewerOfAnotherUnit() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.otherViewer]!)"]
            try await app.testing().test(.GET, "/api/v1/goals/G-PRIV", headers: headers) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("DMV-FO"))
            }
            try await app.testing().test(.GET, "/review", headers: headers) { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("FO-SAT"))
            }
        }
    }

    @Test("a data steward's grid and imports are limited to their unit")
    func stewardScope() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            var headers: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.steward]!)", "Content-Type": "text/csv"]
            try await app.testing().test(.POST, "/api/v1/imports", headers: headers, body: ByteBuffer(string: "indicator,period,value\nFO-SERVED,2026-09,100\n")) { response in
                #expect(response.status == .ok)
            }
            headers.replaceOrAdd(name: .authorization, value: "Bearer \(setup.tokens[.otherViewer]!)")
            try await app.testing().test(.POST, "/api/v1/imports", headers: headers, body: ByteBuffer(string: "indicator,period,value\nFO-SERVED,2026-09,100\n")) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("a token never reaches beyond its owner, stops when revoked, and a bad one is refused with 401")
    func tokens() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let steward: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.steward]!)", "Content-Type": "application/json"]
            try await app.testing().test(.POST, "/api/v1/tokens", headers: steward, body: jsonBody(["name": "too much", "grants": ["admin@*"]])) { response in
                #expect(response.status == .forbidden)
            }
            var created = ""
            var id = ""
            try await app.testing().test(.POST, "/api/v1/tokens", headers: steward, body: jsonBody(["name": "loader", "grants": ["dataSteward@DMV-FO-NORTH"]])) { response in
                #expect(response.status == .created)
                let object = response.json as? [String: Any]
                created = object?["token"] as? String ?? ""
                id = (object?["record"] as? [String: Any])?["id"] as? String ?? ""
            }
            #expect(created.hasPrefix("gst_"))
            let narrow: HTTPHeaders = ["Authorization": "Bearer \(created)"]
            try await app.testing().test(.GET, "/api/v1/me", headers: narrow) { response in
                #expect((response.json as? [String: Any])?["grants"] as? [String] == ["dataSteward@DMV-FO-NORTH"])
            }
            // The narrow token may not read DMV-FO's own private indicator.
            try await app.testing().test(.GET, "/api/v1/indicators/FO-SAT", headers: narrow) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.DELETE, "/api/v1/tokens/\(id)", headers: steward) { response in
                #expect(response.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: narrow) { response in
                #expect(response.status == .unauthorized)
                #expect(response.apiError?.code == "invalidToken")
            }
        }
    }

    @Test("tokens and sessions this process verified and keeps give way at once to a change made by another process (SPEC §6)")
    func keptAccessFollowsOtherProcesses() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let secret = try #require(setup.tokens[.steward])
            let bearer: HTTPHeaders = ["Authorization": "Bearer \(secret)"]
            let token = try #require(try await APITokenStore.verify(token: secret, now: Fixtures.now, on: app.db))
            let session = try await SessionStore.create(for: token.owner.id, now: Fixtures.now, on: app.db)
            let cookie: HTTPHeaders = ["Cookie": "\(SessionCookie.name)=\(session.token)"]
            for headers in [bearer, bearer, cookie, cookie] {
                try await app.testing().test(.GET, "/api/v1/me", headers: headers) { response in
                    #expect((response.json as? [String: Any])?["grants"] as? [String] == token.owner.grants.map(\.description))
                }
            }
            // Another process's writes reach this database without passing through this server's cache: here the
            // store's own calls stand for them.
            let elsewhere = AuditContext(actor: nil, source: .system, now: Fixtures.now)
            for grant in token.owner.grants { try await UserStore.revoke(grant, from: token.owner.id, context: elsewhere, on: app.db) }
            for headers in [bearer, cookie] {
                try await app.testing().test(.GET, "/api/v1/me", headers: headers) { response in
                    #expect((response.json as? [String: Any])?["grants"] as? [String] == [])
                }
            }
            try await APITokenStore.revoke(id: token.record.id, context: elsewhere, on: app.db)
            try await SessionStore.delete(token: session.token, on: app.db)
            for headers in [bearer, cookie] {
                try await app.testing().test(.GET, "/api/v1/me", headers: headers) { response in
                    #expect(response.status == .unauthorized)
                }
            }
        }
    }

    @Test("editing a goal from a stale version gets 409 with the current values")
    func staleGoal() async throws {
        try await withServer { app in
            var etag = ""
            var goal: [String: Any] = [:]
            try await app.signedIn().test(.GET, "/api/v1/goals/G1.1") { response in
                etag = response.headers.first(name: .eTag) ?? ""
                goal = response.json as? [String: Any] ?? [:]
            }
            #expect(!etag.isEmpty)
            var first = goal
            first["name"] = "Cut office wait times in half"
            var headers = jsonHeaders
            headers.add(name: .ifMatch, value: etag)
            try await app.signedIn().test(.PUT, "/api/v1/goals/G1.1", headers: headers, body: jsonBody(first)) { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .eTag) != etag)
            }
            var second = goal
            second["statement"] = "Edited from the old copy"
            try await app.signedIn().test(.PUT, "/api/v1/goals/G1.1", headers: headers, body: jsonBody(second)) { response in
                #expect(response.status == .conflict)
                #expect(response.apiError?.code == "staleVersion")
                let details = (response.json as? [String: Any]).flatMap { ($0["error"] as? [String: Any])?["details"] as? [[String: Any]] }
                #expect((details?.first?["current"] as? [String: Any])?["name"] as? String == "Cut office wait times in half")
            }
            // The accepted change is in the goal's history, with who made it and through which door.
            try await app.signedIn().test(.GET, "/audit?entity=goal&key=G1.1") { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains("Cut office wait times in half"))
                #expect(html.contains(TestAccounts.adminEmail))
                #expect(html.contains(">api<") || html.contains("api"))
            }
            try await app.signedIn().test(.GET, "/api/v1/audit?entity=goal&key=G1.1&source=api") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                #expect(items.first?["actor"] as? String == TestAccounts.adminEmail)
                #expect(items.first?["field"] as? String == "name")
                #expect(items.first?["oldValue"] as? String == "\"Cut office wait times\"")
            }
            try await app.signedIn().test(.GET, "/goals/G1.1") { response in
                #expect(response.body.string.contains("/audit?entity=goal&amp;key=G1.1"))
            }
        }
    }

    @Test("revising a target from a stale form gets 409 and shows the current versions")
    func staleTarget() async throws {
        try await withServer { app in
            var headers = formHeaders
            headers.add(name: .authorization, value: "Bearer \(TestAccounts.adminToken(of: app))")
            let form = "period=FY2027&value=20&rationale=Stretch&basedOn=2"
            try await app.testing().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .conflict)
                #expect(response.body.string.contains("Changed meanwhile"))
            }
            try await app.testing().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: headers, body: ByteBuffer(string: form.replacingOccurrences(of: "basedOn=2", with: "basedOn=3"))) { response in
                #expect(response.status == .seeOther)
            }
        }
    }
}
