import GoalStatCore
import GoalStatStore
import Vapor

extension Risk: Content {}
extension CapacityRequest: Content {}

/// What the API takes for a risk (new or revised); history, dates and links are the server's.
struct RiskBody: Content {
    var goal: String?
    var title: String
    var description: String?
    var likelihood: Int
    var impact: Int
    var owner: String?
    var mitigation: String?
    var status: RiskStatus?
    var reviewOn: String?
    /// Why the likelihood or impact changed (kept in the score history).
    var note: String?

    func risk(goal fallback: String, today: CalendarDate) -> Risk {
        Risk(
            goal: goal ?? fallback, title: title, description: description, likelihood: likelihood, impact: impact, owner: owner,
            mitigation: mitigation, status: status ?? .open, reviewOn: reviewOn, openedOn: today.description
        )
    }
}

/// The risk register and capacity requests over the API: the same writes as the pages, refusals as 422 naming the
/// field.
struct RisksAPIController {
    private let reviews = ReviewsAPIController()

    func list(_ request: Request) async throws -> ListPage<Risk> {
        let goal = try request.queryText("goal")
        let closed = try request.queryBool("closed") ?? false
        return try ListPage(try await RiskService.visible(goal: goal, includeClosed: closed, request: request), request: request)
    }

    func show(_ request: Request) async throws -> Risk {
        try await RiskService.stored(try request.parameters.require("id"), request: request)
    }

    func create(_ request: Request) async throws -> Response {
        try RiskService.requireEditor(request)
        let body = try request.decodeJSONBody(RiskBody.self)
        let risk = try await reviews.refusing {
            try await RiskService.open(body.risk(goal: "", today: request.clock.today), request: request, source: .api)
        }
        return try await reviews.created(risk, request)
    }

    func update(_ request: Request) async throws -> Risk {
        try RiskService.requireEditor(request)
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(RiskBody.self)
        let stored = try await RiskService.stored(id, request: request)
        return try await reviews.refusing {
            try await RiskService.revise(id, to: body.risk(goal: stored.goal, today: request.clock.today), note: body.note, request: request, source: .api)
        }
    }

    // MARK: Capacity requests

    struct CapacityBody: Content {
        var orgUnit: String
        var goal: String?
        var kind: CapacityKind?
        var title: String
        var justification: String
    }

    struct CapacityDecisionBody: Content {
        var status: CapacityStatus
        var decision: String
        var review: UUID?
    }

    struct CapacityUpdateBody: Content {
        var text: String
        var status: CapacityStatus
    }

    func capacityList(_ request: Request) async throws -> ListPage<CapacityRequest> {
        let open = try request.queryBool("open") ?? false
        return try ListPage(try await CapacityService.visible(openOnly: open, request: request), request: request)
    }

    func capacityShow(_ request: Request) async throws -> CapacityRequest {
        try await CapacityService.stored(try request.parameters.require("id"), request: request)
    }

    func capacityCreate(_ request: Request) async throws -> Response {
        try CapacityService.requireTeamMember(request)
        let body = try request.decodeJSONBody(CapacityBody.self)
        let capacity = CapacityRequest(
            orgUnit: body.orgUnit, goal: body.goal, kind: body.kind ?? .other, title: body.title, justification: body.justification,
            requestedOn: request.clock.today.description
        )
        let asked = try await reviews.refusing { try await CapacityService.ask(capacity, request: request, source: .api) }
        return try await reviews.created(asked, request)
    }

    func capacityDecide(_ request: Request) async throws -> CapacityRequest {
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(CapacityDecisionBody.self)
        return try await reviews.refusing {
            try await CapacityService.decide(id, status: body.status, decision: body.decision, review: body.review, request: request, source: .api)
        }
    }

    func capacityFollowUp(_ request: Request) async throws -> CapacityRequest {
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(CapacityUpdateBody.self)
        return try await reviews.refusing {
            try await CapacityService.followUp(id, text: body.text, status: body.status, request: request, source: .api)
        }
    }
}
