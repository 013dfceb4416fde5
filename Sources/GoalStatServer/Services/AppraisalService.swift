import FluentKit
import GoalStatCore
import GoalStatStore
import Vapor

/// Appraisal writes and reads shared by the pages and the API. Each first finds the employee and how the caller
/// stands to them (`AppraisalAccess`: the employee, their rating chain, HR; never the PIO or an admin as such),
/// refusing with 403 before reading any input; then checks the rules of GoalStatCore and writes in one transaction
/// with its audit entries.
enum AppraisalService {
    /// The employee a request is about and how the caller stands to them.
    struct Subject: Sendable {
        var employee: AppraisalEmployee
        var standing: AppraisalAccess.Standing
    }

    static func subject(_ email: String, request: Request) async throws -> Subject {
        guard request.principal.isSignedIn else { throw AccessDenied.notSignedIn }
        guard let employee = try await AppraisalStore.employee(email, on: request.db) else {
            // Unknown and not allowed answer alike, so that a refusal does not tell who has a record.
            throw AccessDenied.forbidden("Only the employee, their rating chain and HR may see an employee's appraisal.")
        }
        let standing = try await standing(of: request, toward: employee)
        guard standing.mayRead else {
            throw AccessDenied.forbidden("Only the employee, their rating chain and HR may see an employee's appraisal.")
        }
        return Subject(employee: employee, standing: standing)
    }

    static func standing(of request: Request, toward employee: AppraisalEmployee) async throws -> AppraisalAccess.Standing {
        let supervisors = try await AppraisalStore.supervisors(of: [employee.supervisor].compactMap { $0 }, on: request.db)
        return AppraisalAccess.standing(of: request.principal, toward: employee, supervisorOf: { supervisors[$0] }, tree: try await request.orgTree())
    }

    /// The plan in the path with its employee, for a caller who may read it (and edit it, when `edit`).
    static func plan(_ id: String, request: Request, edit: Bool = false, employeeOnly: Bool = false) async throws -> (plan: PerformancePlan, subject: Subject) {
        guard request.principal.isSignedIn else { throw AccessDenied.notSignedIn }
        guard let uuid = UUID(uuidString: id), let plan = try await AppraisalStore.plan(uuid, on: request.db) else {
            throw AccessDenied.forbidden("Only the employee, their rating chain and HR may see an employee's appraisal.")
        }
        let subject = try await subject(plan.employee, request: request)
        if edit, !subject.standing.mayEdit {
            throw AccessDenied.forbidden("Only the employee's rating chain and HR may change their plan, reviews, rating and awards.")
        }
        if employeeOnly, subject.standing != .employee {
            throw AccessDenied.forbidden("Only the employee may acknowledge or ask for reconsideration.")
        }
        return (plan, subject)
    }

    static func requireHR(_ request: Request) throws {
        guard request.principal.isSignedIn else { throw AccessDenied.notSignedIn }
        guard request.principal.grants.contains(where: { $0.role == .hr }) else {
            throw AccessDenied.forbidden("Only HR may set up appraisal programs and employee records.")
        }
    }

    static func requireHREverywhere(_ request: Request) throws {
        guard request.principal.isSignedIn else { throw AccessDenied.notSignedIn }
        guard request.principal.grants.contains(where: { $0.role == .hr && $0.orgUnit == nil }) else {
            throw AccessDenied.forbidden("Only HR for the whole agency may set up appraisal programs and read the program assessment.")
        }
    }

    // MARK: Writes

