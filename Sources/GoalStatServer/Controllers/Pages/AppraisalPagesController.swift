import GoalStatCore
import GoalStatStore
import Vapor

/// The appraisal pages (issue 13): each finds the employee and the caller's standing first (`AppraisalService`),
/// then reads only that employee's records, and writes through the same service as the API.
struct AppraisalPagesController {
    /// The appraisals a person can open: their own, the people they rate or review, and for HR their units'.
    func home(_ request: Request) async throws -> Response {
        guard let actor = request.principal.actor else { throw AccessDenied.notSignedIn }
        let own = try await AppraisalStore.employee(actor, on: request.db)
        let hr = request.principal.grants.filter { $0.role == .hr }
        let everywhere = hr.contains { $0.orgUnit == nil }
        let tree = try await request.orgTree()
        let units = everywhere ? nil : Set(hr.compactMap(\.orgUnit).flatMap { tree.subtree(of: $0) })
        let team = try await AppraisalStore.employees(ratedBy: actor, hrUnits: units, hrEverywhere: everywhere, limit: 500, on: request.db)
        let page = AppraisalHomePage(own: own, team: team.items.filter { $0.email != own?.email }, total: team.total, hrEverywhere: everywhere)
        return page.render(request.pageContext).htmlResponse()
    }

    func employee(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        return try await employeePage(subject, request: request).render(request.pageContext).htmlResponse()
    }

