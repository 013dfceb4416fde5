import GoalStatCore
import GoalStatStore
import Vapor

/// The risk register's writes and reads, shared by its pages, the API and a review's "open a risk" decision: the
/// rules (`RiskRules`), the goal and owner checked by key, who may write (those who edit the goal's framework or run
/// reviews at its unit), one transaction with its audit entries.
enum RiskService {
    /// Anyone who may keep a register somewhere: the pages' and the API's first check, before any input is read.
    static func requireEditor(_ request: Request) throws {
        guard request.principal.maySomewhere(.editFramework) || request.principal.maySomewhere(.runReviews) else {
            throw request.principal.isSignedIn
                ? AccessDenied.forbidden("Only goal leaders, performance staff and those who run reviews keep the risk register.")
                : AccessDenied.notSignedIn
        }
    }

    /// The problems of a risk named by field, the goal and owner included.
    static func problems(in risk: Risk, request: Request) async throws -> [FrameworkIssue] {
        var issues = RiskRules.problems(in: risk)
        let document = try await request.framework()
        if !document.goals.contains(where: { $0.code == risk.goal }) { issues.append(.init(field: "goal", reason: "unknown goal '\(risk.goal)'")) }
        if let owner = risk.owner, !document.people.contains(where: { $0.email == owner }) {
            issues.append(.init(field: "owner", reason: "unknown person '\(owner)'"))
        }
        return issues
    }

    /// May the caller keep the risks of this goal (edit its framework or run reviews at its unit)?
    static func authorize(goal: String, request: Request) async throws {
        let unit = try await request.framework().goals.first { $0.code == goal }?.orgUnit
        let tree = try await request.orgTree()
        guard request.principal.may(.editFramework, in: unit, tree: tree) || request.principal.may(.runReviews, in: unit, tree: tree) else {
            throw AccessDenied.forbidden("Your roles do not allow keeping the risks of \(goal).")
        }
    }

    static func open(_ risk: Risk, request: Request, source: AuditSource) async throws -> Risk {
        let issues = try await problems(in: risk, request: request)
        guard issues.isEmpty else { throw ReviewService.Refused(issues) }
        try await authorize(goal: risk.goal, request: request)
        let opened = RiskRules.opened(risk, on: request.clock.today.description, by: request.principal.actor)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await RiskStore.open(opened, audit: audit, on: tx) }
        return opened
    }

    static func revise(_ id: String, to risk: Risk, note: String?, request: Request, source: AuditSource) async throws -> Risk {
        let old = try await stored(id, request: request)
        var risk = risk
        risk.id = old.id
        let issues = try await problems(in: risk, request: request)
        guard issues.isEmpty else { throw ReviewService.Refused(issues) }
        try await authorize(goal: old.goal, request: request)
        if risk.goal != old.goal { try await authorize(goal: risk.goal, request: request) }
        if let note, let problem = TextRules.problem(in: note, as: .longText) { throw ReviewService.Refused(fields: ["note": problem.message]) }
        let revised = RiskRules.revised(old, to: risk, on: request.clock.today.description, by: request.principal.actor, note: note)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await RiskStore.revise(revised, audit: audit, on: tx) }
        return revised
    }

    /// A risk the caller may read (its goal visible to them); 404 otherwise.
    static func stored(_ id: String, request: Request) async throws -> Risk {
        guard let uuid = UUID(uuidString: id), let risk = try await RiskStore.risk(uuid, on: request.db),
              try await request.visibleFramework().goals.contains(where: { $0.code == risk.goal }) else {
            throw APIError.notFound("Risk \(id)")
        }
        return risk
    }

    /// The risks of the goals the caller may read (of one goal when asked), highest score first.
    static func visible(goal: String?, includeClosed: Bool, request: Request) async throws -> [Risk] {
        var goals = Set(try await request.visibleFramework().goals.map(\.code))
        if let goal { goals = goals.intersection([goal]) }
        return try await RiskStore.risks(goals: goals, includeClosed: includeClosed, on: request.db)
    }
}
