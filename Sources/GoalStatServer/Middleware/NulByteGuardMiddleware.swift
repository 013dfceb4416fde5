import Vapor

/// PostgreSQL can neither store nor compare text holding a NUL byte, and answers a query with one in a parameter
/// with an error: a URL whose path or query holds one (`%00`) is refused with 400 before any handler passes it
/// to the database. No code, email, period or filter can contain it, so nothing legitimate is lost. Bodies are
/// checked field by field instead (`TextRules`), where the field can be named.
struct NulByteGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let url = request.url.string
        if url.contains("%00") || url.utf8.contains(0) {
            throw APIError(
                status: .badRequest, code: "malformedRequest",
                message: "The address holds a NUL byte (%00), which no GoalStat record or parameter can contain."
            )
        }
        return try await next.respond(to: request)
    }
}
