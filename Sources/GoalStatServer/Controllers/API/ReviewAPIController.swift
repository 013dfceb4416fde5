import GoalStatCore
import GoalStatStore
import Vapor

/// Cross-indicator analysis over the API: focus ranking, balanced scorecard, link evidence, comparisons across units.
struct ReviewAPIController {
    func focus(_ request: Request) async throws -> Response {
        try json(try await review(request).focus())
    }

    func scorecard(_ request: Request) async throws -> Response {
        try json(try await review(request).scorecard())
    }

    func links(_ request: Request) async throws -> Response {
        try json(try await review(request).links())
    }

    func integrity(_ request: Request) async throws -> Response {
        try json(try await review(request).integrity(on: request.db))
    }

    func comparison(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let review = try await review(request)
        var period: Period?
        if let text = try request.queryText("period") {
            do {
                period = try Period.parse(text, calendar: review.reporting.calendar)
            } catch {
                throw APIError.invalidQuery("period", error.message)
            }
        }
        guard let comparison = try await review.comparison(indicator: code, period: period, on: request.db) else {
            throw APIError.notFound("Indicator \(code)")
        }
        return try json(comparison)
    }

    /// The review as of `?asOf=` (default today).
    func review(_ request: Request) async throws -> PerformanceReview {
        try await PerformanceReview.load(for: request)
    }

    static func asOf(_ request: Request) throws -> CalendarDate {
        try request.queryDate("asOf") ?? request.clock.today
    }

    private func json(_ value: some Encodable) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(ValueBox(value: value), using: JSONEncoder())
        return response
    }
}

/// Wraps a list in `{"items": [...]}` or passes an object through, so every answer is a JSON object.
private struct ValueBox<Value: Encodable>: Encodable {
    var value: Value

    func encode(to encoder: any Encoder) throws {
        if Value.self is any Collection.Type {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(value, forKey: .items)
        } else {
            try value.encode(to: encoder)
        }
    }

    enum Key: String, CodingKey { case items }
}

extension PerformanceReview {
    /// The review of what the request's principal may read, as of `?asOf=` (default today), on a current read model.
    static func load(for request: Request) async throws -> PerformanceReview {
        _ = try await request.readState()
        return try await load(
            asOf: try ReviewAPIController.asOf(request), visibleTo: request.principal,
            document: try await request.framework(), on: request.db
        )
    }
}
