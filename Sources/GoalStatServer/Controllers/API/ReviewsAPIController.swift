import GoalStatCore
import GoalStatStore
import Vapor

extension Review: Content {}
extension GoalAssessment: Content {}
extension ReviewDecision: Content {}
extension ActionItem: Content {}

/// Reviews over the API: the same writes as the pages (`ReviewService`), refusals as 422 naming the field.
struct ReviewsAPIController {
    struct ReviewRecord: Content {
        var review: Review
        var assessments: [GoalAssessment]
        var decisions: [ReviewDecision]
        var actions: [ActionItem]
        var followUp: FollowUp
    }

    struct FollowUp: Content {
        var previousReview: UUID?
        var openActions: [ActionItem]
        var closedSinceLastReview: [ActionItem]
        var openAsks: [GoalAssessment]
        var answeredSinceLastReview: [GoalAssessment]
    }

    struct ReviewBody: Content {
        var kind: ReviewKind
        var title: String
        var date: String
        var chair: String?
        var attendees: [String]?
        var goals: [String]?
        var orgUnits: [String]?
        var notes: String?
    }

    struct AssessmentBody: Content {
        struct Ask: Content {
            var orgUnit: String
            var request: String
        }
        var goal: String
        var category: GoalCategory
        var blockers: String?
        var ask: Ask?
    }

    struct DecisionBody: Content {
        struct TargetChange: Content {
            var period: String?
            var orgUnit: String?
            var value: String?
            var rangeMin: String?
            var rangeMax: String?
        }
        var kind: DecisionKind
        var text: String
        var goal: String?
        var indicator: String?
        /// For a decision that revises a target: the new version (its rationale is the decision's text).
        var target: TargetChange?
        /// For a decision that opens a risk (of the decision's goal).
        var risk: RiskBody?
        /// For a decision that reassigns the goal's leader: the new leader's email.
        var leader: String?
    }

    struct ActionBody: Content {
        var title: String
        var owner: String
        var due: String
        var decision: UUID?
    }

    struct UpdateBody: Content {
        var text: String
        var status: ActionStatus
    }

    struct AnswerBody: Content {
        var answer: String
    }

    func list(_ request: Request) async throws -> ListPage<Review> {
        try ListPage(try await ReviewStore.reviews(on: request.db), request: request)
    }

    func create(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(ReviewBody.self)
        let review = Review(
            kind: body.kind, title: body.title, date: body.date, chair: body.chair, attendees: body.attendees ?? [],
            goals: body.goals ?? [], orgUnits: body.orgUnits ?? [], notes: body.notes
        )
        try await refusing { try await ReviewService.schedule(review, request: request, source: .api) }
        let response = Response(status: .created)
        try response.content.encode(review)
        return response
    }

    struct SeriesBody: Content {
        var cadence: ReviewService.Cadence
        var fiscalYear: Int?
        var daysAfter: Int?
        var chair: String?
        /// For `repeating`: the first review of the series.
        var first: ReviewBody?
        var everyMonths: Int?
        var until: String?
    }

    /// Schedules a cadence of reviews; answers with the reviews it added (none when all were already scheduled).
    func scheduleSeries(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(SeriesBody.self)
        let first = body.first.map {
            Review(kind: $0.kind, title: $0.title, date: $0.date, chair: $0.chair, attendees: $0.attendees ?? [], goals: $0.goals ?? [], orgUnits: $0.orgUnits ?? [], notes: $0.notes)
        }
        let input = ReviewService.SeriesInput(
            cadence: body.cadence, fiscalYear: body.fiscalYear, daysAfter: body.daysAfter, chair: body.chair, template: first,
            everyMonths: body.everyMonths, until: body.until
        )
        let added = try await refusing { try await ReviewService.scheduleSeries(input, request: request, source: .api) }
        return try await created(added, request)
    }