    func feedback(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        let values = try request.formValues()
        do {
            _ = try await AppraisalService.addFeedback(text: values["text"], peer: false, subject: subject, request: request, source: .form)
            return request.redirect(to: SiteURL.appraisal(subject.employee.email).path + "#feedback-heading", redirectType: .normal)
        } catch let violation as AppraisalRuleViolation {
            var page = try await employeePage(subject, request: request)
            page.errors["feedback"] = violation.reason
            page.values["feedback"] = values["text"]
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    func acknowledge(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        guard subject.standing == .employee else { throw AccessDenied.forbidden("Only the employee acknowledges their plan and rating.") }
        let values = try request.formValues()
        guard let plan = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first else { throw Abort(.notFound, reason: "There is no plan yet.") }
        try await AppraisalService.acknowledge(plan: plan, subject: subject, rating: values["what"] == "rating", request: request, source: .form)
        return request.redirect(to: SiteURL.appraisal(subject.employee.email).path, redirectType: .normal)
    }

    func reconsideration(_ request: Request) async throws -> Response {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        let values = try request.formValues()
        guard let plan = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first else { throw Abort(.notFound, reason: "There is no plan yet.") }
        do {
            try await AppraisalService.reconsideration(plan: plan, subject: subject, text: values["text"], request: request, source: .form)
            return request.redirect(to: SiteURL.appraisal(subject.employee.email).path + "#rating-heading", redirectType: .normal)
        } catch let violation as AppraisalRuleViolation {
            var page = try await employeePage(subject, request: request)
            page.errors["reconsideration"] = violation.reason
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    // MARK: Plan editor

    func planForm(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let plan = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first
        var values = FormValues()
        if let plan {
            values["established"] = plan.establishedOn?.description ?? ""
            for (index, element) in plan.elements.enumerated() {
                values["title-\(index)"] = element.title
                values["standard-\(index)"] = element.standard
                if element.critical { values["critical-\(index)"] = "on" }
                values.values["goals-\(index)"] = element.goals
            }
            for (index, item) in plan.development.enumerated() {
                values["devkind-\(index)"] = item.kind.rawValue
                values["dev-\(index)"] = item.text
                values["develement-\(index)"] = item.element.map(String.init) ?? ""
            }
        } else {
            values["critical-0"] = "on"
        }
        return try await planPage(subject, plan: plan, values: values, request: request).render(request.pageContext).htmlResponse()
    }

    func savePlan(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let existing = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first
        let values = try request.formValues()
        var errors: [String: String] = [:]
        var elements: [PerformanceElement] = []
        var positions: [Int] = []
        for index in 0..<Self.maxRows {
            let title = values["title-\(index)"].trimmingCharacters(in: .whitespacesAndNewlines)
            let standard = values["standard-\(index)"].trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty {
                if !standard.isEmpty { errors["title-\(index)"] = "give the element a title, or clear its standard" }
                continue
            }
            elements.append(PerformanceElement(title: title, standard: standard, critical: values.all("critical-\(index)").contains("on"), goals: values.all("goals-\(index)").filter { !$0.isEmpty }))
            positions.append(index)
        }
        var development: [DevelopmentItem] = []
        for index in 0..<Self.maxRows {
            let text = values["dev-\(index)"].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let element = Int(values["develement-\(index)"]).flatMap { positions.firstIndex(of: $0) }
            development.append(DevelopmentItem(kind: DevelopmentItem.Kind(rawValue: values["devkind-\(index)"]) ?? .training, text: text, element: element))
        }
        var established: CalendarDate?
        if !values["established"].isEmpty {
            do { established = try CalendarDate.parse(values["established"]) } catch { errors["established"] = "write a date as YYYY-MM-DD" }
        }
        var refusal: String?
        if errors.isEmpty {
            guard let programID = existing?.program ?? subject.employee.program, let program = try await AppraisalStore.program(programID, on: request.db) else {
                throw Abort(.unprocessableEntity, reason: "HR has not placed \(subject.employee.name) in an appraisal program yet.")
            }
            let plan = PerformancePlan(
                id: existing?.id ?? UUID(), employee: subject.employee.email, supervisor: subject.employee.supervisor, program: program.id,
                coveredFrom: existing?.coveredFrom ?? program.cycle.start, establishedOn: established, acknowledgedOn: existing?.acknowledgedOn,
                elements: elements, development: development
            )
            do {
                try await AppraisalService.savePlan(plan, subject: subject, request: request, source: .form)
                return request.redirect(to: SiteURL.appraisal(subject.employee.email).path, redirectType: .normal)
            } catch let violation as AppraisalRuleViolation {
                refusal = violation.description
                if let field = Self.formField(violation.field, positions: positions) { errors[field] = violation.reason }
            }
        }
        var page = try await planPage(subject, plan: existing, values: values, request: request)
        page.errors = errors
        page.refusal = refusal ?? (errors.isEmpty ? nil : "Some fields need attention; see the messages beside them.")
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    // MARK: Progress review, rating, award

    func progressReviewForm(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        var values = FormValues()
        values["date"] = request.clock.today.description
        return AppraisalFormPage(employee: subject.employee, kind: .progressReview, values: values).render(request.pageContext).htmlResponse()
    }

    func saveProgressReview(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let values = try request.formValues()
        var page = AppraisalFormPage(employee: subject.employee, kind: .progressReview, values: values)
        guard let plan = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first else {
            page.refusal = "Write the performance plan first: a progress review discusses it."
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        guard let date = try? CalendarDate.parse(values["date"]) else {
            page.errors["date"] = "write a date as YYYY-MM-DD"
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        let notes = values["notes"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !notes.isEmpty else {
            page.errors["notes"] = "write what was discussed"
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        let review = ProgressReview(plan: plan.id, date: date, notes: notes, checklist: values.all("checklist"), by: request.principal.actor)
        do {
            try await AppraisalService.addProgressReview(review, plan: plan, request: request, source: .form)
            return request.redirect(to: SiteURL.appraisal(subject.employee.email).path + "#reviews-heading", redirectType: .normal)
        } catch let violation as AppraisalRuleViolation {
            page.refusal = violation.description
            page.errors[violation.field] = violation.reason
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    func ratingForm(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let (plan, program) = try await currentPlan(subject, request: request)
        var values = FormValues()
        if let rating = try await AppraisalStore.rating(of: plan.id, on: request.db) {
            for (index, level) in rating.elementLevels.enumerated() { values["level-\(index)"] = String(level) }
            values["reviewedBy"] = rating.reviewedBy ?? ""
        }
        let led = subject.employee.seniorExecutive ? try await AppraisalReads.goals(ledBy: subject.employee.email, on: request.db) : []
        return AppraisalFormPage(employee: subject.employee, kind: .rating(plan: plan, pattern: program.rules.pattern, ledGoals: led), values: values)
            .render(request.pageContext).htmlResponse()
    }

    func saveRating(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let (plan, program) = try await currentPlan(subject, request: request)
        let values = try request.formValues()
        let led = subject.employee.seniorExecutive ? try await AppraisalReads.goals(ledBy: subject.employee.email, on: request.db) : []
        var page = AppraisalFormPage(employee: subject.employee, kind: .rating(plan: plan, pattern: program.rules.pattern, ledGoals: led), values: values)
        var levels: [Int] = []
        for index in plan.elements.indices {
            guard let level = Int(values["level-\(index)"]), (1...5).contains(level) else {
                page.errors["level-\(index)"] = "choose a level"
                continue
            }
            levels.append(level)
        }
        guard page.errors.isEmpty else {
            page.refusal = "Rate every element."
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        do {
            _ = try await AppraisalService.rate(plan: plan, subject: subject, levels: levels, reviewedBy: values["reviewedBy"], request: request, source: .form)
            return request.redirect(to: SiteURL.appraisal(subject.employee.email).path + "#rating-heading", redirectType: .normal)
        } catch let violation as AppraisalRuleViolation {
            page.refusal = violation.description
            page.errors[violation.field] = violation.reason
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    func awardForm(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        var values = FormValues()
        values["kind"] = AwardKind.ratingBased.rawValue
        return AppraisalFormPage(employee: subject.employee, kind: .award, values: values).render(request.pageContext).htmlResponse()
    }

    func saveAward(_ request: Request) async throws -> Response {
        let subject = try await editor(request)
        let values = try request.formValues()
        var page = AppraisalFormPage(employee: subject.employee, kind: .award, values: values)
        guard let kind = AwardKind(rawValue: values["kind"]) else {
            page.errors["kind"] = "choose the kind of award"
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        var proposal = AwardProposal(kind: kind, exceptionalDetermination: values["exceptional"] == "on", atMaximumStep: values["atMaximumStep"] == "on")
        for (field, text) in [("amount", values["amount"]), ("hours", values["hours"])] where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let number = Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "").trimmingCharacters(in: .whitespaces)), number.isFinite else {
                page.errors[field] = "write a number"
                continue
            }
            if field == "amount" { proposal.amount = number } else { proposal.hours = number }
        }
        guard page.errors.isEmpty else { return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity) }
        do {
            _ = try await AppraisalService.proposeAward(proposal, justification: values["justification"], subject: subject, request: request, source: .form)
            return request.redirect(to: SiteURL.appraisal(subject.employee.email).path + "#awards-heading", redirectType: .normal)
        } catch let violation as AppraisalRuleViolation {
            page.refusal = "Refused: " + violation.description
            let field = ["amount", "hours", "kind"].contains(violation.field) ? violation.field : "kind"
            page.errors[field] = violation.reason + (violation.section.map { " (\($0))" } ?? "")
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    // MARK: HR import

    struct RosterUpload: Content {
        var file: File?
        var program: String?
    }

    func rosterForm(_ request: Request) async throws -> Response {
        try AppraisalService.requireHREverywhere(request)
        return RosterImportPage(programs: try await AppraisalStore.programs(on: request.db)).render(request.pageContext).htmlResponse()
    }

    func importRoster(_ request: Request) async throws -> Response {
        try AppraisalService.requireHREverywhere(request)
        var page = RosterImportPage(programs: try await AppraisalStore.programs(on: request.db))
        let upload = try? request.content.decode(RosterUpload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            page.message = "Choose the CSV file to import."
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        var program: UUID?
        if let text = upload?.program, !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                page.message = "Choose an appraisal program from the list."
                return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
            }
            program = id
        }
        do {
            page.imported = try await AppraisalStore.importRoster(Data(buffer: file.data), program: program, audit: request.auditContext(.import), on: request.db)
            return page.render(request.pageContext).htmlResponse()
        } catch let problems as EmployeeRosterCSV.Problems {
            page.issues = problems.issues
            page.message = "\(problems.issues.count) problem\(problems.issues.count == 1 ? "" : "s") found in the file."
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    // MARK: Assessment

    func assessment(_ request: Request) async throws -> Response {
        try AppraisalService.requireHREverywhere(request)
        let programs = try await AppraisalStore.programs(on: request.db)
        guard !programs.isEmpty else {
            return AppraisalAssessmentPage(program: nil, programs: [], assessment: nil, unitNames: [:]).render(request.pageContext).htmlResponse()
        }
        let program = try await AppraisalAssessmentService.program(request)
        let assessment = try await AppraisalAssessmentService.assessment(program: program, request: request)
        let units = Dictionary(try await FrameworkStore.orgUnits(on: request.db).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return AppraisalAssessmentPage(program: program, programs: programs, assessment: assessment, unitNames: units).render(request.pageContext).htmlResponse()
    }

    func assessmentCSV(_ request: Request) async throws -> Response {
        try AppraisalService.requireHREverywhere(request)
        let program = try await AppraisalAssessmentService.program(request)
        let assessment = try await AppraisalAssessmentService.assessment(program: program, request: request)
        let response = Response(status: .ok, body: .init(string: assessment.csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.add(name: .contentDisposition, value: "attachment; filename=\"appraisal-assessment.csv\"")
        return response
    }

    // MARK: Helpers

    static let maxRows = 12

    private func editor(_ request: Request) async throws -> AppraisalService.Subject {
        let subject = try await AppraisalService.subject(try request.parameters.require("email"), request: request)
        guard subject.standing.mayEdit else {
            throw AccessDenied.forbidden("Only the employee's rating chain and HR may write their plan, reviews, rating and awards.")
        }
        return subject
    }

    private func currentPlan(_ subject: AppraisalService.Subject, request: Request) async throws -> (PerformancePlan, AppraisalProgram) {
        guard let plan = try await AppraisalStore.plans(of: subject.employee.email, on: request.db).first,
            let program = try await AppraisalStore.program(plan.program, on: request.db)
        else { throw Abort(.notFound, reason: "There is no performance plan to rate yet.") }
        return (plan, program)
    }

    private func planPage(_ subject: AppraisalService.Subject, plan: PerformancePlan?, values: FormValues, request: Request) async throws -> AppraisalFormPage {
        let programID = plan?.program ?? subject.employee.program
        let pattern = try await programID.asyncFlatMap { try await AppraisalStore.program($0, on: request.db) }?.rules.pattern ?? .H
        let rows = min(Self.maxRows, max(3, (plan?.elements.count ?? 0) + 2))
        let developmentRows = min(Self.maxRows, max(2, (plan?.development.count ?? 0) + 1))
        let choices = try await AppraisalReads.goalChoices(on: request.db)
        return AppraisalFormPage(employee: subject.employee, kind: .plan(elementRows: rows, developmentRows: developmentRows, goalChoices: choices, pattern: pattern), values: values)
    }

    /// `elements[2].standard` → `standard-<row>` of the form row the element came from.
    static func formField(_ field: String, positions: [Int]) -> String? {
        guard field.hasPrefix("elements[") else { return field == "elements" ? "title-0" : nil }
        let inside = field.dropFirst("elements[".count)
        guard let close = inside.firstIndex(of: "]"), let index = Int(inside[..<close]), positions.indices.contains(index) else { return nil }
        let rest = inside[inside.index(after: close)...].drop { $0 == "." }
        let name = rest.isEmpty ? "title" : (rest == "critical" ? "title" : String(rest))
        return "\(name)-\(positions[index])"
    }

    private func employeePage(_ subject: AppraisalService.Subject, request: Request) async throws -> EmployeeAppraisalPage {
        let employee = subject.employee
        let plans = try await AppraisalStore.plans(of: employee.email, on: request.db)
        let plan = plans.first
        let program = try await (plan?.program ?? employee.program).asyncFlatMap { try await AppraisalStore.program($0, on: request.db) }
        let reviews = try await AppraisalStore.progressReviews(of: plan.map { [$0.id] } ?? [], on: request.db)
        let rating = try await plan.asyncFlatMap { try await AppraisalStore.rating(of: $0.id, on: request.db) }
        let feedback = try await AppraisalStore.feedback(of: employee.email, on: request.db)
        let awards = try await AppraisalStore.awards(of: employee.email, on: request.db)
        let goals = try await AppraisalReads.goals(plan?.alignedGoals ?? [], on: request.db)
        let led = employee.seniorExecutive ? try await AppraisalReads.goals(ledBy: employee.email, on: request.db) : []
        var warnings: [AppraisalWarning] = []
        if let program {
            let status = AppraisalStatus(
                coveredFrom: plan?.coveredFrom ?? program.cycle.start, planEstablished: plan?.establishedOn, progressReviews: reviews.count, rated: rating != nil
            )
            warnings = program.timing.warnings(cycle: program.cycle, status: status, today: request.clock.today)
        }
        var people = Set([employee.supervisor].compactMap { $0 } + feedback.map(\.author) + [rating?.ratedBy, rating?.reviewedBy].compactMap { $0 })
        people.remove(employee.email)
        var names = try await AppraisalReads.names(of: Array(people), on: request.db)
        names[employee.email] = employee.name
        if let unit = try await FrameworkStore.orgUnits(on: request.db).first(where: { $0.code == employee.orgUnit }) { names[unit.code] = unit.name }
        return EmployeeAppraisalPage(
            employee: employee, standing: subject.standing, program: program, plan: plan, reviews: reviews, rating: rating, feedback: feedback,
            awards: awards, goals: goals, ledGoals: led, warnings: warnings, names: names
        )
    }
}

extension Optional {
    /// `flatMap` for an async transform.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
