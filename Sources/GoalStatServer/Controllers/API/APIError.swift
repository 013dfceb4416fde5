import GoalStatCore
import GoalStatStore
import Vapor

/// An API error with a stable code; rendered as `{"error": {"code", "message", "field", "details"}}` (SPEC §5a).
struct APIError: Error, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var field: String?
    var details: [APIErrorDetail] = []
    /// Seconds for a `Retry-After` header: the request may succeed later as it is (503).
    var retryAfter: Int?

    static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "notFound", message: "\(what) does not exist")
    }

    static func invalid(_ field: String?, _ message: String) -> APIError {
        APIError(status: .unprocessableEntity, code: "invalidValue", message: message, field: field)
    }

    static func malformed(_ message: String, field: String? = nil) -> APIError {
        APIError(status: .badRequest, code: "malformedBody", message: message, field: field)
    }

    static func conflict(_ message: String, field: String? = nil) -> APIError {
        APIError(status: .conflict, code: "alreadyExists", message: message, field: field)
    }
}

/// One row-level problem of an import, or one invalid field.
struct APIErrorDetail: Content, Equatable {
    var file: String?
    var line: Int?
    var column: String?
    var field: String?
    var reason: String
    /// On a 409 for a stale version: the record as it is stored now.
    var current: JSONValue?
}

/// The error body of every failing API call.
struct APIErrorBody: Content {
    struct Inner: Content {
        var code: String
        var message: String
        var field: String?
        var details: [APIErrorDetail]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
            try container.encode(details, forKey: .details)
        }
    }

    var error: Inner
}

extension APIError {
    /// Maps the errors of the lower layers onto API errors, so that bad input is a 4xx naming the field, never a 500.
    init?(translating error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let denied as AccessDenied:
            self = denied.apiError
        case let stale as StaleVersion:
            self = stale.apiError
        case let stale as StaleTargets:
            self = stale.apiError
        case let access as AccessError:
            if case .emailTaken = access {
                self.init(status: .conflict, code: access.code, message: access.message, field: access.field)
            } else {
                self.init(status: .unprocessableEntity, code: access.code, message: access.message, field: access.field)
            }
        case let failure as ImportFailure:
            self.init(
                status: .unprocessableEntity, code: "importRejected",
                message: "\(failure.count) problem\(failure.count == 1 ? "" : "s") found; nothing was stored",
                field: failure.problems.first?.field ?? failure.problems.first?.column,
                details: failure.problems.map { APIErrorDetail(file: $0.file, line: $0.line, column: $0.column, field: $0.field, reason: $0.reason) }
            )
        case let failure as FrameworkImportError:
            let first = failure.issues.first
            self.init(
                status: .unprocessableEntity, code: "invalidValue", message: first.map { "\($0.field): \($0.reason)" } ?? "invalid",
                field: first.map { APIError.recordField($0.field) },
                details: failure.issues.map { APIErrorDetail(field: APIError.recordField($0.field), reason: $0.reason) }
            )
        case let issues as EntryIssues:
            let first = issues.issues.first
            self.init(
                status: .unprocessableEntity, code: "invalidValue", message: first?.reason ?? "invalid", field: first?.column,
                details: issues.issues.map { APIErrorDetail(line: $0.line, column: $0.column, field: $0.column, reason: $0.reason) }
            )
        case let violation as AppraisalRuleViolation:
            // The section of the law or regulation the input breaks travels with the reason (issue 13).
            self.init(
                status: .unprocessableEntity, code: "ruleViolated", message: violation.section.map { "\(violation.reason) (\($0))" } ?? violation.reason,
                field: violation.field, details: [APIErrorDetail(field: violation.field, reason: violation.reason)]
            )
        case let error as DecodingError:
            let (field, message) = APIError.describe(error)
            self.init(status: .badRequest, code: "malformedBody", message: message, field: field)
        case let abort as any AbortError where abort.status == .payloadTooLarge:
            self.init(
                status: .payloadTooLarge, code: "bodyTooLarge",
                message: "the request body is larger than \(BodyLimits.requestText); file imports (POST /api/v1/imports) take up to 256 MB"
            )
        case let unavailable as DatabaseUnavailable:
            self.init(status: .serviceUnavailable, code: unavailable.code, message: unavailable.message, retryAfter: unavailable.retryAfterSeconds)
        case let abort as any AbortError:
            let code = abort.status == .notFound ? "notFound" : abort.status == .badRequest ? "malformedBody" : "httpError"
            self.init(status: abort.status, code: code, message: abort.reason)
        default:
            // A driver's "busy" or "unreachable" (a read outside a write transaction, a pool without connections).
            guard let unavailable = DatabaseUnavailable(classifying: error) else { return nil }
            self.init(translating: unavailable)
        }
    }

    /// `goals[0].leader` → `leader`: a one-record write names the field of that record.
    static func recordField(_ path: String) -> String {
        guard let dot = path.firstIndex(of: "."), path[..<dot].hasSuffix("[0]") || path.hasPrefix("plan.") else { return path }
        return String(path[path.index(after: dot)...])
    }

    /// The field a decoding error is about and a message naming it: `items[1].value: expected a number`. A body
    /// that is a list names its items `items[i]`.
    static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ keys: [any CodingKey]) -> String {
            DocumentPathComponent.render(
                keys.map { key in key.intValue.map(DocumentPathComponent.index) ?? .key(key.stringValue) }, root: "items"
            )
        }
        switch error {
        case .keyNotFound(let key, let context):
            let full = path(context.codingPath + [key])
            return (full, "\(full) is required")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return (field.isEmpty ? nil : field, "\(field.isEmpty ? "the body" : field): expected \(expected(type))")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return (field.isEmpty ? nil : field, "\(field.isEmpty ? "the body" : field): expected \(expected(type)), found null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return (field.isEmpty ? nil : field, field.isEmpty ? "the body is not valid JSON" : "\(field): \(context.debugDescription)")
        @unknown default:
            return (nil, "the body cannot be read")
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: "text"
        case is Int.Type, is Int?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type, is Bool?.Type: "true or false"
        case is [Any].Type: "a list"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