    func show(_ request: Request) async throws -> ReviewRecord {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let followUp = try await ReviewStore.followUp(for: review, on: request.db)
        return ReviewRecord(
            review: review,
            assessments: try await ReviewStore.assessments(reviews: [review.id], on: request.db),
            decisions: try await ReviewStore.decisions(reviews: [review.id], on: request.db),
            actions: try await ReviewStore.actions(reviews: [review.id], on: request.db),
            followUp: FollowUp(
                previousReview: followUp.previous?.id, openActions: followUp.openActions, closedSinceLastReview: followUp.closedSinceLastReview,
                openAsks: followUp.openAsks, answeredSinceLastReview: followUp.answeredSinceLastReview
            )
        )
    }

    func assess(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let body = try request.decodeJSONBody(AssessmentBody.self)
        let assessment = GoalAssessment(
            review: review.id, goal: body.goal, category: body.category, blockers: body.blockers,
            ask: body.ask.map { AskForHelp(orgUnit: $0.orgUnit, request: $0.request) }
        )
        try await refusing { try await ReviewService.assess(assessment, of: review, request: request, source: .api) }
        return try await created(try await ReviewStore.assessments(reviews: [review.id], on: request.db).first { $0.goal == body.goal } ?? assessment, request)
    }

    func decide(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let body = try request.decodeJSONBody(DecisionBody.self)
        let decision = ReviewDecision(review: review.id, kind: body.kind, text: body.text, goal: body.goal, indicator: body.indicator)
        let target = body.target.flatMap { change in
            body.indicator.map {
                TargetInput(indicator: $0, period: change.period, orgUnit: change.orgUnit, value: change.value, rangeMin: change.rangeMin, rangeMax: change.rangeMax, rationale: body.text)
            }
        }
        let risk = body.risk.map { $0.risk(goal: body.goal ?? "", today: request.clock.today) }
        try await refusing {
            try await ReviewService.decide(decision, effects: .init(target: target, risk: risk, leader: body.leader), request: request, source: .api)
        }
        return try await created(decision, request)
    }

    func addAction(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let body = try request.decodeJSONBody(ActionBody.self)
        let action = ActionItem(review: review.id, decision: body.decision, title: body.title, owner: body.owner, due: body.due)
        try await refusing { try await ReviewService.addAction(action, request: request, source: .api) }
        return try await created(action, request)
    }

    func updateAction(_ request: Request) async throws -> ActionItem {
        let body = try request.decodeJSONBody(UpdateBody.self)
        return try await refusing {
            try await ReviewService.update(action: try request.parameters.require("id"), text: body.text, status: body.status, request: request, source: .api)
        }
    }

    /// Open actions (of an owner, or of a unit's people), overdue first when `overdue=true` asks for only those.
    func openActions(_ request: Request) async throws -> ListPage<ActionItem> {
        let owner = try request.queryText("owner"), unit = try request.queryText("orgUnit")
        let overdue = try request.queryBool("overdue") ?? false
        let today = request.clock.today
        let actions = try await ReviewService.openActions(owner: owner, orgUnit: unit, request: request)
        return try ListPage(overdue ? actions.filter { $0.isOverdue(on: today) } : actions, request: request)
    }

    /// The asks for help the caller may answer (addressed to their units), open ones first.
    func asks(_ request: Request) async throws -> ListPage<GoalAssessment> {
        try ListPage(try await ReviewService.asksToAnswer(request: request), request: request)
    }

    func answer(_ request: Request) async throws -> GoalAssessment {
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(AnswerBody.self)
        try await refusing { try await ReviewService.answer(ask: id, text: body.answer, request: request, source: .api) }
        guard let uuid = UUID(uuidString: id), let answered = try await ReviewStore.assessment(uuid, on: request.db) else { throw APIError.notFound("Ask for help \(id)") }
        return answered
    }

    func created<Record: Content>(_ record: Record, _ request: Request) async throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(record)
        return response
    }

    /// A refusal as 422 naming its first field, every field in the details.
    func refusing<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let refused as ReviewService.Refused {
            let fields = refused.fields.sorted { $0.key < $1.key }
            throw APIError(
                status: .unprocessableEntity, code: "invalid",
                message: fields.map { "\($0.key): \($0.value)" }.joined(separator: "; "), field: fields.first?.key,
                details: fields.map { APIErrorDetail(field: $0.key, reason: $0.value) }
            )
        }
    }
}