    static func saveProgram(_ program: AppraisalProgram, request: Request, source: AuditSource) async throws {
        let valid = try program.validated()
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.saveProgram(valid, audit: audit, on: tx) }
    }

    /// Adds or replaces an employee's HR record; HR for the employee's unit only.
    static func saveEmployee(_ employee: AppraisalEmployee, request: Request, source: AuditSource) async throws {
        try requireHR(request)
        guard employee.email.contains("@"), employee.email.count <= 254 else {
            throw AppraisalRuleViolation(field: "email", section: nil, reason: "an email address is required")
        }
        guard !employee.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AppraisalRuleViolation(field: "name", section: nil, reason: "the name is required")
        }
        let tree = try await request.orgTree()
        guard try await FrameworkStore.exists(.orgUnit, key: employee.orgUnit, on: request.db) else { throw AppraisalRuleViolation(field: "orgUnit", section: nil, reason: "no org unit '\(employee.orgUnit)'") }
        guard request.principal.grants.contains(where: { $0.role == .hr && ($0.orgUnit == nil || tree.isWithin(employee.orgUnit, $0.orgUnit!)) }) else {
            throw AccessDenied.forbidden("Only HR for \(employee.orgUnit) may change its employees' records.")
        }
        if let program = employee.program, try await AppraisalStore.program(program, on: request.db) == nil {
            throw AppraisalRuleViolation(field: "program", section: nil, reason: "no appraisal program \(program)")
        }
        if let supervisor = employee.supervisor, UserAccount.normalizedEmail(supervisor) == UserAccount.normalizedEmail(employee.email) {
            throw AppraisalRuleViolation(field: "supervisor", section: nil, reason: "an employee cannot be their own supervisor")
        }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.saveEmployee(employee, audit: audit, on: tx) }
    }

    /// Writes a plan (new or changed) after the rules of 5 CFR 430.206(b) and a check that every aligned goal exists.
    static func savePlan(_ plan: PerformancePlan, subject: Subject, request: Request, source: AuditSource) async throws {
        guard subject.standing.mayEdit else {
            throw AccessDenied.forbidden("Only the employee's rating chain and HR may write their performance plan.")
        }
        guard let program = try await AppraisalStore.program(plan.program, on: request.db) else {
            throw AppraisalRuleViolation(field: "program", section: nil, reason: "no appraisal program \(plan.program)")
        }
        let valid = try plan.validated(pattern: program.rules.pattern)
        let goals = Set(valid.alignedGoals)
        let known = try await AppraisalReads.goals(Array(goals), on: request.db)
        for (index, element) in valid.elements.enumerated() {
            if let missing = element.goals.first(where: { known[$0] == nil }) {
                throw AppraisalRuleViolation(field: "elements[\(index)].goals", section: nil, reason: "no goal '\(missing)'")
            }
        }
        let audit = request.auditContext(source)
        let unit = subject.employee.orgUnit
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.savePlan(valid, orgUnit: unit, audit: audit, on: tx) }
    }

    static func addProgressReview(_ review: ProgressReview, plan: PerformancePlan, request: Request, source: AuditSource) async throws {
        guard let program = try await AppraisalStore.program(plan.program, on: request.db) else { throw APIError.notFound("Program") }
        guard review.date >= plan.coveredFrom, review.date <= program.cycle.end.adding(days: 60) else {
            throw AppraisalRuleViolation(field: "date", section: "5 CFR 430.207(b)", reason: "a progress review falls within the appraisal period (\(program.cycle.start) to \(program.cycle.end))")
        }
        if let unknown = review.checklist.first(where: { ProgressReviewChecklist.item($0) == nil }) {
            throw AppraisalRuleViolation(field: "checklist", section: nil, reason: "no checklist item '\(unknown)'")
        }
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.addProgressReview(review, employee: plan.employee, audit: audit, on: tx) }
    }

    /// Derives and stores the rating of record from the element levels, refusing what the rules refuse: a rating
    /// before the period ends or under the minimum period (5 CFR 430.207(a)), an SES career appointee within 120
    /// days of a new President's term (430.304(c)(1)(iii)), a Level 1 without the higher-level reviewer.
    static func rate(plan: PerformancePlan, subject: Subject, levels: [Int], reviewedBy: String?, request: Request, source: AuditSource) async throws -> RatingOfRecord {
        guard let program = try await AppraisalStore.program(plan.program, on: request.db) else { throw APIError.notFound("Program") }
        let today = request.clock.today
        guard levels.count == plan.elements.count else {
            throw AppraisalRuleViolation(field: "levels", section: "5 CFR 430.208(b)", reason: "rate every element of the plan: \(plan.elements.count) levels, one per element")
        }
        let ratings = ElementRatings(
            critical: zip(plan.elements, levels).filter { $0.0.critical }.map(\.1),
            nonCritical: zip(plan.elements, levels).filter { !$0.0.critical }.map(\.1)
        )
        let derived = try program.rules.derive(ratings)
        guard program.timing.mayRate(cycle: program.cycle, planEstablished: plan.establishedOn, on: today) else {
            if plan.establishedOn == nil {
                throw AppraisalRuleViolation(field: "plan", section: "5 CFR 430.206(b)", reason: "the plan has not been given to the employee, so there is nothing to rate against")
            }
            if today < program.cycle.end {
                throw AppraisalRuleViolation(field: "ratedOn", section: "5 CFR 430.208(a)", reason: "a rating of record is given after the appraisal period ends (\(program.cycle.end))")
            }
            let days = program.timing.daysUnderPlan(cycle: program.cycle, planEstablished: plan.establishedOn)
            throw AppraisalRuleViolation(field: "plan", section: "5 CFR 430.207(a)", reason: "only \(days) days under the plan; a rating needs at least \(program.timing.minimumPeriodDays): extend the appraisal period")
        }
        if subject.employee.seniorExecutive {
            try SeniorExecutiveRules.checkRatingDate(today, careerAppointee: subject.employee.careerAppointee)
        }
        var reviewer: String?
        if derived.needsHigherLevelReview {
            guard let reviewedBy = reviewedBy?.trimmingCharacters(in: .whitespaces), !reviewedBy.isEmpty else {
                throw AppraisalRuleViolation(field: "reviewedBy", section: "5 CFR 430.208(b)(1)", reason: "a Level 1 (Unacceptable) rating goes to a higher-level review: name the reviewing official")
            }
            reviewer = UserAccount.normalizedEmail(reviewedBy)
        }
        let rating = RatingOfRecord(
            plan: plan.id, elementLevels: levels, summaryLevel: derived.summaryLevel, derivation: derived.steps, ratedOn: today,
            ratedBy: request.principal.actor, reviewedBy: reviewer
        )
        let audit = request.auditContext(source)
        let unit = subject.employee.orgUnit
        try await Transactions.run(on: request.db) { tx in
            try await AppraisalStore.saveRating(rating, employee: plan.employee, orgUnit: unit, audit: audit, on: tx)
        }
        return rating
    }

    /// The employee acknowledges their plan (`rating` false) or their rating of record.
    static func acknowledge(plan: PerformancePlan, subject: Subject, rating: Bool, request: Request, source: AuditSource) async throws {
        let today = request.clock.today
        let audit = request.auditContext(source)
        if rating {
            guard var stored = try await AppraisalStore.rating(of: plan.id, on: request.db) else {
                throw AppraisalRuleViolation(field: "rating", section: nil, reason: "there is no rating of record to acknowledge yet")
            }
            stored.acknowledgedOn = today
            let unit = subject.employee.orgUnit
            let value = stored
            try await Transactions.run(on: request.db) { tx in try await AppraisalStore.saveRating(value, employee: plan.employee, orgUnit: unit, audit: audit, on: tx) }
        } else {
            guard plan.establishedOn != nil else {
                throw AppraisalRuleViolation(field: "plan", section: nil, reason: "the plan has not been given yet")
            }
            var acknowledged = plan
            acknowledged.acknowledgedOn = today
            let unit = subject.employee.orgUnit
            let value = acknowledged
            try await Transactions.run(on: request.db) { tx in try await AppraisalStore.savePlan(value, orgUnit: unit, audit: audit, on: tx) }
        }
    }

    /// The employee's note asking for reconsideration of the rating (or, from the rating chain or HR, its answer).
    static func reconsideration(plan: PerformancePlan, subject: Subject, text: String, request: Request, source: AuditSource) async throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppraisalRuleViolation(field: "text", section: nil, reason: "write the note") }
        guard var stored = try await AppraisalStore.rating(of: plan.id, on: request.db) else {
            throw AppraisalRuleViolation(field: "rating", section: nil, reason: "there is no rating of record yet")
        }
        if subject.standing == .employee { stored.reconsideration = text } else { stored.reconsiderationAnswer = text }
        let audit = request.auditContext(source)
        let unit = subject.employee.orgUnit
        let value = stored
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.saveRating(value, employee: plan.employee, orgUnit: unit, audit: audit, on: tx) }
    }

    static func addFeedback(text: String, peer: Bool, subject: Subject, request: Request, source: AuditSource) async throws -> FeedbackNote {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppraisalRuleViolation(field: "text", section: nil, reason: "write the feedback") }
        guard let author = request.principal.actor else { throw AccessDenied.notSignedIn }
        let kind: FeedbackNote.Kind = peer ? .peer : (subject.standing == .employee ? .employee : .supervisor)
        let note = FeedbackNote(employee: subject.employee.email, author: author, kind: kind, date: request.clock.today, text: text)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.addFeedback(note, audit: audit, on: tx) }
        return note
    }

    /// Checks a proposed award against the limits with the employee's own facts (their latest rating of record,
    /// basic pay, frozen flag, time off already given this leave year) and stores it when allowed.
    static func proposeAward(_ proposal: AwardProposal, justification: String, subject: Subject, request: Request, source: AuditSource) async throws -> AwardRecord {
        guard subject.standing.mayEdit else {
            throw AccessDenied.forbidden("Only the employee's rating chain and HR may propose an award.")
        }
        let today = request.clock.today
        let employee = subject.employee
        var proposal = proposal
        proposal.ratingOfRecord = try await AppraisalStore.latestRating(of: employee.email, on: request.db)?.summaryLevel.number
        proposal.basicPay = proposal.basicPay ?? employee.basicPay
        proposal.awardsFrozen = employee.awardsFrozen
        var policy = AwardPolicy.standard
        if let programID = employee.program, let program = try await AppraisalStore.program(programID, on: request.db) {
            policy = program.awardPolicy
            proposal.programHighestLevel = program.rules.pattern.highest.number
        }
        let previous = try await AppraisalStore.awards(of: employee.email, on: request.db)
        let leaveYearStart = CalendarDate(year: today.year, month: 1, day: 1)
        proposal.hoursThisLeaveYear = previous.filter { $0.proposal.kind == .timeOff && $0.proposedOn >= leaveYearStart }.compactMap(\.proposal.hours).reduce(0, +)
        proposal.qualityStepIncreaseWithin52Weeks = previous.contains { $0.proposal.kind == .qualityStepIncrease && $0.proposedOn.days(to: today) < 52 * 7 }
        let decision = try policy.check(proposal)
        let award = AwardRecord(
            employee: employee.email, proposal: proposal, approvals: decision.approvals,
            justification: justification.trimmingCharacters(in: .whitespacesAndNewlines), proposedBy: request.principal.actor, proposedOn: today
        )
        let audit = request.auditContext(source)
        let unit = employee.orgUnit
        try await Transactions.run(on: request.db) { tx in try await AppraisalStore.addAward(award, orgUnit: unit, audit: audit, on: tx) }
        return award
    }

    // MARK: What is due

    /// One thing due in an appraisal, for My tasks.
    struct Due: Sendable, Equatable {
        var employee: String
        var name: String
        var message: String
    }

    /// What is due in the person's own appraisal (acknowledging the plan or rating) and in their direct reports'
    /// (the warnings of 5 CFR 430.206–430.208), read by key: their record and the records that name them.
    static func due(for email: String, request: Request) async throws -> [Due] {
        let me = UserAccount.normalizedEmail(email)
        var due: [Due] = []
        let today = request.clock.today
        if let own = try await AppraisalStore.employee(me, on: request.db), let plan = try await AppraisalStore.plans(of: me, on: request.db).first {
            if plan.establishedOn != nil, plan.acknowledgedOn == nil {
                due.append(Due(employee: own.email, name: "Your performance plan", message: "acknowledge that you have received it."))
            }
            if let rating = try await AppraisalStore.rating(of: plan.id, on: request.db), rating.acknowledgedOn == nil {
                due.append(Due(employee: own.email, name: "Your rating of record", message: "acknowledge that you have received it."))
            }
        }
        let reports = try await AppraisalStore.employees(ratedBy: me, hrUnits: nil, hrEverywhere: false, limit: 200, on: request.db).items
            .filter { $0.supervisor == me && $0.email != me }
        for report in reports {
            guard let programID = report.program, let program = try await AppraisalStore.program(programID, on: request.db) else { continue }
            let plan = try await AppraisalStore.plans(of: report.email, on: request.db).first
            let reviews = try await AppraisalStore.progressReviews(of: plan.map { [$0.id] } ?? [], on: request.db)
            let rated = try await plan.asyncFlatMap { try await AppraisalStore.rating(of: $0.id, on: request.db) } != nil
            let status = AppraisalStatus(
                coveredFrom: plan?.coveredFrom ?? program.cycle.start, planEstablished: plan?.establishedOn, progressReviews: reviews.count, rated: rated
            )
            for warning in program.timing.warnings(cycle: program.cycle, status: status, today: today) {
                due.append(Due(employee: report.email, name: report.name, message: warning.message + " (" + warning.section + ")"))
            }
        }
        return due
    }
}
