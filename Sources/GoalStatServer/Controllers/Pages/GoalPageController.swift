import GoalStatCore
import GoalStatStore
import Vapor

/// A goal's page.
struct GoalPageController {
    func show(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        // Visitors read the portal's page of a published goal: its permanent public address.
        if !request.principal.isSignedIn { return request.redirect(to: SiteURL.portalGoal(code).path, redirectType: .normal) }
        return try await request.cachedPage { try await render(code, for: request) }
    }

    /// The page again after a refused narrative step, the reason beside the step's form and what was typed kept.
    func refusedStep(_ code: String, for request: Request, refusal: GoalPageModel.StepRefusal) async throws -> Response {
        try await render(code, for: request, refusal: refusal).htmlResponse(status: .unprocessableEntity)
    }

    private func render(_ code: String, for request: Request, refusal: GoalPageModel.StepRefusal? = nil) async throws -> String {
        // Its own indicators and its sub-goals' (their cards list them).
        let snapshot = try await PerformanceSnapshot.load(for: request) { document in
            let shown = Set([code] + document.goals.filter { $0.parent == code }.map(\.code))
            return document.indicators.filter { !shown.isDisjoint(with: $0.goals) }.map(\.code)
        }
        guard let goal = snapshot.document.goals.first(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        let people = snapshot.peopleByEmail
        let indicators = snapshot.indicators(of: code)
        let codes = Set(indicators.map(\.code))
        let byCode = snapshot.indicatorsByCode
        var model = GoalPageModel(
            goal: goal, status: snapshot.status(ofGoal: goal),
            parent: goal.parent.flatMap { parent in snapshot.document.goals.first { $0.code == parent } }.map { ($0.code, $0.name) },
            children: snapshot.document.goals.filter { $0.parent == code }.map { snapshot.card($0, depth: 1) },
            orgUnitName: goal.orgUnit.map { unit in snapshot.document.orgUnits.first { $0.code == unit }?.name ?? unit },
            leaderName: goal.leader.map { people[$0]?.name ?? $0 },
            deputyNames: goal.deputies.map { people[$0]?.name ?? $0 },
            stages: ValueChainStage.allCases.map { stage in
                let atStage = indicators.filter { $0.stage == stage }.sorted { ($0.rank == .key ? 0 : 1) < ($1.rank == .key ? 0 : 1) }
                return (stage, atStage.map(snapshot.summary(of:)))
            },
            links: snapshot.document.links.filter { codes.contains($0.driver) || codes.contains($0.result) }.map { link in
                LinkRow(
                    driverCode: link.driver, driverName: byCode[link.driver]?.name ?? link.driver,
                    resultCode: link.result, resultName: byCode[link.result]?.name ?? link.result,
                    expectedSign: link.expectedSign, lagPeriods: link.lagPeriods,
                    lagPeriod: byCode[link.driver]?.frequency.periodNoun ?? "period"
                )
            },
            milestones: snapshot.document.milestones.filter { $0.goal == code }.map { milestone in
                let due = try? CalendarDate.parse(milestone.due)
                let open = milestone.status == .planned || milestone.status == .inProgress
                return MilestoneRow(milestone: milestone, overdue: open && (due.map { $0 < snapshot.today } ?? false))
            },
            narratives: snapshot.document.narratives.filter { $0.goal == code }.reversed()
        )
        model.stepRefusal = refusal
        let tree = try await request.orgTree()
        model.editable = request.principal.may(.editFramework, in: goal.orgUnit, tree: tree)
        if request.principal.may(.readPrivate, in: goal.orgUnit, tree: tree) {
            let actor = PortalService.narrativeActor(for: goal, request: request, document: try await request.framework())
            model.narrativeActor = actor
            model.narrativeHistory = try await PortalStore.transitions(goal: code, on: request.db).map { transition in
                var transition = transition
                transition.actor = transition.actor.map { people[$0]?.name ?? $0 }
                return transition
            }
        }
        return model.render(request.pageContext)
    }
}
