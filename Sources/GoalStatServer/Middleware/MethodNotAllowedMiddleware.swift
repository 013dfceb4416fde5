import Vapor

/// A request for a path that exists, with a method it does not take, is answered 405 with `Allow` listing the
/// methods it does take (RFC 9110 §15.5.6), not 404 as if the path did not exist. Like a 404, it needs no access
/// rule: it says only which methods the document lists for the path.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.route == nil else { return try await next.respond(to: request) }
        let allowed = Self.methods(for: request.url.path, in: request.application.routes.all)
        guard !allowed.isEmpty else { return try await next.respond(to: request) }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        let message = "\(request.url.path) takes \(list), not \(request.method.rawValue)."
        let response: Response
        if request.isAPI {
            response = Response(status: .methodNotAllowed)
            try response.content.encode(APIErrorBody(error: .init(code: "methodNotAllowed", message: message, field: nil, details: [])))
        } else {
            response = ErrorPage(status: .methodNotAllowed, message: message, details: [], context: request.pageContext)
                .response(status: .methodNotAllowed)
        }
        response.headers.replaceOrAdd(name: .allow, value: list)
        return response
    }

    /// The methods routed for `path` (a `HEAD` is answered by the `GET` route), in a fixed order.
    static func methods(for path: String, in routes: [Route]) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let matching = Set(routes.filter { matches($0.path, segments) }.map(\.method.rawValue))
        let order: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE]
        return order.filter { matching.contains($0.rawValue) || ($0 == .HEAD && matching.contains("GET")) }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [Substring]) -> Bool {
        if pattern.count == segments.count {
            return zip(pattern, segments).allSatisfy { component, segment in
                switch component {
                case .constant(let text): text == segment
                case .parameter, .anything: true
                case .catchall: true
                }
            }
        }
        guard let last = pattern.last, case .catchall = last, segments.count >= pattern.count - 1 else { return false }
        return matches(Array(pattern.dropLast()), Array(segments.prefix(pattern.count - 1)))
    }
}
