import GoalStatCore
import GoalStatStore
import Vapor

/// A review's writes, shared by its pages and the API: each checks the rules against the framework (every mistake
/// named by its field), writes in one transaction with its audit entries, and says who may do what.
enum ReviewService {
    /// Refused input, field → reason.
    struct Refused: Error, Sendable {
        var fields: [String: String]

        init(_ issues: [FrameworkIssue]) {
            var fields: [String: String] = [:]
            for issue in issues { fields[issue.field] = fields[issue.field].map { $0 + "; " + issue.reason } ?? issue.reason }
            self.fields = fields
        }

        init(fields: [String: String]) {
            self.fields = fields
        }
    }

    static func schedule(_ review: Review, request: Request, source: AuditSource) async throws {
        let issues = ReviewRules.problems(in: review, known: try await request.framework())
        guard issues.isEmpty else { throw Refused(issues) }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await ReviewStore.schedule(review, audit: audit, on: tx) }
    }

    static func review(_ id: String, on request: Request) async throws -> Review {
        guard let uuid = UUID(uuidString: id), let review = try await ReviewStore.review(uuid, on: request.db) else {
            throw APIError.notFound("Review \(id)")
        }
        return review
    }

    static func assess(_ assessment: GoalAssessment, of review: Review, request: Request, source: AuditSource) async throws {
        let issues = ReviewRules.problems(in: assessment, of: review, known: try await request.framework())
        guard issues.isEmpty else { throw Refused(issues) }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await ReviewStore.assess(assessment, audit: audit, on: tx) }
    }

    /// Records a decision; one that revises a target adds the target's new version in the same transaction, with
    /// the decision as its rationale (through the same rules as the target form).
    static func decide(_ decision: ReviewDecision, target: TargetInput?, request: Request, source: AuditSource) async throws {
        var issues = ReviewRules.problems(in: decision, known: try await request.framework())
        var revised: Target?
        if decision.kind == .reviseTarget {
            if let target {
                do {
                    revised = try TargetService.target(from: target, today: request.clock.today, actor: request.principal.actor)
                } catch {
                    issues += error.fields.sorted { $0.key < $1.key }.map { FrameworkIssue(field: $0.key == "indicator" ? "indicator" : $0.key, reason: $0.value) }
                }
            } else {
                issues.append(FrameworkIssue(field: "indicator", reason: "choose the indicator whose target the decision revises"))
            }
        }
        guard issues.isEmpty else { throw Refused(issues) }
        if let revised, let unit = try await request.framework().indicators.first(where: { $0.code == revised.indicator })?.orgUnit {
            try await request.authorizeValues(.reviseTarget, of: revised.indicator, ownedBy: unit, about: revised.orgUnit)
        }
        let audit = request.auditContext(source)
        let target = revised
        try await Transactions.run(on: request.db) { tx in
            try await ReviewStore.decide(decision, audit: audit, on: tx)
            if let target { try await TargetService.addVersion(target, audit: audit, on: tx) }
        }
    }

    static func addAction(_ action: ActionItem, request: Request, source: AuditSource) async throws {
        let issues = ReviewRules.problems(in: action, known: try await request.framework())
        guard issues.isEmpty else { throw Refused(issues) }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await ReviewStore.addAction(action, audit: audit, on: tx) }
    }

    /// An update of an action, by its owner or by someone who runs reviews.
    static func update(action id: String, text: String, status: ActionStatus, request: Request, source: AuditSource) async throws -> ActionItem {
        guard let uuid = UUID(uuidString: id), let action = try await ReviewStore.action(uuid, on: request.db) else {
            throw APIError.notFound("Action \(id)")
        }
        guard action.owner == request.principal.actor || request.principal.maySomewhere(.runReviews) else {
            throw AccessDenied.forbidden("Only the action's owner or someone who runs reviews may update it.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Refused(fields: ["text": "say what has happened"]) }
        if let problem = TextRules.problem(in: trimmed, as: .longText) { throw Refused(fields: ["text": problem.message]) }
        let update = ActionUpdate(on: request.clock.today.description, by: request.principal.actor, text: trimmed, status: status)
        let audit = request.auditContext(source)
        return try await Transactions.run(on: request.db) { tx in
            guard let updated = try await ReviewStore.update(action: uuid, with: update, audit: audit, on: tx) else { throw APIError.notFound("Action \(id)") }
            return updated
        }
    }

    /// The answer to an ask for help, by the leaders of the unit asked (those who may edit goals or run reviews there).
    static func answer(ask id: String, text: String, request: Request, source: AuditSource) async throws {
        guard let uuid = UUID(uuidString: id), let assessment = try await ReviewStore.assessment(uuid, on: request.db), let ask = assessment.ask else {
            throw APIError.notFound("Ask for help \(id)")
        }
        let tree = try await request.orgTree()
        guard request.principal.may(.editFramework, in: ask.orgUnit, tree: tree) || request.principal.may(.runReviews, in: ask.orgUnit, tree: tree) else {
            throw AccessDenied.forbidden("Only the leaders of \(ask.orgUnit) may answer this ask.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Refused(fields: ["answer": "write the answer"]) }
        if let problem = TextRules.problem(in: trimmed, as: .longText) { throw Refused(fields: ["answer": problem.message]) }
        let audit = request.auditContext(source)
        let (person, today) = (request.principal.actor, request.clock.today)
        try await Transactions.run(on: request.db) { tx in
            _ = try await ReviewStore.answer(uuid, answer: trimmed, by: person, on: today, audit: audit, on: tx)
        }
    }

    /// The asks for help a person may answer: those addressed to the units where they may edit goals or run reviews.
    static func asksToAnswer(request: Request) async throws -> [GoalAssessment] {
        let tree = try await request.orgTree()
        let edit = request.principal.scope(.editFramework, tree: tree), run = request.principal.scope(.runReviews, tree: tree)
        if edit == .everywhere || run == .everywhere { return try await ReviewStore.asks(to: nil, on: request.db) }
        var units = Set<String>()
        for scope in [edit, run] { if case .units(let set) = scope { units.formUnion(set) } }
        return units.isEmpty ? [] : try await ReviewStore.asks(to: units, on: request.db)
    }
}
