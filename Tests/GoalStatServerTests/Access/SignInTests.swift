import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Signing in with the form, the session cookie, CSRF on forms, sign-out, password change and the throttle.
@Suite("Sign-in and sessions")
struct SignInTests {
    @Test("signing in sets an HTTP-only SameSite=Lax session cookie that opens private pages")
    func signIn() async throws {
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            let cookie = try #require(browser.sessionCookie)
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure, "no TLS proxy configured, so not Secure")
            try await browser.get("/account", on: app) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Test Administrator"))
                #expect(response.body.string.contains("Sign out"))
            }
        }
    }

    @Test("a wrong password is refused without saying which field was wrong")
    func wrongPassword() async throws {
        try await withServer { app in
            let browser = try await Browser.start(on: app)
            try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": "wrong password 123"], on: app) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("The email or password is not right"))
                #expect(response.headers.setCookie?[SessionCookie.name] == nil)
            }
        }
    }

    @Test("a form without the session's CSRF token is refused, with it accepted")
    func csrf() async throws {
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            let form = ["period": "FY2027", "value": "20", "rationale": "Stretch", "basedOn": "3"]
            try await browser.postForm("/indicators/FO-WAIT-MEDIAN/targets", form, csrf: "forged", on: app) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("did not come from this site"))
            }
            try await browser.postForm("/indicators/FO-WAIT-MEDIAN/targets", form, on: app) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test("the sign-in form itself carries a CSRF token bound to a cookie")
    func signInCSRF() async throws {
        try await withServer { app in
            let browser = try await Browser.start(on: app)
            try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": TestAccounts.password], csrf: "forged", on: app) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("signing out ends the session in the database, not just in the browser")
    func signOut() async throws {
        try await withServer { app in
            let browser = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            try await browser.postForm("/sign-out", [:], on: app) { response in
                #expect(response.status == .seeOther)
            }
            // The old cookie, replayed, no longer opens anything.
            try await browser.get("/account", on: app) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
        }
    }

    @Test("changing the password ends the other sessions and keeps this one")
    func passwordChange() async throws {
        try await withServer { app in
            let first = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            var second = try await Browser.signIn(TestAccounts.adminEmail, TestAccounts.password, on: app)
            let newPassword = "a new secret 2026"
            let response = try await second.postForm("/account/password", ["current": TestAccounts.password, "password": newPassword, "confirm": newPassword], on: app)
            #expect(response.status == .ok)
            #expect(response.body.string.contains("Your password was changed"))
            second.take(response)
            try await first.get("/account", on: app) { response in #expect(response.status == .seeOther) }
            try await second.get("/account", on: app) { response in #expect(response.status == .ok) }
            _ = try await Browser.signIn(TestAccounts.adminEmail, newPassword, on: app)
        }
    }

    @Test("after five failures from one address that address is throttled with a clear message, even for the right password")
    func throttle() async throws {
        try await withServer { app in
            app.signInPause = SignInPause { _ in }
            let browser = try await Browser.start(on: app)
            for _ in 0..<SignInThrottle.standard.pairLimit {
                try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": "wrong password 123"], on: app) { _ in }
            }
            try await browser.postForm("/sign-in", ["email": TestAccounts.adminEmail, "password": TestAccounts.password], on: app) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.body.string.contains("Too many failed sign-ins for this account"))
            }
        }
    }

    @Test("a next address off this site is ignored after sign-in")
    func openRedirect() {
        #expect(SignInController.safeNext("/goals/G1") == "/goals/G1")
        #expect(SignInController.safeNext("//evil.example/") == "/")
        #expect(SignInController.safeNext("https://evil.example/") == "/")
        #expect(SignInController.safeNext(nil) == "/")
    }
}

/// A browser for tests: keeps the cookies a response sets, and fills in the CSRF token forms carry.
struct Browser {
    var cookies: [String: HTTPCookies.Value] = [:]
    var csrfToken: String = ""

    var sessionCookie: HTTPCookies.Value? { cookies[SessionCookie.name] }

    static func start(on app: Application) async throws -> Browser {
        var browser = Browser()
        browser.take(try await browser.get("/sign-in", on: app))
        return browser
    }

    static func signIn(_ email: String, _ password: String, on app: Application) async throws -> Browser {
        var browser = try await start(on: app)
        let response = try await browser.postForm("/sign-in", ["email": email, "password": password], on: app)
        #expect(response.status == .seeOther, "sign-in of \(email) failed")
        browser.take(response)
        browser.take(try await browser.get("/account", on: app))
        return browser
    }

    mutating func take(_ response: TestingHTTPResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrf(in: response.body.string) { csrfToken = token }
    }

    private var cookieHeader: HTTPHeaders {
        var headers = HTTPHeaders()
        let pairs = cookies.map { "\($0.key)=\($0.value.string)" }
        if !pairs.isEmpty { headers.add(name: .cookie, value: pairs.joined(separator: "; ")) }
        return headers
    }

    @discardableResult
    func get(_ path: String, on app: Application, _ check: (TestingHTTPResponse) async throws -> Void = { _ in }) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: cookieHeader) { response in
            captured = response
            try await check(response)
        }
        return try #require(captured)
    }

    @discardableResult
    func postForm(
        _ path: String, _ fields: [String: String], csrf: String? = nil, headers extra: HTTPHeaders = [:], on app: Application,
        _ check: (TestingHTTPResponse) async throws -> Void = { _ in }
    ) async throws -> TestingHTTPResponse {
        var headers = cookieHeader
        headers.add(contentsOf: extra)
        headers.contentType = .urlEncodedForm
        var all = fields
        all[CSRF.field] = csrf ?? csrfToken
        let body = all.map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }.joined(separator: "&")
        var captured: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { response in
            captured = response
            try await check(response)
        }
        return try #require(captured)
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
