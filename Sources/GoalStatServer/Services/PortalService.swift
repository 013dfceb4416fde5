import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// The writes behind wins, feedback moderation and the narrative workflow, shared by the pages and the API: each
/// checks who may act on which record, then writes in one transaction with its audit entries.
enum PortalService {
    /// A refusal naming its field: 422 on the API, the message beside the field on a page.
    struct Refused: Error {
        var field: String
        var message: String
    }

    // MARK: Wins

    static func recordWin(_ draft: WinDraft, request: Request, source: AuditSource) async throws -> Win {
        let document = try await request.framework()
        let checked: WinDraft
        do { checked = try WinRules.validate(draft, in: document) } catch { throw Refused(field: error.field, message: error.message) }
        let unit = WinRules.owningUnit(of: checked, in: document)
        guard request.principal.may(.editFramework, in: unit, tree: OrgTree(document.orgUnits)) else {
            throw AccessDenied.forbidden("Your roles do not allow recording wins of \(unit ?? "the agency").")
        }
        let win = Win(
            id: UUID(), title: checked.title, story: checked.story, team: checked.team, goal: checked.goal, milestone: checked.milestone,
            indicator: checked.indicator, achievedOn: checked.achievedOn, published: false, recordedBy: request.principal.actor
        )
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await PortalStore.addWin(win, audit: audit, on: tx) }
        return win
    }

    /// Publishes a win or takes it off the portal: a PIO's (or administrator's) decision for the win's unit.
    static func setPublished(_ id: String, _ published: Bool, request: Request, source: AuditSource) async throws -> Win {
        guard let uuid = UUID(uuidString: id), var win = try await PortalStore.win(uuid, on: request.db) else { throw APIError.notFound("Win \(id)") }
        let document = try await request.framework()
        let unit = WinRules.owningUnit(of: win.draft, in: document)
        guard request.principal.may(.publish, in: unit, tree: OrgTree(document.orgUnits)) else {
            throw AccessDenied.forbidden("Only a PIO may publish wins of \(unit ?? "the agency").")
        }
        win.published = published
        let audit = request.auditContext(source)
        _ = try await Transactions.run(on: request.db) { [win] tx in try await PortalStore.updateWin(win, audit: audit, on: tx) }
        return win
    }

    /// The wins this reader may see, latest first: all of them for a reader of every unit, else the published ones.
    static func wins(request: Request, offset: Int, limit: Int) async throws -> (items: [Win], total: Int) {
        let everything = request.principal.mayEverywhere(.readPrivate)
        let found = try await PortalStore.wins(publishedOnly: !everything, offset: offset, limit: limit, on: request.db)
        guard !everything else { return found }
        // A published win whose goal or indicator is not published stays off the public lists.
        let published = try await request.publicFramework()
        return (found.items.filter { WinRules.isPublic($0, in: published) }, found.total)
    }

    // MARK: Citizen feedback

    /// A comment from the public on a published goal, checked by `FeedbackRules` (honeypot, the limit per address,
    /// sizes) and stored waiting for moderation; the form and the API both come here.
    static func receiveFeedback(goal code: String, _ submission: FeedbackRules.Submission, request: Request, source: AuditSource) async throws -> CitizenFeedback {
        guard try await request.publicFramework().goals.contains(where: { $0.code == code }) else { throw APIError.notFound("Published goal \(code)") }
        let rules = FeedbackRules.standard
        let address = FeedbackRules.addressKey(SignInController.clientAddress(request))
        let now = request.clock.now()
        let recent = try await PortalStore.feedbackCount(addressKey: address, since: now.addingTimeInterval(-rules.window), on: request.db)
        let checked = try rules.check(submission, recentFromAddress: recent)
        let feedback = CitizenFeedback(id: UUID(), goal: code, message: checked.message, displayName: checked.displayName, submittedAt: now)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await PortalStore.addFeedback(feedback, addressKey: address, audit: audit, on: tx) }
        return feedback
    }

    static func moderate(_ id: String, state: FeedbackState?, response: String?, request: Request, source: AuditSource) async throws -> CitizenFeedback {
        guard let uuid = UUID(uuidString: id), let feedback = try await PortalStore.feedback(uuid, on: request.db) else {
            throw APIError.notFound("Comment \(id)")
        }
        let document = try await request.framework()
        let unit = document.goals.first { $0.code == feedback.goal }?.orgUnit
        guard request.principal.may(.publish, in: unit, tree: OrgTree(document.orgUnits)) else {
            throw AccessDenied.forbidden("Only a PIO may moderate comments on goals of \(unit ?? "the agency").")
        }
        guard let state, state != .pending else { throw Refused(field: "state", message: "Choose publish or do not publish.") }
        let text = response?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let text, text.count > FeedbackRules.standard.responseLimit {
            throw Refused(field: "response", message: "At most \(FeedbackRules.standard.responseLimit) characters.")
        }
        if let text, let problem = TextRules.problem(in: text, as: .longText) { throw Refused(field: "response", message: problem.message) }
        let audit = request.auditContext(source)
        let kept = (text?.isEmpty ?? true) ? nil : text
        _ = try await Transactions.run(on: request.db) { tx in
            try await PortalStore.moderate(uuid, state: state, response: kept, audit: audit, on: tx)
        }
        var moderated = feedback
        moderated.state = state
        moderated.response = kept
        return moderated
    }

    // MARK: Narrative workflow

    /// Who the request's principal is to a goal's narratives.
    static func narrativeActor(for goal: Goal, request: Request, document: FrameworkDocument) -> NarrativeActor {
        let tree = OrgTree(document.orgUnits)
        let principal = request.principal
        return NarrativeActor(
            mayWrite: principal.may(.editFramework, in: goal.orgUnit, tree: tree),
            leadsGoal: principal.actor.map { actor in goal.leader?.lowercased() == actor.lowercased() } ?? false,
            mayPublish: principal.may(.publish, in: goal.orgUnit, tree: tree)
        )
    }

    /// Takes one workflow step on a goal's narrative of a quarter, recording it in the history and the audit log.
    /// Refuses (403) a caller who may take no step at all on the goal's narratives: run before the body is read,
    /// so that authorization comes before validation.
    static func authorizeSteps(goal code: String, request: Request) async throws {
        let document = try await request.framework()
        guard let goal = document.goals.first(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        let actor = narrativeActor(for: goal, request: request, document: document)
        guard actor.mayWrite || actor.leadsGoal || actor.mayPublish else {
            throw AccessDenied.forbidden("Only the goal's writers, its leader or a PIO may move its narratives.")
        }
    }

    static func step(goal code: String, period: String?, step: NarrativeStep?, note: String?, request: Request, source: AuditSource) async throws -> Narrative {
        try await authorizeSteps(goal: code, request: request)
        let document = try await request.framework()
        guard let goal = document.goals.first(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        let actor = narrativeActor(for: goal, request: request, document: document)
        guard let period, !period.isEmpty else { throw Refused(field: "period", message: "Name the quarter.") }
        guard let step else { throw Refused(field: "step", message: "Choose a step: submit, approve, publish or sendBack.") }
        if let note, let problem = TextRules.problem(in: note, as: .longText) { throw Refused(field: "note", message: problem.message) }
        let reporting = Reporting(plan: document.plan)
        guard let parsed = try? Period.parse(period, calendar: reporting.calendar) else { throw Refused(field: "period", message: "'\(period)' is not a quarter.") }
        let label = reporting.label(parsed)
        guard var narrative = document.narratives.first(where: { $0.goal == code && $0.period == label }) else {
            throw APIError.notFound("Narrative of \(code) for \(label)")
        }
        let next: NarrativeState
        do { next = try NarrativeWorkflow.apply(step, to: narrative.state, by: actor, note: note) } catch {
            switch error {
            case .notAllowed: throw AccessDenied.forbidden(error.message)
            case .noteRequired: throw Refused(field: "note", message: error.message)
            case .wrongState: throw APIError.conflict(error.message, field: "step")
            }
        }
        let transition = NarrativeTransition(
            goal: code, period: label, from: narrative.state, to: next, step: step, actor: request.principal.actor,
            at: ISO8601DateFormatter().string(from: request.clock.now()), note: note?.isEmpty == true ? nil : note
        )
        narrative.state = next
        let audit = request.auditContext(source)
        let now = request.clock.now()
        try await Transactions.run(on: request.db) { [narrative] tx in
            _ = try await FrameworkStore.importDocument(FrameworkDocument(narratives: [narrative]), audit: audit, on: tx)
            try await PortalStore.recordTransition(transition, period: parsed, at: now, on: tx)
        }
        return narrative
    }
}
