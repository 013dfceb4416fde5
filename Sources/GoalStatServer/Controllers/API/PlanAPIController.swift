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
        try await Self.store(plan, request: request, source: .api)
        return plan
    }

    /// Sets the plan, as the API and the plan's form do: GoalStat holds one plan, whose code cannot change.
    static func store(_ plan: Plan, request: Request, source: AuditSource) async throws {
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in
            if let existing = try await FrameworkStore.planCode(on: tx), existing != plan.code {
                throw APIError.invalid("code", "GoalStat holds one plan (\(existing)); its code cannot change")
            }
            _ = try await FrameworkStore.importDocument(FrameworkDocument(plan: plan), audit: audit, on: tx)
        }
    }

    func links(_ request: Request) async throws -> ListPage<IndicatorLink> {
        try ListPage(try await request.visibleFramework().links, request: request)
    }

    func addLink(_ request: Request) async throws -> Response {
        let link = try request.decodeJSONBody(IndicatorLink.self)
        try await Self.store(link, request: request, source: .api)
        let response = Response(status: .created)
        try response.content.encode(link)
        return response
    }

    /// Adds a link (or changes its sign and lag), as the API and the links page do.
    static func store(_ link: IndicatorLink, request: Request, source: AuditSource) async throws {
        try await authorizeLink(driver: link.driver, result: link.result, request: request)
        let audit = request.auditContext(source)
        _ = try await Transactions.run(on: request.db) { tx in
            try await FrameworkStore.importDocument(FrameworkDocument(links: [link]), audit: audit, on: tx)
        }
    }

    /// Removes the link from `driver` to `result`.
    func removeLink(_ request: Request) async throws -> HTTPStatus {
        let driver = try request.parameters.require("driver"), result = try request.parameters.require("result")
        try await Self.removeLink(driver: driver, result: result, request: request, source: .api)
        return .noContent
    }

    static func removeLink(driver: String, result: String, request: Request, source: AuditSource) async throws {
        try await authorizeLink(driver: driver, result: result, request: request)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in
            guard try await FrameworkStore.removeLink(driver: driver, result: result, audit: audit, on: tx) else {
                throw APIError.notFound("The link \(driver) → \(result)")
            }
        }
    }

    /// A link says one indicator drives another: whoever states or removes it must be allowed to edit both.
    private static func authorizeLink(driver: String, result: String, request: Request) async throws {
        let document = try await request.framework()
        for code in [driver, result] {
            guard let indicator = document.indicators.first(where: { $0.code == code }) else { continue }
            try await request.authorize(.editFramework, in: indicator.orgUnit, what: "the indicator \(code)")
        }
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
        return try await Self.store(narrative, request: request, source: .api)
    }

    /// Adds or replaces a goal's narrative for a quarter, as the API and the narrative form do.
    /// The state is the workflow's, never the writer's: a narrative with new words is a draft again (to be submitted,
    /// approved and published afresh); the same words keep the state they had.
    @discardableResult
    static func store(_ narrative: Narrative, request: Request, source: AuditSource) async throws -> Narrative {
        var narrative = narrative
        let document = try await request.framework()
        let reporting = Reporting(plan: document.plan)
        let label = (try? Period.parse(narrative.period, calendar: reporting.calendar)).map(reporting.label) ?? narrative.period
        let stored = document.narratives.first { $0.goal == narrative.goal && $0.period == label }
        narrative.state = stored.map { $0.sameWords(as: narrative) ? $0.state : .draft } ?? .draft
        let audit = request.auditContext(source)
        _ = try await Transactions.run(on: request.db) { [narrative] tx in
            try await FrameworkStore.importDocument(FrameworkDocument(narratives: [narrative]), audit: audit, on: tx)
        }
        return narrative
    }
}
