import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// The holes found by probing the product from outside (issue 8): each test failed before its fix.
@Suite("Hardening: tokens, redirects, references, throttle, headers")
struct HardeningTests {
    private func bearer(_ token: String) -> HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
    }

    private func newToken(_ grants: [String], with headers: HTTPHeaders, on app: Application) async throws -> (status: HTTPResponseStatus, token: String?) {
        var result: (HTTPResponseStatus, String?) = (.internalServerError, nil)
        try await app.testing().test(.POST, "/api/v1/tokens", headers: headers, body: jsonBody(["name": "minted", "grants": grants])) { response in
            result = (response.status, (response.json as? [String: Any])?["token"] as? String)
        }
        return result
    }

    @Test("a narrow token cannot mint a wider one, even when its owner could")
    func tokenEscalation() async throws {
        try await withServer { app in
            let admin = bearer(TestAccounts.adminToken(of: app))
            _ = try await MatrixSetup.prepare(on: app)
            let narrow = try await newToken(["viewer@DMV-DS"], with: admin, on: app)
            #expect(narrow.status == .created)
            let narrowHeaders = bearer(try #require(narrow.token))
            let wider = try await newToken(["admin@*"], with: narrowHeaders, on: app)
            #expect(wider.status == .forbidden)
            #expect(wider.token == nil)
            let sideways = try await newToken(["viewer@DMV-FO"], with: narrowHeaders, on: app)
            #expect(sideways.status == .forbidden)
            let same = try await newToken(["viewer@DMV-DS"], with: narrowHeaders, on: app)
            #expect(same.status == .created)
        }
    }

    @Test("next refuses header injection and addresses that browsers would follow to another site")
    func nextIsALocalPathOnly() async throws {
        #expect(SiteURL.localPath("/goals/G1?tab=history") == "/goals/G1?tab=history")
        #expect(SiteURL.localPath("/\r\nSet-Cookie: goalstat_session=ATTACKER; Path=/") == nil)
        #expect(SiteURL.localPath("/\t/evil.example") == nil)
        #expect(SiteURL.localPath("/\n/evil.example") == nil)
        #expect(SiteURL.localPath("/\\evil.example") == nil)
        #expect(SiteURL.localPath("//evil.example") == nil)
        #expect(SiteURL.localPath("https://evil.example/") == nil)
        #expect(SiteURL.localPath("/caf\u{E9}") == nil)
        #expect(SiteURL.localPath("/%0D%0A") == "/%0D%0A", "percent-encoded bytes stay encoded and inert")
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            for next in ["/%0D%0ASet-Cookie:%20goalstat_session=ATTACKER;%20Path=/", "/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example"] {
                try await browser.get("/sign-in?next=\(next)", on: app) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == ["/"], "next=\(next)")
                    #expect(!response.headers[.setCookie].contains { $0.contains("ATTACKER") })
                }
            }
            try await browser.get("/sign-in?next=/goals/G1", on: app) { response in
                #expect(response.headers[.location] == ["/goals/G1"])
            }
        }
    }

    @Test("a response header with a control character never leaves the server")
    func unsafeHeaderValuesAreDropped() {
        #expect(SecurityHeadersMiddleware.isSafe("attachment; filename=\"framework.yaml\""))
        #expect(!SecurityHeadersMiddleware.isSafe("/\r\nSet-Cookie: x=1"))
        #expect(!SecurityHeadersMiddleware.isSafe("a\u{0}b"))
        #expect(!SecurityHeadersMiddleware.isSafe("a\tb"))
    }

    @Test("a data steward cannot store values or import rows about another unit")
    func valuesAboutAnotherUnit() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let steward = bearer(setup.tokens[.steward]!)
            let path = "/api/v1/indicators/FO-SERVED/measurements"
            try await app.testing().test(.POST, path, headers: steward, body: jsonBody(["period": "2026-09", "value": 1, "orgUnit": "DMV-DS"])) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("DMV-DS"))
            }
            try await app.testing().test(.POST, path, headers: steward, body: jsonBody([
                ["period": "2026-09", "value": 1, "orgUnit": "DMV-FO-NORTH"], ["period": "2026-10", "value": 2, "orgUnit": "DMV-DS"],
            ])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.GET, "\(path)?orgUnit=DMV-DS", headers: bearer(TestAccounts.adminToken(of: app))) { response in
                #expect(((response.json as? [String: Any])?["items"] as? [Any])?.isEmpty == true, "nothing about DMV-DS was stored")
            }
            try await app.testing().test(.POST, path, headers: steward, body: jsonBody(["period": "2026-09", "value": 1, "orgUnit": "DMV-FO-NORTH"])) { response in
                #expect(response.status.code < 300, "a unit below the steward's own is theirs")
            }
            var csv = steward
            csv.replaceOrAdd(name: .contentType, value: "text/csv")
            try await app.testing().test(.POST, "/api/v1/imports", headers: csv, body: ByteBuffer(string: "indicator,period,value,org_unit\nFO-SERVED,2026-09,100,DMV-DS\n")) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("DMV-DS"))
            }
            let leader = bearer(setup.tokens[.leader]!)
            let target: [String: Any] = [
                "indicator": "FO-SERVED", "period": "FY2027", "orgUnit": "DMV-DS", "value": 10, "rationale": "try", "setOn": "2026-09-01",
            ]
            try await app.testing().test(.POST, "/api/v1/indicators/FO-SERVED/targets", headers: leader, body: jsonBody(target)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("a goal's new parent must be one the caller may read and edit; unknown and private answer alike")
    func parentGoalReferences() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            let admin = bearer(TestAccounts.adminToken(of: app))
            let privateGoal: [String: Any] = ["code": "G-DS-PRIV", "kind": "performanceGoal", "name": "Private goal of another unit", "orgUnit": "DMV-DS"]
            try await app.testing().test(.POST, "/api/v1/goals", headers: admin, body: jsonBody(privateGoal)) { response in
                #expect(response.status == .created)
            }
            let leader = bearer(setup.tokens[.leader]!)
            var stored: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/goals/G-PRIV", headers: leader) { response in
                stored = try #require(response.json as? [String: Any])
            }
            func answer(parent: String) async throws -> (status: HTTPResponseStatus, code: String?, field: String?, message: String) {
                var goal = stored
                goal["parent"] = parent
                var result: (HTTPResponseStatus, String?, String?, String) = (.ok, nil, nil, "")
                try await app.testing().test(.PUT, "/api/v1/goals/G-PRIV", headers: leader, body: jsonBody(goal)) { response in
                    let message = ((response.json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? ""
                    result = (response.status, response.apiError?.code, response.apiError?.field, message.replacingOccurrences(of: parent, with: "KEY"))
                }
                return result
            }
            let hidden = try await answer(parent: "G-DS-PRIV")
            let unknown = try await answer(parent: "G-NOPE")
            #expect(hidden.status == .unprocessableEntity)
            #expect(hidden.field == "parent")
            #expect(hidden.status == unknown.status && hidden.code == unknown.code && hidden.field == unknown.field && hidden.message == unknown.message)
            let notEditable = try await answer(parent: "G1")
            #expect(notEditable.status == .unprocessableEntity, "G1 is published but belongs to DMV, which the leader may not edit")
            let own = try await answer(parent: "G1.1")
            #expect(own.status == .ok)
            var linked: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/indicators/FO-SAT", headers: leader) { response in
                linked = try #require(response.json as? [String: Any])
            }
            linked["goals"] = ["G1.1", "G-DS-PRIV"]
            try await app.testing().test(.PUT, "/api/v1/indicators/FO-SAT", headers: leader, body: jsonBody(linked)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "goals")
            }
        }
    }

    @Test("five failures lock only that address out of that account; the owner signs in from elsewhere")
    func throttleLocksOutTheAttackerOnly() async throws {
        try await withServer { app in
            app.serverSettings.tlsProxy = true
            let pauses = PauseLog()
            app.signInPause = SignInPause { seconds in await pauses.add(seconds) }
            let attacker: HTTPHeaders = ["X-Forwarded-For": "198.51.100.66"]
            let owner: HTTPHeaders = ["X-Forwarded-For": "10.1.2.3"]
            var browser = try await Browser.start(on: app)
            for _ in 0..<SignInThrottle.standard.pairLimit {
                try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": "wrong password 123"], headers: attacker, on: app) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": TestAccounts.password], headers: attacker, on: app) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) != nil)
                #expect(response.body.string.contains("Too many failed sign-ins for this account from your network address"))
            }
            browser = try await Browser.start(on: app)
            try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": TestAccounts.password], headers: owner, on: app) { response in
                #expect(response.status == .seeOther, "the owner is slowed, never locked out")
            }
            #expect(await pauses.seconds == [1], "the sixth failure on the account made the next attempt wait a second")
            let forged: HTTPHeaders = ["X-Forwarded-For": "10.0.0.1, 10.0.0.2\u{0}' OR 1=1"]
            try await Browser.start(on: app).postForm("/sign-in", ["email": "nobody@example.gov", "password": "wrong password 123"], headers: forged, on: app) { response in
                #expect(response.status == .unauthorized, "a forwarded address that is no address is not stored as one")
            }
            #expect(SignInController.clientAddress(Request(application: app, headers: ["X-Forwarded-For": "203.0.113.9, 2001:db8::1"], on: app.eventLoopGroup.any())) == "2001:db8::1")
        }
    }

    @Test("error answers carry the security headers: redirect to sign-in, 400, 401, 404")
    func securityHeadersOnErrors() async throws {
        try await withServer { app in
            _ = try await MatrixSetup.prepare(on: app)
            func check(_ method: HTTPMethod, _ path: String, _ status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: String? = nil) async throws {
                try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == status, "\(method) \(path)")
                    #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(method) \(path)")
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(method) \(path)")
                }
            }
            try await check(.GET, "/goals/G-PRIV", .seeOther)
            try await check(.GET, "/api/v1/indicators/FO-SAT/measurements", .unauthorized)
            try await check(.GET, "/no-such-page", .notFound)
            try await check(.GET, "/api/v1/no-such-thing", .notFound)
            try await check(.POST, "/api/v1/goals", .badRequest, headers: bearer(TestAccounts.adminToken(of: app)), body: "{not json")
        }
    }
}

/// The pauses a throttled sign-in asked for, recorded instead of slept.
actor PauseLog {
    private(set) var seconds: [TimeInterval] = []
    func add(_ value: TimeInterval) { seconds.append(value) }
}
