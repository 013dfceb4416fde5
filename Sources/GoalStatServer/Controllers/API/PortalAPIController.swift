import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// The API of small wins, citizen feedback and the narrative workflow (issues 11 and 12), on the same services as
/// the pages.
struct PortalAPIController {
    struct Publication: Content {
        var published: Bool
    }

    struct FeedbackBody: Content {
        var message: String
        var displayName: String?
        /// The form's honeypot, accepted here too so that a robot posting JSON meets the same rule.
        var website: String?
    }

    struct Moderation: Content {
        var state: FeedbackState
        var response: String?
    }

    struct Step: Content {
        var period: String
        var step: NarrativeStep
        var note: String?
    }

    struct Received: Content {
        var id: UUID
        var state: FeedbackState
    }

    func wins(_ request: Request) async throws -> ListPage<Win> {
        let (page, per) = try ListPaging.read(request)
        let offset = (ListPaging.clamped(page, per: per) - 1) * per
        let found = try await PortalService.wins(request: request, offset: offset, limit: per)
        // Who recorded a win is staff business.
        let items = request.principal.isSignedIn ? found.items : found.items.map { win in
            var win = win
            win.recordedBy = nil
            return win
        }
        return ListPage(items: items, total: found.total, page: page, per: per)
    }

    func recordWin(_ request: Request) async throws -> Response {
        let draft = try request.decodeJSONBody(WinDraft.self)
        do {
            let win = try await PortalService.recordWin(draft, request: request, source: .api)
            let response = Response(status: .created)
            try response.content.encode(win)
            return response
        } catch let refused as PortalService.Refused {
            throw APIError.invalid(refused.field, refused.message)
        }
    }

    func publish(_ request: Request) async throws -> Win {
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(Publication.self)
        return try await PortalService.setPublished(id, body.published, request: request, source: .api)
    }

    /// The comments on a goal that the PIO published, with their responses: what the goal's public page shows.
    func goalFeedback(_ request: Request) async throws -> ListPage<CitizenFeedback> {
        let code = try request.parameters.require("key")
        let (page, per) = try ListPaging.read(request)
        guard try await request.publicFramework().goals.contains(where: { $0.code == code }) else { throw APIError.notFound("Published goal \(code)") }
        let offset = (ListPaging.clamped(page, per: per) - 1) * per
        let found = try await PortalStore.feedback(state: .published, goal: code, offset: offset, limit: per, on: request.db)
        return ListPage(items: found.items, total: found.total, page: page, per: per)
    }

    /// A comment from the public, with the form's spam rules: 201 and waiting for moderation, 422 naming the field,
    /// or 429 when the address sent too many.
    func sendFeedback(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let body = try request.decodeJSONBody(FeedbackBody.self)
        let feedback: CitizenFeedback
        do {
            let submission = FeedbackRules.Submission(message: body.message, displayName: body.displayName, website: body.website)
            feedback = try await PortalService.receiveFeedback(goal: code, submission, request: request, source: .api)
        } catch let refusal as FeedbackRules.Refusal {
            if refusal.tooMany { throw Abort(.tooManyRequests, reason: refusal.message) }
            throw APIError.invalid(refusal.field, refusal.message)
        }
        let response = Response(status: .created)
        try response.content.encode(Received(id: feedback.id, state: feedback.state))
        return response
    }

    /// The moderation queue: comments in one state (`?state=`, waiting ones by default) on goals the reader moderates.
    func feedbackQueue(_ request: Request) async throws -> ListPage<CitizenFeedback> {
        let state = try request.queryChoice("state", FeedbackState.self) ?? .pending
        let (page, per) = try ListPaging.read(request)
        let offset = (ListPaging.clamped(page, per: per) - 1) * per
        let found = try await PortalStore.feedback(state: state, offset: offset, limit: per, on: request.db)
        let document = try await request.framework()
        let tree = OrgTree(document.orgUnits)
        let items = found.items.filter { comment in
            request.principal.may(.publish, in: document.goals.first { $0.code == comment.goal }?.orgUnit, tree: tree)
        }
        return ListPage(items: items, total: found.total, page: page, per: per)
    }

    func moderate(_ request: Request) async throws -> CitizenFeedback {
        let id = try request.parameters.require("id")
        let body = try request.decodeJSONBody(Moderation.self)
        do {
            return try await PortalService.moderate(id, state: body.state, response: body.response, request: request, source: .api)
        } catch let refused as PortalService.Refused {
            throw APIError.invalid(refused.field, refused.message)
        }
    }

    func narrativeStep(_ request: Request) async throws -> Narrative {
        let code = try request.parameters.require("key")
        try await PortalService.authorizeSteps(goal: code, request: request)
        let body = try request.decodeJSONBody(Step.self)
        do {
            return try await PortalService.step(goal: code, period: body.period, step: body.step, note: body.note, request: request, source: .api)
        } catch let refused as PortalService.Refused {
            throw APIError.invalid(refused.field, refused.message)
        }
    }

    /// Every step taken on a goal's narratives, oldest first: staff of the goal's unit only (it names who acted).
    func narrativeHistory(_ request: Request) async throws -> ListPage<NarrativeTransition> {
        let code = try request.parameters.require("key")
        _ = try ListPaging.read(request)
        let document = try await request.framework()
        guard let goal = document.goals.first(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        guard request.principal.may(.readPrivate, in: goal.orgUnit, tree: OrgTree(document.orgUnits)) else {
            throw AccessDenied.forbidden("Your roles do not allow reading the narrative history of \(code).")
        }
        return try ListPage(try await PortalStore.transitions(goal: code, on: request.db), request: request)
    }
}
