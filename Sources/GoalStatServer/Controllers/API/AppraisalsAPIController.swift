import GoalStatCore
import GoalStatStore
import Vapor

extension AppraisalProgram: Content {}
extension AppraisalEmployee: Content {}
extension PerformancePlan: Content {}
extension ProgressReview: Content {}
extension RatingOfRecord: Content {}
extension FeedbackNote: Content {}
extension AwardRecord: Content {}

/// Employee appraisals over the API (issue 13): the same writes as the pages (`AppraisalService`). Every route is
/// for signed-in people and checks the record's rating chain before reading the body; refusals of the OPM rules are
/// 422 naming the field and the section (`AppraisalRuleViolation`).
struct AppraisalsAPIController {
    struct ProgramBody: Content {
        var name: String
        var pattern: SummaryLevelPattern
        var method: DerivationMethod?
        var cycleStart: CalendarDate
        var cycleEnd: CalendarDate
        var planDeadlineDays: Int?
        var minimumPeriodDays: Int?
        var seniorExecutive: Bool?
        var timeOffHoursPerContribution: Double?
        var timeOffHoursPerLeaveYear: Double?
    }

    struct EmployeeBody: Content {
        var email: String
        var name: String
        var orgUnit: String
        var supervisor: String?
        var program: UUID?
        var seniorExecutive: Bool?
        var careerAppointee: Bool?
        var awardsFrozen: Bool?
        var basicPay: Double?
    }

    struct PlanBody: Content {
        var employee: String?
        var program: UUID?
        var coveredFrom: CalendarDate?
        var establishedOn: CalendarDate?
        var elements: [PerformanceElement]
        var development: [DevelopmentItem]?
    }

    struct ProgressReviewBody: Content {
        var date: CalendarDate
        var notes: String
        var checklist: [String]?
    }

    struct RatingBody: Content {
        var levels: [Int]
        var reviewedBy: String?
    }

    struct TextBody: Content {
        var text: String
    }

    struct FeedbackBody: Content {
        var text: String
        var peer: Bool?
    }

    struct AwardBody: Content {
        var kind: AwardKind
        var amount: Double?
        var hours: Double?
        var exceptionalDetermination: Bool?
        var atMaximumStep: Bool?
        var sustainedHighQuality: Bool?
        var justification: String?
    }

    /// An employee's appraisal as those allowed see it.
    struct EmployeeRecord: Content {
        struct Warning: Content {
            var message: String
            var section: String
        }
        var employee: AppraisalEmployee
        var plans: [PerformancePlan]
        var progressReviews: [ProgressReview]
        var ratings: [RatingOfRecord]
        var feedback: [FeedbackNote]
        var awards: [AwardRecord]
        var warnings: [Warning]
    }

    struct PlanRecord: Content {
        var plan: PerformancePlan
        var progressReviews: [ProgressReview]
        var rating: RatingOfRecord?
    }

    func programs(_ request: Request) async throws -> ListPage<AppraisalProgram> {
        _ = try ListPaging.read(request)
        try AppraisalService.requireHR(request)
        return try ListPage(try await AppraisalStore.programs(on: request.db), request: request)
    }

    func createProgram(_ request: Request) async throws -> Response {
        try AppraisalService.requireHREverywhere(request)
        let body = try request.decodeJSONBody(ProgramBody.self)
        let timing = AppraisalTiming(planDeadlineDays: body.planDeadlineDays ?? 30, minimumPeriodDays: body.minimumPeriodDays ?? 90)
        let policy = AwardPolicy(
            timeOffHoursPerContribution: body.timeOffHoursPerContribution ?? AwardPolicy.standard.timeOffHoursPerContribution,
            timeOffHoursPerLeaveYear: body.timeOffHoursPerLeaveYear ?? AwardPolicy.standard.timeOffHoursPerLeaveYear
        )
        guard policy.timeOffHoursPerContribution > 0, policy.timeOffHoursPerLeaveYear >= policy.timeOffHoursPerContribution else {
            throw AppraisalRuleViolation(field: "timeOffHoursPerLeaveYear", section: nil, reason: "the caps are hours above zero, the leave-year cap at least the per-contribution one")
        }
        let program = AppraisalProgram(
            name: body.name, rules: DerivationRules(pattern: body.pattern, method: body.method ?? .standard),
            cycle: AppraisalCycle(start: body.cycleStart, end: body.cycleEnd), timing: timing, seniorExecutive: body.seniorExecutive ?? false,
            awardPolicy: policy
        )
        try await AppraisalService.saveProgram(program, request: request, source: .api)
        return try created(program)
    }

