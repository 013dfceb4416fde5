import GoalStatCore
import GoalStatStore
import Vapor

/// The review pages: the list, scheduling, the briefing with what the review records, an action and an ask.
struct ReviewPagesController {
    func list(_ request: Request) async throws -> Response {
        ReviewListPage(
            reviews: try await ReviewStore.reviews(on: request.db), today: request.clock.today,
            canSchedule: request.principal.maySomewhere(.runReviews)
        ).render(request.pageContext).htmlResponse()
    }

    // MARK: Scheduling

    func newForm(_ request: Request) async throws -> Response {
        var values = FormValues()
        values["kind"] = ReviewKind.quarterly.rawValue
        values["date"] = request.clock.today.adding(days: 14).description
        values["chair"] = request.principal.actor ?? ""
        return try await schedulePage(values, request: request).render(request.pageContext).htmlResponse()
    }

    func create(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        var form = FormReader(values)
        let title = form.required("title", "title"), date = form.required("date", "date")
        let kind = form.choice("kind", "kind", as: ReviewKind.self)
        let review = Review(
            kind: kind ?? .other, title: title, date: date, chair: form.optional("chair"), attendees: form.list("attendees"),
            goals: form.list("goals"), orgUnits: form.list("orgUnits"), notes: form.optional("notes")
        )
        let every = form.integer("everyMonths", in: 1...12)
        var errors = form.errors
        if errors.isEmpty {
            do {
                if let every {
                    let input = ReviewService.SeriesInput(cadence: .repeating, template: review, everyMonths: every, until: form.optional("until") ?? "")
                    _ = try await ReviewService.scheduleSeries(input, request: request, source: .form)
                    return request.redirect(to: SiteURL.reviews.path, redirectType: .normal)
                }
                try await ReviewService.schedule(review, request: request, source: .form)
                return request.redirect(to: SiteURL.reviewBriefing(review.id).path, redirectType: .normal)
            } catch let refused as ReviewService.Refused {
                for (field, message) in refused.fields { errors.add(field, message) }
            }
        }
        var page = try await schedulePage(values, request: request)
        page.errors = errors
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    private func schedulePage(_ values: FormValues, request: Request) async throws -> RecordFormPage {
        let choices = FormChoices(try await request.visibleFramework())
        return RecordFormPage(
            title: "Schedule a review",
            lead: "Quarterly reviews of priority goals, annual strategic reviews of every strategic goal and objective, or any other cadence. The briefing is generated from the data; what the review decides and assigns comes back at every later review until it is done.",
            breadcrumb: [(label: "Reviews", url: .reviews)],
            action: .reviews,
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "title", label: "Title", hint: "For example: Faster service, quarterly review Q1 FY2027", kind: .text(), required: true),
                FormField(name: "kind", label: "Kind", kind: .choice(ReviewKind.choices(\.title)), required: true),
                FormField(name: "date", label: "Date", kind: .text(date: true), required: true),
                FormField(name: "chair", label: "Chair", kind: .choice([FormChoices.none("Not named yet")] + choices.people)),
                FormField(name: "attendees", label: "Attendees", kind: .choices(choices.people)),
                FormField(name: "goals", label: "Goals reviewed", hint: "The goals below them are reviewed too.", kind: .choices(choices.goals)),
                FormField(name: "orgUnits", label: "Org units reviewed", hint: "Their goals and indicators are reviewed.", kind: .choices(choices.orgUnits)),
                FormField(name: "notes", label: "Notes", kind: .longText(rows: 3)),
            ]), FormSection(title: "Repeat (optional)", hint: "The same scope again every so many months, up to and including the last date.", fields: [
                FormField(name: "everyMonths", label: "Every (months)", kind: .text(numeric: true)),
                FormField(name: "until", label: "Until", kind: .text(date: true)),
            ])],
            values: values,
            submitLabel: "Schedule the review",
            cancel: .reviews
        )
    }

    // MARK: A cadence

    func scheduleForm(_ request: Request) async throws -> Response {
        var values = FormValues()
        values["cadence"] = ReviewService.Cadence.priorityGoalQuarters.rawValue
        let document = try await request.framework()
        let calendar = FiscalCalendar(validatingStartMonth: document.plan?.fiscalYearStartMonth ?? 10) ?? .federal
        values["fiscalYear"] = String(calendar.fiscalYear(containing: request.clock.today))
        return Self.seriesPage(values, errors: FormErrors(), request: request).htmlResponse()
    }

    func scheduleSeries(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        var form = FormReader(values)
        let cadence = form.choice("cadence", "cadence", as: ReviewService.Cadence.self)
        let year = form.integer("fiscalYear", in: 2000...2100), days = form.integer("daysAfter", in: 0...365)
        if form.optional("fiscalYear") == nil { form.errors.add("fiscalYear", "enter the fiscal year") }
        var errors = form.errors
        if errors.isEmpty, let cadence {
            do {
                let input = ReviewService.SeriesInput(cadence: cadence, fiscalYear: year, daysAfter: days, chair: form.optional("chair"))
                _ = try await ReviewService.scheduleSeries(input, request: request, source: .form)
                return request.redirect(to: SiteURL.reviews.path, redirectType: .normal)
            } catch let refused as ReviewService.Refused {
                for (field, message) in refused.fields { errors.add(field, message) }
            }
        }
        return Self.seriesPage(values, errors: errors, request: request).htmlResponse(status: .unprocessableEntity)
    }

    private static func seriesPage(_ values: FormValues, errors: FormErrors, request: Request) -> String {
        var page = RecordFormPage(
            title: "Schedule a year of reviews",
            lead: "GPRA asks for a review of every priority goal at least each quarter, with its goal leader (31 U.S.C. 1121(b)); OMB Circular A-11 §260 asks for an annual strategic review of every strategic goal and objective. Reviews already scheduled for the same scope and date are not added twice.",
            breadcrumb: [(label: "Reviews", url: .reviews)],
            action: .scheduleReviews,
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "cadence", label: "Reviews", kind: .choice([
                    FormChoice(label: "A quarterly review of each priority goal, chaired by its leader", value: ReviewService.Cadence.priorityGoalQuarters.rawValue),
                    FormChoice(label: "The annual strategic review of every strategic goal and objective", value: ReviewService.Cadence.strategicYear.rawValue),
                ]), required: true),
                FormField(name: "fiscalYear", label: "Fiscal year", kind: .text(numeric: true), required: true),
                FormField(name: "daysAfter", label: "Days after each quarter (or the year) ends", hint: "When the period's data is in: 30 days after each quarter, 90 after the year unless you say otherwise.", kind: .text(numeric: true)),
            ])],
            values: values,
            submitLabel: "Schedule the reviews",
            cancel: .reviews
        )
        page.errors = errors
        return page.render(request.pageContext)
    }

    // MARK: The review and its briefing

    func show(_ request: Request) async throws -> Response {
        _ = try request.queryDate("asOf")
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        return try await briefingPage(review, request: request).render(request.pageContext).htmlResponse()
    }

    private func briefingPage(_ review: Review, request: Request) async throws -> ReviewBriefingPage {
        // The briefing is as of the review's date once it has passed, else today, unless a date is chosen.
        let reviewDay = try? CalendarDate.parse(review.date)
        let asOf = try request.queryDate("asOf") ?? reviewDay.map { min($0, request.clock.today) } ?? request.clock.today
        let briefing = try await ReviewBriefing.load(
            review, asOf: asOf, visibleTo: request.principal, document: try await request.framework(), on: request.db
        )
        return ReviewBriefingPage(briefing: briefing, canRecord: request.principal.maySomewhere(.runReviews))
    }

    private func refused(_ review: Review, form: String, values: FormValues, fields: [String: String], request: Request) async throws -> Response {
        var page = try await briefingPage(review, request: request)
        page.refusedForm = form
        page.values = values
        for (field, message) in fields { page.errors.add(field, message) }
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    func assess(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let values = try request.formValues()
        var form = FormReader(values)
        let goal = form.required("goal", "goal")
        let category = form.choice("category", "category", as: GoalCategory.self)
        let ask = form.optional("askOrgUnit").map { AskForHelp(orgUnit: $0, request: form.optional("askRequest") ?? "") }
        if ask == nil, form.optional("askRequest") != nil { form.errors.add("askOrgUnit", "choose who the help is asked of") }
        guard form.errors.isEmpty, let category else {
            return try await refused(review, form: "assessment", values: values, fields: form.errors.fields, request: request)
        }
        do {
            try await ReviewService.assess(
                GoalAssessment(review: review.id, goal: goal, category: category, blockers: form.optional("blockers"), ask: ask),
                of: review, request: request, source: .form
            )
        } catch let refused as ReviewService.Refused {
            return try await self.refused(review, form: "assessment", values: values, fields: refused.fields, request: request)
        }
        return request.redirect(to: SiteURL.reviewBriefing(review.id).path + "#assessments-heading", redirectType: .normal)
    }

    func decide(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let values = try request.formValues()
        var form = FormReader(values)
        let kind = form.choice("kind", "kind", as: DecisionKind.self)
        guard form.errors.isEmpty, let kind else {
            return try await refused(review, form: "decision", values: values, fields: form.errors.fields, request: request)
        }
        let decision = ReviewDecision(review: review.id, kind: kind, text: form["text"].trimmingCharacters(in: .whitespacesAndNewlines), goal: form.optional("goal"), indicator: form.optional("indicator"))
        let target = kind == .reviseTarget ? decision.indicator.map {
            TargetInput(indicator: $0, period: form.optional("period"), value: form.optional("value"), rationale: decision.text)
        } : nil
        let risk = kind == .openRisk ? form.optional("riskTitle").map {
            Risk(
                goal: decision.goal ?? "", title: $0, likelihood: Int(form["likelihood"]) ?? 0, impact: Int(form["impact"]) ?? 0,
                owner: form.optional("riskOwner"), mitigation: form.optional("mitigation"), openedOn: request.clock.today.description
            )
        } : nil
        do {
            try await ReviewService.decide(
                decision, effects: .init(target: target, risk: risk, leader: form.optional("leader")), request: request, source: .form
            )
        } catch let refused as ReviewService.Refused {
            return try await self.refused(review, form: "decision", values: values, fields: refused.fields, request: request)
        }
        return request.redirect(to: SiteURL.reviewBriefing(review.id).path + "#decisions-heading", redirectType: .normal)
    }

    func addAction(_ request: Request) async throws -> Response {
        let review = try await ReviewService.review(try request.parameters.require("id"), on: request)
        let values = try request.formValues()
        var form = FormReader(values)
        let owner = form.required("owner", "owner"), due = form.required("due", "due date")
        guard form.errors.isEmpty else {
            return try await refused(review, form: "action", values: values, fields: form.errors.fields, request: request)
        }
        let action = ActionItem(review: review.id, decision: form.optional("decision").flatMap(UUID.init(uuidString:)), title: form["title"], owner: owner, due: due)
        do {
            try await ReviewService.addAction(action, request: request, source: .form)
        } catch let refused as ReviewService.Refused {
            return try await self.refused(review, form: "action", values: values, fields: refused.fields, request: request)
        }
        return request.redirect(to: SiteURL.reviewBriefing(review.id).path + "#actions-heading", redirectType: .normal)
    }

    // MARK: An action, an ask

    /// Every open action, overdue first, with the overdue ones counted per person and per unit.
    func actions(_ request: Request) async throws -> Response {
        let owner = try request.queryText("owner"), unit = try request.queryText("orgUnit")
        let document = try await request.visibleFramework()
        return ActionsPage(
            actions: try await ReviewService.openActions(owner: owner, orgUnit: unit, request: request), document: document,
            today: request.clock.today, owner: owner, orgUnit: unit
        ).render(request.pageContext).htmlResponse()
    }

    func action(_ request: Request) async throws -> Response {
        try await actionPage(request, values: FormValues(), errors: FormErrors()).htmlResponse()
    }

    func updateAction(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let values = try request.formValues()
        var form = FormReader(values)
        let status = form.choice("status", "status", as: ActionStatus.self)
        var errors = form.errors
        if let status {
            do {
                _ = try await ReviewService.update(action: id, text: form["text"], status: status, request: request, source: .form)
                return request.redirect(to: SiteURL.action(UUID(uuidString: id) ?? UUID()).path, redirectType: .normal)
            } catch let refused as ReviewService.Refused {
                for (field, message) in refused.fields { errors.add(field, message) }
            }
        }
        return try await actionPage(request, values: values, errors: errors).htmlResponse(status: .unprocessableEntity)
    }

    private func actionPage(_ request: Request, values: FormValues, errors: FormErrors) async throws -> String {
        let id = try request.parameters.require("id")
        guard let uuid = UUID(uuidString: id), let action = try await ReviewStore.action(uuid, on: request.db) else { throw APIError.notFound("Action \(id)") }
        let document = try await request.framework()
        var page = RecordFormPage(
            title: action.title,
            lead: "Owner: \(document.people.first { $0.email == action.owner }?.name ?? action.owner). Due \(action.due). \(action.status.title)." + action.updates.map { " \($0.on): \($0.text) (\($0.status.title.lowercased()))." }.joined(),
            breadcrumb: [(label: "Reviews", url: .reviews), (label: "The review", url: .reviewBriefing(action.review))],
            action: .action(action.id),
            sections: [FormSection(title: "Add an update", hint: nil, fields: [
                FormField(name: "text", label: "What has happened", kind: .longText(rows: 3), required: true),
                FormField(name: "status", label: "The action is now", kind: .choice(ActionStatus.choices(\.title)), required: true),
            ])],
            values: values.values.isEmpty ? FormValues(["status": [action.status.rawValue]]) : values,
            submitLabel: "Save the update",
            cancel: .reviewBriefing(action.review)
        )
        page.errors = errors
        return page.render(request.pageContext)
    }

    func ask(_ request: Request) async throws -> Response {
        try await askPage(request, values: FormValues(), errors: FormErrors()).htmlResponse()
    }

    func answer(_ request: Request) async throws -> Response {
        let id = try request.parameters.require("id")
        let values = try request.formValues()
        do {
            try await ReviewService.answer(ask: id, text: values["answer"], request: request, source: .form)
            return request.redirect(to: SiteURL.ask(UUID(uuidString: id) ?? UUID()).path, redirectType: .normal)
        } catch let refused as ReviewService.Refused {
            return try await askPage(request, values: values, errors: FormErrors(fields: refused.fields)).htmlResponse(status: .unprocessableEntity)
        }
    }

    private func askPage(_ request: Request, values: FormValues, errors: FormErrors) async throws -> String {
        let id = try request.parameters.require("id")
        guard let uuid = UUID(uuidString: id), let assessment = try await ReviewStore.assessment(uuid, on: request.db), let ask = assessment.ask else {
            throw APIError.notFound("Ask for help \(id)")
        }
        let document = try await request.framework()
        let goal = document.goals.first { $0.code == assessment.goal }?.name ?? assessment.goal
        let unit = document.orgUnits.first { $0.code == ask.orgUnit }?.name ?? ask.orgUnit
        var page = RecordFormPage(
            title: "Help asked of \(unit)",
            lead: "For \(goal): \(ask.request)" + (ask.answer.map { " Answered on \(ask.answeredOn ?? ""): \($0)" } ?? " Not answered yet."),
            breadcrumb: [(label: "Reviews", url: .reviews), (label: "The review", url: .reviewBriefing(assessment.review))],
            action: .ask(assessment.id),
            sections: [FormSection(title: nil, hint: nil, fields: [
                FormField(name: "answer", label: ask.answer == nil ? "Your answer" : "A new answer", hint: "The leaders of \(unit) answer; the answer comes back at the next review.", kind: .longText(rows: 4), required: true),
            ])],
            values: values,
            submitLabel: "Send the answer",
            cancel: .reviewBriefing(assessment.review)
        )
        page.errors = errors
        return page.render(request.pageContext)
    }
}
