import GoalStatCore
import Vapor

/// CSRF protection for everything a browser can be tricked into sending.
///
/// A signed-in form carries the session's CSRF secret in a hidden field (`csrf`); JavaScript calling the API
/// with the session cookie sends it as `X-CSRF-Token`. Before sign-in (the sign-in form itself) the token is a
/// random cookie repeated in the form (double submit). Requests with an API token need none: a browser never
/// adds a bearer token on its own.
enum CSRF {
    static let field = "csrf"
    static let header = "X-CSRF-Token"
    static let cookie = "goalstat_csrf"

    /// The token this request's forms must carry, if there is one yet.
    static func token(for request: Request) -> String? {
        request.caller.session?.csrfSecret ?? request.cookies[cookie]?.string
    }

    /// For pages shown before sign-in: the existing cookie's token, or a new one and the cookie to set.
    static func anonymousToken(for request: Request) -> (token: String, cookie: HTTPCookies.Value?) {
        if let existing = token(for: request) { return (existing, nil) }
        let token = SecretToken.make()
        let cookie = HTTPCookies.Value(
            string: token, path: "/", isSecure: request.application.serverSettings.tlsProxy, isHTTPOnly: true, sameSite: .strict
        )
        return (token, cookie)
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Refuses a state-changing request from a browser without the right CSRF token (403 `csrfTokenMismatch`).
/// Runs after authorization, so that a refused request is told why first.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), request.caller.token == nil else {
            return try await next.respond(to: request)
        }
        let isFormPost = request.headers.contentType.map { [.urlEncodedForm, .formData].contains($0) } ?? false
        // An anonymous API call carries no cookie for a browser to abuse; authorization has answered it already.
        if !isFormPost && request.caller.session == nil && request.cookies[CSRF.cookie] == nil {
            return try await next.respond(to: request)
        }
        // A file upload is too large to arrive with the request head: its form (and token) is read once the body is
        // in, up to the route's own limit (beyond it the answer is 413).
        if isFormPost, request.body.data == nil, let limit = request.route?.userInfo[RouteAccess.bodyLimitKey] as? Int {
            _ = try await request.body.collect(max: limit).get()
        }
        let given = request.headers.first(name: CSRF.header) ?? (isFormPost ? try? request.content.get(String.self, at: CSRF.field) : nil)
        guard let expected = CSRF.token(for: request), let given, CSRF.matches(given, expected) else {
            throw AccessDenied.csrfMismatch
        }
        return try await next.respond(to: request)
    }
}