    /// The employees the caller rates, reviews or serves as HR (their own record is at /appraisal-employees/{email}).
    func employees(_ request: Request) async throws -> ListPage<AppraisalEmployee> {
        let (page, per) = try ListPaging.read(request)
        let scope = try await hrScope(request)
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: per)
        let found = try await AppraisalStore.employees(
            ratedBy: request.principal.actor, hrUnits: scope.units, hrEverywhere: scope.everywhere, offset: overflow ? Int(Int32.max) : offset, limit: per,
            on: request.db
        )
        return ListPage(items: found.items, total: found.total, page: page, per: per)
    }

    func saveEmployee(_ request: Request) async throws -> AppraisalEmployee {
        try AppraisalService.requireHR(request)
        let body = try request.decodeJSONBody(EmployeeBody.self)
        if let pay = body.basicPay, !(pay.isFinite && pay > 0) {
            throw AppraisalRuleViolation(field: "basicPay", section: nil, reason: "the annual rate of basic pay is an amount above zero")
        }
        let employee = AppraisalEmployee(
            email: body.email, name: body.name, orgUnit: body.orgUnit, supervisor: body.supervisor.flatMap { $0.isEmpty ? nil : $0 }, program: body.program,
            seniorExecutive: body.seniorExecutive ?? false, careerAppointee: body.careerAppointee ?? true, awardsFrozen: body.awardsFrozen ?? false,
            basicPay: body.basicPay
        )
        try await AppraisalService.saveEmployee(employee, request: request, source: .api)
        return try await AppraisalStore.employee(employee.email, on: request.db) ?? employee
    }

    func employee(_ request: Request) async throws -> EmployeeRecord {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        return try await record(of: subject, request: request)
    }

    func createPlan(_ request: Request) async throws -> Response {
        guard request.principal.isSignedIn else { throw AccessDenied.notSignedIn }
        let body = try request.decodeJSONBody(PlanBody.self)
        guard let email = body.employee else { throw AppraisalRuleViolation(field: "employee", section: nil, reason: "name the employee") }
        let subject = try await AppraisalService.subject(email, request: request)
        guard let programID = body.program ?? subject.employee.program, let program = try await AppraisalStore.program(programID, on: request.db) else {
            throw AppraisalRuleViolation(field: "program", section: nil, reason: "name the appraisal program")
        }
        let plan = PerformancePlan(
            employee: subject.employee.email, supervisor: subject.employee.supervisor, program: program.id,
            coveredFrom: body.coveredFrom ?? program.cycle.start, establishedOn: body.establishedOn, elements: body.elements, development: body.development ?? []
        )
        try await AppraisalService.savePlan(plan, subject: subject, request: request, source: .api)
        return try created(plan)
    }

    func plan(_ request: Request) async throws -> PlanRecord {
        let (plan, _) = try await AppraisalService.plan(try request.parameters.require("id"), request: request)
        return PlanRecord(
            plan: plan, progressReviews: try await AppraisalStore.progressReviews(of: [plan.id], on: request.db),
            rating: try await AppraisalStore.rating(of: plan.id, on: request.db)
        )
    }

    func updatePlan(_ request: Request) async throws -> PerformancePlan {
        let (plan, subject) = try await AppraisalService.plan(try request.parameters.require("id"), request: request, edit: true)
        let body = try request.decodeJSONBody(PlanBody.self)
        var changed = plan
        changed.elements = body.elements
        changed.development = body.development ?? plan.development
        changed.establishedOn = body.establishedOn ?? plan.establishedOn
        changed.coveredFrom = body.coveredFrom ?? plan.coveredFrom
        try await AppraisalService.savePlan(changed, subject: subject, request: request, source: .api)
        return changed
    }

    func acknowledgePlan(_ request: Request) async throws -> PerformancePlan {
        let (plan, subject) = try await AppraisalService.plan(try request.parameters.require("id"), request: request, employeeOnly: true)
        try await AppraisalService.acknowledge(plan: plan, subject: subject, rating: false, request: request, source: .api)
        return try await AppraisalStore.plan(plan.id, on: request.db) ?? plan
    }

    func addProgressReview(_ request: Request) async throws -> Response {
        let (plan, _) = try await AppraisalService.plan(try request.parameters.require("id"), request: request, edit: true)
        let body = try request.decodeJSONBody(ProgressReviewBody.self)
        let review = ProgressReview(plan: plan.id, date: body.date, notes: body.notes, checklist: body.checklist ?? [], by: request.principal.actor)
        try await AppraisalService.addProgressReview(review, plan: plan, request: request, source: .api)
        return try created(review)
    }

    func rate(_ request: Request) async throws -> RatingOfRecord {
        let (plan, subject) = try await AppraisalService.plan(try request.parameters.require("id"), request: request, edit: true)
        let body = try request.decodeJSONBody(RatingBody.self)
        return try await AppraisalService.rate(plan: plan, subject: subject, levels: body.levels, reviewedBy: body.reviewedBy, request: request, source: .api)
    }

    func acknowledgeRating(_ request: Request) async throws -> RatingOfRecord {
        let (plan, subject) = try await AppraisalService.plan(try request.parameters.require("id"), request: request, employeeOnly: true)
        try await AppraisalService.acknowledge(plan: plan, subject: subject, rating: true, request: request, source: .api)
        guard let rating = try await AppraisalStore.rating(of: plan.id, on: request.db) else { throw APIError.notFound("Rating of record") }
        return rating
    }

    func reconsideration(_ request: Request) async throws -> RatingOfRecord {
        let (plan, subject) = try await AppraisalService.plan(try request.parameters.require("id"), request: request)
        let body = try request.decodeJSONBody(TextBody.self)
        try await AppraisalService.reconsideration(plan: plan, subject: subject, text: body.text, request: request, source: .api)
        guard let rating = try await AppraisalStore.rating(of: plan.id, on: request.db) else { throw APIError.notFound("Rating of record") }
        return rating
    }

    func addFeedback(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        let body = try request.decodeJSONBody(FeedbackBody.self)
        return try created(try await AppraisalService.addFeedback(text: body.text, peer: body.peer ?? false, subject: subject, request: request, source: .api))
    }

    func proposeAward(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        guard subject.standing.mayEdit else { throw AccessDenied.forbidden("Only the employee's rating chain and HR may propose an award.") }
        let body = try request.decodeJSONBody(AwardBody.self)
        let proposal = AwardProposal(
            kind: body.kind, amount: body.amount, exceptionalDetermination: body.exceptionalDetermination ?? false, hours: body.hours,
            atMaximumStep: body.atMaximumStep ?? false, sustainedHighQuality: body.sustainedHighQuality ?? false
        )
        return try created(try await AppraisalService.proposeAward(proposal, justification: body.justification ?? "", subject: subject, request: request, source: .api))
    }

    func assessment(_ request: Request) async throws -> AppraisalAssessmentReport {
        try AppraisalService.requireHREverywhere(request)
        let program = try await AppraisalAssessmentService.program(request)
        return try await AppraisalAssessmentService.report(program: program, request: request)
    }

    // MARK: Helpers

    func record(of subject: AppraisalService.Subject, request: Request) async throws -> EmployeeRecord {
        let email = subject.employee.email
        let plans = try await AppraisalStore.plans(of: email, on: request.db)
        let ids = plans.map(\.id)
        let reviews = try await AppraisalStore.progressReviews(of: ids, on: request.db)
        let ratings = try await AppraisalStore.ratings(of: ids, on: request.db)
        var warnings: [EmployeeRecord.Warning] = []
        if let current = plans.first, let program = try await AppraisalStore.program(current.program, on: request.db) {
            let status = AppraisalStatus(
                coveredFrom: current.coveredFrom, planEstablished: current.establishedOn,
                progressReviews: reviews.filter { $0.plan == current.id }.count, rated: ratings.contains { $0.plan == current.id }
            )
            warnings = program.timing.warnings(cycle: program.cycle, status: status, today: request.clock.today).map { .init(message: $0.message, section: $0.section) }
        }
        return EmployeeRecord(
            employee: subject.employee, plans: plans, progressReviews: reviews,
            ratings: ratings, feedback: try await AppraisalStore.feedback(of: email, on: request.db),
            awards: try await AppraisalStore.awards(of: email, on: request.db), warnings: warnings
        )
    }

    private func hrScope(_ request: Request) async throws -> (units: Set<String>?, everywhere: Bool) {
        let grants = request.principal.grants.filter { $0.role == .hr }
        if grants.contains(where: { $0.orgUnit == nil }) { return (nil, true) }
        let tree = try await request.orgTree()
        return (Set(grants.compactMap(\.orgUnit).flatMap { tree.subtree(of: $0) }), false)
    }

    private func created(_ record: some Content) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(record)
        return response
    }
}
