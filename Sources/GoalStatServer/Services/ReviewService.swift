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

    /// What a decision changes besides being recorded: the target version it adds, the risk it opens, the goal
    /// leader it names.
    struct DecisionEffects: Sendable {
        var target: TargetInput?
        var risk: Risk?
        var leader: String?

        init(target: TargetInput? = nil, risk: Risk? = nil, leader: String? = nil) {
            self.target = target
            self.risk = risk
            self.leader = leader
        }
    }

    /// Records a decision and carries it out in the same transaction, each through the rules of its own form: a
    /// revised target adds the target's new version with the decision as its rationale; an opened risk enters the
    /// register linked to the review and decision; a reassigned leader or a changed focus updates the goal (the
    /// unit's previous focus is unmarked: one focus per unit).
    static func decide(_ decision: ReviewDecision, effects: DecisionEffects, request: Request, source: AuditSource) async throws {
        let document = try await request.framework()
        var issues = ReviewRules.problems(in: decision, known: document)
        var revised: Target?
        var risk: Risk?
        var goals: [Goal] = []
        let goal = decision.goal.flatMap { code in document.goals.first { $0.code == code } }
        switch decision.kind {
        case .reviseTarget:
            if let target = effects.target {
                do {
                    revised = try TargetService.target(from: target, today: request.clock.today, actor: request.principal.actor)
                } catch {
                    issues += error.fields.sorted { $0.key < $1.key }.map { FrameworkIssue(field: $0.key, reason: $0.value) }
                }
            } else {
                issues.append(FrameworkIssue(field: "indicator", reason: "choose the indicator whose target the decision revises"))
            }
        case .openRisk:
            if var opened = effects.risk {
                opened.goal = decision.goal ?? ""
                opened.review = decision.review
                opened.decision = decision.id
                if decision.goal == nil { issues.append(FrameworkIssue(field: "goal", reason: "choose the goal the risk threatens")) }
                issues += try await RiskService.problems(in: opened, request: request).filter { $0.field != "goal" }
                risk = RiskRules.opened(opened, on: request.clock.today.description, by: request.principal.actor)
            } else {
                issues.append(FrameworkIssue(field: "riskTitle", reason: "say what the risk is"))
            }
        case .reassignLeader:
            if var goal {
                if let leader = effects.leader, document.people.contains(where: { $0.email == leader }) {
                    goal.leader = leader
                    goals = [goal]
                } else {
                    issues.append(FrameworkIssue(field: "leader", reason: effects.leader.map { "unknown person '\($0)'" } ?? "choose the new goal leader"))
                }
            } else if decision.goal == nil {
                issues.append(FrameworkIssue(field: "goal", reason: "choose the goal whose leader changes"))
            }
        case .changeFocus:
            if var goal {
                goals = document.goals.filter { $0.focus && $0.code != goal.code && $0.orgUnit == goal.orgUnit }.map { var other = $0; other.focus = false; return other }
                goal.focus = true
                goals.append(goal)
            } else if decision.goal == nil {
                issues.append(FrameworkIssue(field: "goal", reason: "choose the goal that becomes the focus"))
            }
        case .other:
            break
        }
        guard issues.isEmpty else { throw Refused(issues) }
        if let revised, let unit = document.indicators.first(where: { $0.code == revised.indicator })?.orgUnit {
            try await request.authorizeValues(.reviseTarget, of: revised.indicator, ownedBy: unit, about: revised.orgUnit)
        }
        if let risk { try await RiskService.authorize(goal: risk.goal, request: request) }
        for changed in goals { try await request.authorize(.editFramework, in: changed.orgUnit, what: "the goal \(changed.code)") }
        let audit = request.auditContext(source)
        let (target, opened, changedGoals) = (revised, risk, goals)
        try await Transactions.run(on: request.db) { tx in
            try await ReviewStore.decide(decision, audit: audit, on: tx)
            if let target { try await TargetService.addVersion(target, audit: audit, on: tx) }
            if let opened { try await RiskStore.open(opened, audit: audit, on: tx) }
            if !changedGoals.isEmpty { _ = try await FrameworkStore.importDocument(FrameworkDocument(goals: changedGoals), audit: audit, on: tx) }
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

    /// The open actions of a person, or of the people of a unit and the units below it, or everyone's.
    static func openActions(owner: String?, orgUnit: String?, request: Request) async throws -> [ActionItem] {
        let actions = try await ReviewStore.openActions(owner: owner, on: request.db)
        guard let orgUnit else { return actions }
        let document = try await request.framework()
        let tree = OrgTree(document.orgUnits)
        let people = Set(document.people.filter { $0.orgUnit.map { tree.isWithin($0, orgUnit) } ?? false }.map(\.email))
        return actions.filter { people.contains($0.owner) }
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

/// Scheduling a cadence of reviews ahead (`ReviewSchedule`): the quarterly reviews of every priority goal, the annual
/// strategic review, or one scope every so many months. Reviews already scheduled are not scheduled twice.
extension ReviewService {
    enum Cadence: String, Codable, Sendable, CaseIterable {
        case priorityGoalQuarters, strategicYear, repeating
    }

    struct SeriesInput: Sendable {
        var cadence: Cadence
        var fiscalYear: Int?
        var daysAfter: Int?
        var chair: String?
        /// For `repeating`: the first review, every how many months, until when.
        var template: Review?
        var everyMonths: Int?
        var until: String?
    }

    static func scheduleSeries(_ input: SeriesInput, request: Request, source: AuditSource) async throws -> [Review] {
        let document = try await request.framework()
        let calendar = FiscalCalendar(validatingStartMonth: document.plan?.fiscalYearStartMonth ?? 10) ?? .federal
        let fiscalYear = input.fiscalYear ?? calendar.fiscalYear(containing: request.clock.today)
        var issues: [FrameworkIssue] = []
        if !(2000...2100).contains(fiscalYear) { issues.append(.init(field: "fiscalYear", reason: "\(fiscalYear) is not a fiscal year from 2000 to 2100")) }
        if let days = input.daysAfter, !(0...365).contains(days) { issues.append(.init(field: "daysAfter", reason: "between 0 and 365 days")) }
        if let chair = input.chair, !document.people.contains(where: { $0.email == chair }) { issues.append(.init(field: "chair", reason: "unknown person '\(chair)'")) }
        guard issues.isEmpty else { throw Refused(issues) }
        let existing = try await ReviewStore.reviews(on: request.db)
        let reviews: [Review]
        switch input.cadence {
        case .priorityGoalQuarters:
            let goals = document.goals.filter { $0.kind == .priorityGoal }
            guard !goals.isEmpty else { throw Refused(fields: ["cadence": "the plan has no priority goals"]) }
            reviews = ReviewSchedule.quarterly(priorityGoals: goals, fiscalYear: fiscalYear, calendar: calendar, daysAfter: input.daysAfter ?? 30, existing: existing)
        case .strategicYear:
            let goals = document.goals.filter { $0.kind == .strategicGoal || $0.kind == .strategicObjective }
            guard !goals.isEmpty else { throw Refused(fields: ["cadence": "the plan has no strategic goals or objectives"]) }
            reviews = ReviewSchedule.strategic(strategicGoals: goals, fiscalYear: fiscalYear, calendar: calendar, daysAfter: input.daysAfter ?? 90, chair: input.chair, existing: existing)
        case .repeating:
            guard let template = input.template else { throw Refused(fields: ["title": "give the first review of the series"]) }
            issues = ReviewRules.problems(in: template, known: document)
            guard let months = input.everyMonths, (1...12).contains(months) else {
                throw Refused(issues + [.init(field: "everyMonths", reason: "every 1 to 12 months")])
            }
            guard let untilText = input.until, let until = try? CalendarDate.parse(untilText) else {
                throw Refused(issues + [.init(field: "until", reason: "'\(input.until ?? "")' is not a date (YYYY-MM-DD)")])
            }
            guard issues.isEmpty else { throw Refused(issues) }
            reviews = ReviewSchedule.repeating(template, everyMonths: months, until: until, existing: existing)
        }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in
            for review in reviews { try await ReviewStore.schedule(review, audit: audit, on: tx) }
        }
        return reviews
    }
}
