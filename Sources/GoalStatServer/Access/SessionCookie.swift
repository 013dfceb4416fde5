import GoalStatStore
import Vapor

/// The session cookie: HTTP-only (no script can read it), SameSite=Lax (other sites cannot post with it), and
/// Secure when the server runs behind a TLS-terminating proxy (`goalstat serve --tls-proxy`).
enum SessionCookie {
    static let name = "goalstat_session"

    static func make(_ session: NewUserSession, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: session.token, expires: session.session.expiresAt, path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax
        )
    }

    static func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
