import GoalStatCore
import GoalStatStore
import Plot

/// The forms of the rating chain: the plan editor with writing guidance, the progress review with its checklist,
/// the rating (the derivation is shown on the employee's page once given) and the award proposal. Each keeps what
/// was typed and shows a refusal beside its field with the section it comes from.
struct AppraisalFormPage {
    enum Kind {
        case plan(elementRows: Int, developmentRows: Int, goalChoices: [(code: String, name: String)], pattern: SummaryLevelPattern)
        case progressReview
        case rating(plan: PerformancePlan, pattern: SummaryLevelPattern, ledGoals: [AlignedGoal])
        case award
    }

    var employee: AppraisalEmployee
    var kind: Kind
    var values: FormValues
    var errors: [String: String] = [:]
    var refusal: String?

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: title, current: .appraisals, context: context, body: .group(
            .p(.a(.href(.appraisal(employee.email)), .plain("← Appraisal of \(employee.name)"))),
            .div(.class("page-heading"), .h1(.plain(title)), .p(.class("lead"), .plain(lead))),
            AppraisalFormNodes.refusal(refusal),
            form(context),
            guidance
        ))
    }

    private var title: String {
        switch kind {
        case .plan: "Performance plan for \(employee.name)"
        case .progressReview: "Progress review with \(employee.name)"
        case .rating: "Rating of record for \(employee.name)"
        case .award: "Propose an award for \(employee.name)"
        }
    }

    private var lead: String {
        switch kind {
        case .plan(_, _, _, let pattern):
            "Write each element and its standard, mark the critical ones (at least one), and link each element to the agency goals it serves. Give the plan to the employee within 30 days of the start of the period (5 CFR 430.206(b)(2))."
                + (pattern.allowsNonCriticalElements ? "" : " This program is pass/fail (pattern A): every element is critical (5 CFR 430.206(b)(6)).")
        case .progressReview: "At least one progress review each appraisal period (5 CFR 430.207(b)). Tick what you covered; the notes are kept with the appraisal."
        case .rating(_, let pattern, _):
            "Rate each element; the summary level is derived by the program's method under pattern \(pattern.rawValue) (levels \(pattern.levels.map { String($0.number) }.joined(separator: ", "))). A critical element at Level 1 makes the summary Level 1, which needs a higher-level review; non-critical elements never do (5 CFR 430.208(b))."
        case .award: "The limits are checked when you propose: a rating-based award needs a rating of record of Level 3 or higher and is at most 10% of basic pay (20% with the agency head's finding of exceptional performance); above $10,000 OPM approves, above $25,000 the President."
        }
    }

    private func form(_ context: PageContext) -> Node<HTML.BodyContext> {
        let action: SiteURL =
            switch kind {
            case .plan: .appraisalPlan(employee.email)
            case .progressReview: .appraisalProgressReview(employee.email)
            case .rating: .appraisalRating(employee.email)
            case .award: .appraisalAward(employee.email)
            }
        return .form(
            .class("stacked-form"),
            .id("appraisal-form"),
            .action(action),
            .method(.post),
            .csrfField(context),
            fields,
            .button(.type(.submit), .text(submitLabel))
        )
    }

    private var submitLabel: String {
        switch kind {
        case .plan: "Save the plan"
        case .progressReview: "Record the progress review"
        case .rating: "Give the rating"
        case .award: "Propose the award"
        }
    }

    private var fields: Node<HTML.FormContext> {
        switch kind {
        case .plan(let rows, let developmentRows, let choices, let pattern):
            return .group(
                .element(named: "fieldset", nodes: [
                    .element(named: "legend", nodes: [.text("The plan")]),
                    .raw(render(AppraisalFormNodes.text(
                        "established", "established", "Given to the employee on", value: values["established"], error: errors["established"],
                        hint: "Leave empty while the plan is a draft. YYYY-MM-DD.", type: .date
                    ))),
                ]),
                .forEach(0..<rows) { index in
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", nodes: [.text("Element \(index + 1)")]),
                        .raw(render(.group(
                            AppraisalFormNodes.text("title-\(index)", "title-\(index)", "Element", value: values["title-\(index)"], error: errors["title-\(index)"], hint: index == 0 ? "Leave an element's title empty to leave it out." : nil),
                            AppraisalFormNodes.long("standard-\(index)", "standard-\(index)", "Standard (what Fully Successful looks like)", value: values["standard-\(index)"], error: errors["standard-\(index)"], rows: 3),
                            pattern.allowsNonCriticalElements
                                ? AppraisalFormNodes.checkbox("critical-\(index)", "critical-\(index)", "Critical element", checked: values.all("critical-\(index)").contains("on"))
                                : .input(.type(.hidden), .name("critical-\(index)"), .value("on")),
                            goalsField(index: index, choices: choices),
                            .unwrap(advice(index)) { advice in .ul(.class("advice"), .forEach(advice) { .li(.plain($0)) }) }
                        )))
                    ])
                },
                .forEach(0..<developmentRows) { index in
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", nodes: [.text("Development item \(index + 1)")]),
                        .raw(render(.group(
                            AppraisalFormNodes.select(
                                "devkind-\(index)", "devkind-\(index)", "Kind", choices: [("Training", "training"), ("Developmental assignment", "developmental")],
                                selected: values["devkind-\(index)"]
                            ),
                            AppraisalFormNodes.text("dev-\(index)", "dev-\(index)", "What", value: values["dev-\(index)"], error: errors["dev-\(index)"]),
                            AppraisalFormNodes.select(
                                "develement-\(index)", "develement-\(index)", "For the element", choices: [("None in particular", "")] + (0..<rows).map { ("Element \($0 + 1)", String($0)) },
                                selected: values["develement-\(index)"], error: errors["develement-\(index)"]
                            )
                        )))
                    ])
                }
            )
        case .progressReview:
            return .raw(render(.group(
                AppraisalFormNodes.text("date", "date", "Held on", value: values["date"], error: errors["date"], type: .date),
                .element(named: "fieldset", nodes: [
                    .element(named: "legend", nodes: [.text("Checklist")]),
                    .group(ProgressReviewChecklist.items.map { item in
                        AppraisalFormNodes.checkbox("check-\(item.key)", "checklist", item.text, checked: values.all("checklist").contains(item.key), value: item.key)
                    }),
                ]),
                .fieldError(id: "checklist-error", errors["checklist"]),
                AppraisalFormNodes.long("notes", "notes", "Notes", value: values["notes"], error: errors["notes"], hint: "What was discussed and agreed.", rows: 5)
            )))
        case .rating(let plan, let pattern, _):
            return .raw(render(.group(
                .group(plan.elements.enumerated().map { index, element in
                    AppraisalFormNodes.select(
                        "level-\(index)", "level-\(index)", "\(element.title) (\(element.critical ? "critical" : "non-critical"))",
                        choices: [("Choose a level", "")] + SummaryLevel.allCases.reversed().map { ("Level \($0.number): \($0.name)", String($0.number)) },
                        selected: values["level-\(index)"], error: errors["level-\(index)"], hint: element.standard
                    )
                }),
                AppraisalFormNodes.text(
                    "reviewedBy", "reviewedBy", "Higher-level reviewer (for a Level 1 rating)", value: values["reviewedBy"], error: errors["reviewedBy"],
                    hint: "The email of the official who reviewed a Level 1 (Unacceptable) rating."
                ),
                .p(.class("hint"), .plain("Summary levels of pattern \(pattern.rawValue): " + pattern.levels.map { "Level \($0.number) \($0.name)" }.joined(separator: ", ") + "."))
            )))
        case .award:
            return .raw(render(.group(
                AppraisalFormNodes.select("kind", "kind", "Kind of award", choices: AwardKind.allCases.map { ($0.title, $0.rawValue) }, selected: values["kind"], error: errors["kind"]),
                AppraisalFormNodes.text("amount", "amount", "Amount in dollars (cash awards)", value: values["amount"], error: errors["amount"], hint: "For example 2500."),
                AppraisalFormNodes.text("hours", "hours", "Hours (time-off awards)", value: values["hours"], error: errors["hours"]),
                AppraisalFormNodes.checkbox("exceptional", "exceptional", "The agency head found exceptional performance (allows up to 20% of basic pay)", checked: values["exceptional"] == "on"),
                AppraisalFormNodes.checkbox("atMaximumStep", "atMaximumStep", "The employee is at the top step of the grade", checked: values["atMaximumStep"] == "on"),
                AppraisalFormNodes.long("justification", "justification", "Why", value: values["justification"], error: errors["justification"], rows: 3)
            )))
        }
    }

    private func goalsField(index: Int, choices: [(code: String, name: String)]) -> Node<HTML.BodyContext> {
        let id = "goals-\(index)"
        let chosen = Set(values.all(id))
        return .field(
            id: id, label: "Serves the agency goals", hint: "Choose one or more (hold Ctrl or Cmd to choose several).", error: errors[id],
            .select(
                .attr("id", id), .attr("name", id), .attribute(named: "multiple"), .attr("size", "5"),
                .describedBy([id + "-hint", errors[id] == nil ? nil : id + "-error"]),
                .group(choices.map { .choice("\($0.code) \($0.name)", value: $0.code, selected: chosen.contains($0.code)) })
            )
        )
    }

    private func advice(_ index: Int) -> [String]? {
        guard case .plan = kind, !values["title-\(index)"].isEmpty else { return nil }
        let advice = ElementWritingGuidance.advice(title: values["title-\(index)"], standard: values["standard-\(index)"], goals: values.all("goals-\(index)"))
        return advice.isEmpty ? nil : advice
    }

    private var guidance: Node<HTML.BodyContext> {
        switch kind {
        case .plan:
            return .aside(
                .class("guidance"),
                .attr("aria-labelledby", "guidance-heading"),
                .h2(.id("guidance-heading"), .text("Writing elements and standards")),
                .ul(.forEach(ElementWritingGuidance.principles) { .li(.plain($0)) }),
                .h3(.text("One element at each level: an example")),
                .definitions(ElementWritingGuidance.examples.map { (term: "Level \($0.level.number): \($0.level.name)", detail: .plain($0.text)) })
            )
        case .rating(_, _, let ledGoals) where employee.seniorExecutive:
            let results = ledGoals.map { OrganizationalResult(goalCode: $0.code, goalName: $0.name, status: $0.status.title, onTrack: EmployeeAppraisalPage.onTrack($0.status)) }
            return .aside(
                .class("guidance"),
                .h2(.text("The organization's results")),
                .p(.plain(results.organizationalSummary + " An SES rating weighs them with individual performance (5 CFR 430.304(b)(4))."))
                , .ul(.forEach(ledGoals) { .li(.plain("\($0.code) \($0.name): \($0.status.title)")) })
            )
        default:
            return .empty
        }
    }

    private func render(_ node: Node<HTML.BodyContext>) -> String { node.render() }
}
