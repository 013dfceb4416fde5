import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// Small wins for staff (issue 11 item 7b): the recognition feed with the unpublished ones, the form to record one,
/// and the PIO's publish and withdraw.
struct WinsController {
    static let perPage = 50

    func feed(_ request: Request) async throws -> Response {
        let page = min(try ListPaging.read(request).page, 100_000)
        let found = try await PortalService.wins(request: request, offset: (page - 1) * Self.perPage, limit: Self.perPage)
        let document = try await request.visibleFramework()
        let tree = OrgTree(document.orgUnits)
        let full = try await request.framework()
        let rows = found.items.map { win in
            let unit = WinRules.owningUnit(of: win.draft, in: full)
            return WinsPage.Row(win: win, goalName: win.goal.flatMap { code in document.goals.first { $0.code == code }?.name },
                                mayPublish: request.principal.may(.publish, in: unit, tree: tree))
        }
        return WinsPage(rows: rows, page: page, hasMore: page * Self.perPage < found.total,
                        mayRecord: request.principal.maySomewhere(.editFramework)).render(request.pageContext).htmlResponse()
    }

    func form(_ request: Request) async throws -> Response {
        var values = FormValues()
        values["achievedOn"] = request.clock.today.description
        for name in ["goal", "indicator", "milestone", "team"] { if let given = try request.queryText(name) { values[name] = given } }
        return Self.page(values: values).render(request.pageContext).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        let draft = WinDraft(
            title: values["title"], story: values["story"], team: values.text("team"), goal: values.text("goal"),
            milestone: values.text("milestone"), indicator: values.text("indicator"), achievedOn: values["achievedOn"]
        )
        do {
            _ = try await PortalService.recordWin(draft, request: request, source: .form)
            return request.redirect(to: SiteURL.wins.path, redirectType: .normal)
        } catch let refused as PortalService.Refused {
            var page = Self.page(values: values)
            page.errors.add(refused.field, refused.message)
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    func publication(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let values = try request.formValues()
        _ = try await PortalService.setPublished(id, values.isOn("published"), request: request, source: .form)
        return request.redirect(to: SiteURL.wins.path, redirectType: .normal)
    }

    private static func page(values: FormValues) -> RecordFormPage {
        RecordFormPage(
            title: "Record a small win",
            lead: "Something a team achieved on the way to a goal. Link it to a goal, a milestone or an indicator (by code); a PIO publishes it on the public portal.",
            breadcrumb: [(label: "Small wins", url: .wins)],
            action: .wins,
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "title", label: "Title", hint: "Up to \(WinRules.titleLimit) characters.", kind: .text(), required: true),
                FormField(name: "story", label: "What was achieved", kind: .longText(rows: 5), required: true),
                FormField(name: "achievedOn", label: "Achieved on", hint: "YYYY-MM-DD", kind: .text(date: true), required: true),
                FormField(name: "goal", label: "Goal code", hint: "For example G1.1.", kind: .text()),
                FormField(name: "milestone", label: "Milestone code", kind: .text()),
                FormField(name: "indicator", label: "Indicator code", kind: .text()),
                FormField(name: "team", label: "Team (org unit code)", kind: .text()),
            ])],
            values: values,
            submitLabel: "Record win",
            cancel: .wins
        )
    }
}

/// The PIO's moderation queue of citizen feedback (issue 12 item 5).
struct FeedbackController {
    static let perPage = 50

    func queue(_ request: Request) async throws -> Response {
        try await queuePage(request).render(request.pageContext).htmlResponse()
    }

    private func queuePage(_ request: Request) async throws -> FeedbackQueuePage {
        let state = try request.queryChoice("state", FeedbackState.self) ?? .pending
        let page = min(try ListPaging.read(request).page, 100_000)
        let found = try await PortalStore.feedback(state: state, offset: (page - 1) * Self.perPage, limit: Self.perPage, on: request.db)
        let document = try await request.framework()
        let tree = OrgTree(document.orgUnits)
        // Comments on goals of units the reader may not moderate are left out.
        let items = found.items.filter { comment in
            request.principal.may(.publish, in: document.goals.first { $0.code == comment.goal }?.orgUnit, tree: tree)
        }
        return FeedbackQueuePage(
            state: state, items: items, goalNames: Dictionary(document.goals.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
            page: page, hasMore: page * Self.perPage < found.total
        )
    }

    func moderate(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let values = try request.formValues()
        do {
            _ = try await PortalService.moderate(id, state: values.text("state").flatMap(FeedbackState.init(rawValue:)), response: values.text("response"), request: request, source: .form)
            return request.redirect(to: SiteURL.feedbackQueue.path, redirectType: .normal)
        } catch let refused as PortalService.Refused {
            var page = try await queuePage(request)
            page.refused = (id, refused.field, refused.message)
            page.typed = values
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }
}
