import GoalStatCore
import GoalStatStore
import Vapor

/// The plan, its links between indicators, and goals' narratives over the API.
struct PlanAPIController {
    func plan(_ request: Request) async throws -> Plan {
        guard let plan = try await request.framework().plan else { throw APIError.notFound("The plan") }
        return plan
    }

    func updatePlan(_ request: Request) async throws -> Plan {
        let plan = try request.decodeJSONBody(Plan.self)
        let audit = request.auditContext(.api)
        try await Transactions.run(on: request.db) { tx in
            if let existing = try await FrameworkStore.exportDocument(on: tx).plan, existing.code != plan.code {
                throw APIError.invalid("code", "GoalStat holds one plan (\(existing.code)); its code cannot change")
            }
            _ = try await FrameworkStore.importDocument(FrameworkDocument(plan: plan), audit: audit, on: tx)
        }
        return plan
    }

    func links(_ request: Request) async throws -> ListPage<IndicatorLink> {
        try ListPage(try await request.visibleFramework().links, request: request)
    }

    func addLink(_ request: Request) async throws -> Response {
        let link = try request.decodeJSONBody(IndicatorLink.self)
        // A link says one indicator drives another: whoever states it must be allowed to edit both.
        let document = try await request.framework()
        for code in [link.driver, link.result] {
            guard let indicator = document.indicators.first(where: { $0.code == code }) else { continue }
            try await request.authorize(.editFramework, in: indicator.orgUnit, what: "the indicator \(code)")
        }
        let audit = request.auditContext(.api)
        _ = try await Transactions.run(on: request.db) { tx in
            try await FrameworkStore.importDocument(FrameworkDocument(links: [link]), audit: audit, on: tx)
        }
        let response = Response(status: .created)
        try response.content.encode(link)
        return response
    }

    func narratives(_ request: Request) async throws -> ListPage<Narrative> {
        let code = try request.parameters.require("key")
        let document = try await request.visibleFramework()
        guard document.goals.contains(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        return try ListPage(document.narratives.filter { $0.goal == code }, request: request)
    }

    /// Adds or replaces the goal's narrative for a quarter.
    func putNarrative(_ request: Request) async throws -> Narrative {
        let code = try request.parameters.require("key")
        let narrative = try request.decodeJSONBody(Narrative.self)
        guard narrative.goal == code else {
            throw APIError.invalid("goal", "the body's goal '\(narrative.goal)' differs from the path's '\(code)'")
        }
        let audit = request.auditContext(.api)
        _ = try await Transactions.run(on: request.db) { tx in
            try await FrameworkStore.importDocument(FrameworkDocument(narratives: [narrative]), audit: audit, on: tx)
        }
        return narrative
    }
}
