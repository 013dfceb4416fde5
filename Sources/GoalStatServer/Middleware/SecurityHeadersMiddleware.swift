import Vapor

/// Security headers on every response, error pages and redirects included (this middleware sits outside the error
/// middleware): no inline script, no framing, no MIME sniffing, no referrer leaks.
///
/// It is also the last guard against header injection: a header value with a control character (CR, LF, NUL…)
/// never leaves the server. Values from visitors are refused where they are read (`SiteURL.localPath`); this only
/// catches a path that was missed, and logs it.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let unsafe = Set(response.headers.filter { !Self.isSafe($0.value) }.map(\.name))
        for name in unsafe {
            request.logger.error("Dropped the response header \(name): its value holds a control character")
            response.headers.remove(name: name)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }

    static func isSafe(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
    }
}
