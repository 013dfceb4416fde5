import GoalStatCore
import Vapor

/// Turns every error into a JSON error body under `/api` and a plain error page elsewhere. Unknown errors are
/// logged and answered with a 500 that reveals nothing.
struct GoalStatErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch AccessDenied.notSignedIn where !request.isAPI {
            // A page that needs sign-in sends the visitor to sign in, and back here afterwards.
            return request.redirect(to: SiteURL.signIn(next: request.method == .GET ? request.url.string : nil).path, redirectType: .normal)
        } catch {
            let apiError = APIError(translating: error) ?? {
                request.logger.report(error: error)
                return APIError(status: .internalServerError, code: "internalError", message: "Something went wrong on the server.")
            }()
            if apiError.status == .serviceUnavailable {
                request.logger.warning("\(apiError.code): \(String(reflecting: error))")
            }
            let response: Response
            if request.isAPI {
                response = Response(status: apiError.status)
                try response.content.encode(APIErrorBody(error: .init(
                    code: apiError.code, message: apiError.message, field: apiError.field, details: apiError.details
                )))
            } else {
                let page = ErrorPage(status: apiError.status, message: apiError.message, details: apiError.details, context: request.pageContext)
                response = page.response(status: apiError.status)
            }
            if let retryAfter = apiError.retryAfter {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            }
            return response
        }
    }
}

extension Request {
    /// Whether this request is for the JSON API (errors as JSON) rather than a page (errors as HTML).
    var isAPI: Bool { url.path.hasPrefix("/api/") || url.path == "/openapi.json" }
}
