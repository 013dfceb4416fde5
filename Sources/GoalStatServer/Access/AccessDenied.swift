import Vapor

/// Why a request was refused before its route ran: 401 for nobody signed in (or a bad token), 403 for a signed-in
/// principal whose roles do not allow it, 403 for a form without its CSRF token.
enum AccessDenied: Error, Sendable, Equatable {
    case notSignedIn
    case badToken
    case forbidden(String)
    case csrfMismatch

    var apiError: APIError {
        switch self {
        case .notSignedIn:
            APIError(status: .unauthorized, code: "notSignedIn", message: "Sign in, or send an API token as 'Authorization: Bearer gst_…'.")
        case .badToken:
            APIError(status: .unauthorized, code: "invalidToken", message: "The API token is unknown, revoked or expired.")
        case .forbidden(let message):
            APIError(status: .forbidden, code: "forbidden", message: message)
        case .csrfMismatch:
            APIError(
                status: .forbidden, code: "csrfTokenMismatch",
                message: "The form has expired or did not come from this site: reload the page and try again."
            )
        }
    }
}
