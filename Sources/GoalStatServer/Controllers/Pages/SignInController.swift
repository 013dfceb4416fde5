import GoalStatCore
import GoalStatStore
import Vapor

/// Sign-in and sign-out. Sign-in is throttled per account and address, and slowed per account and per address
/// (`SignInThrottle`); success opens a session stored in the database and sets its HTTP-only cookie.
struct SignInController {
    struct Submission: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func form(_ request: Request) async throws -> Response {
        if request.principal.isSignedIn {
            return request.redirect(to: Self.safeNext(try? request.query.get(String.self, at: "next")), redirectType: .normal)
        }
        return render(email: "", next: SiteURL.localPath(try? request.query.get(String.self, at: "next")), message: nil, status: .ok, on: request)
    }

    func submit(_ request: Request) async throws -> Response {
        let submission = try request.content.decode(Submission.self)
        let email = submission.email?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = submission.password ?? ""
        // No account has an email over the length limit or with a control character (PostgreSQL refuses NUL bytes):
        // such a sign-in is answered like a wrong password without reaching the database.
        if TextRules.problem(in: email, as: .email) != nil {
            return render(email: "", next: submission.next, message: "The email or password is not right. Check both and try again.", status: .unauthorized, on: request)
        }
        let now = request.clock.now()
        let address = Self.clientAddress(request)
        switch try await LoginThrottle.status(email: email, address: address, now: now, on: request.db) {
        case .blocked(let until):
            let message = LoginThrottleStatus.blocked(until: until).message(now: now)
            let response = render(email: email, next: submission.next, message: message, status: .tooManyRequests, on: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(max(1, Int(until.timeIntervalSince(now).rounded(.up)))))
            return response
        case .allowed(let delay):
            if delay > 0 { try await request.application.signInPause.wait(delay) }
        }
        let user = email.isEmpty || password.isEmpty ? nil : try await UserStore.authenticate(
            email: email, password: password, hasher: request.application.passwordHasher, on: request.db
        )
        try await LoginThrottle.register(attempt: LoginAttempt(email: email, address: address, at: now, succeeded: user != nil), on: request.db)
        guard let user else {
            return render(email: email, next: submission.next, message: "The email or password is not right. Check both and try again.", status: .unauthorized, on: request)
        }
        let session = try await SessionStore.create(for: user.id, now: now, on: request.db)
        let response = request.redirect(to: Self.safeNext(submission.next), redirectType: .normal)
        let secure = request.application.serverSettings.tlsProxy
        response.cookies[SessionCookie.name] = SessionCookie.make(session, secure: secure)
        // The pre-sign-in CSRF cookie has done its job; the session's secret takes over.
        response.cookies[CSRF.cookie] = SessionCookie.expired(secure: secure)
        return response
    }

    func signOut(_ request: Request) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.string {
            try await SessionStore.delete(token: token, on: request.db)
        }
        let response = request.redirect(to: SiteURL.dashboard.path, redirectType: .normal)
        response.cookies[SessionCookie.name] = SessionCookie.expired(secure: request.application.serverSettings.tlsProxy)
        return response
    }

    private func render(email: String, next: String?, message: String?, status: HTTPResponseStatus, on request: Request) -> Response {
        let csrf = CSRF.anonymousToken(for: request)
        let page = SignInPage(email: email, next: next.flatMap { $0.isEmpty ? nil : $0 }, message: message, csrfToken: csrf.token)
        let response = page.render(request.pageContext).htmlResponse(status: status)
        if let cookie = csrf.cookie { response.cookies[CSRF.cookie] = cookie }
        return response
    }

    /// Only a path on this site: never another host (`//evil.example`, `https://…`), so sign-in cannot be used to
    /// send someone elsewhere, nor to write a header (see `SiteURL.localPath`).
    static func safeNext(_ next: String?) -> String {
        SiteURL.localPath(next) ?? SiteURL.dashboard.path
    }

    /// The client's address: the peer, or behind a TLS proxy the last address the proxy added to X-Forwarded-For
    /// (earlier entries come from the client and could be forged).
    static func clientAddress(_ request: Request) -> String {
        if request.application.serverSettings.tlsProxy,
           let forwarded = request.headers.first(name: .xForwardedFor)?.split(separator: ",").last {
            let address = forwarded.trimmingCharacters(in: .whitespaces)
            // An IPv4 or IPv6 address only: anything else (a NUL byte, a 10 KB string) would reach the database.
            if (1...45).contains(address.utf8.count), address.utf8.allSatisfy({ $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }) {
                return address
            }
            return "unreadable forwarded address"
        }
        return request.remoteAddress?.ipAddress ?? "unknown"
    }
}
