import GoalStatCore

/// A goal: where it sits in the tree, who leads it, and what it commits to (SPEC §2).
enum GoalForm: RecordForm {
    static let noun = "goal"

    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection] {
        [
            FormSection(title: nil, hint: nil, fields: [
                FormField(name: "code", label: "Code", hint: editing ? "A code cannot change once records refer to it." : "A short, stable code such as G1.2 (letters, digits, . _ -).", kind: .text(), required: true, readOnly: editing),
                FormField(name: "name", label: "Name", kind: .text(), required: true),
                FormField(name: "kind", label: "Kind", kind: .choice(GoalKind.choices(\.title)), required: true),
                FormField(name: "parent", label: "Contributes to", hint: "The goal above this one; a strategic objective belongs under a strategic goal.", kind: .choice([FormChoices.none("Nothing (a top-level goal)")] + choices.goals)),
                FormField(name: "statement", label: "Statement", hint: "What will be achieved, by when, in words a citizen understands.", kind: .longText(rows: 4)),
            ]),
            FormSection(title: "Ownership", hint: nil, fields: [
                FormField(name: "orgUnit", label: "Owning org unit", kind: .choice([FormChoices.none("None")] + choices.orgUnits)),
                FormField(name: "leader", label: "Goal leader", hint: "The one person accountable for the goal.", kind: .choice([FormChoices.none("Not named yet")] + choices.people)),
                FormField(name: "deputies", label: "Deputy goal leaders", kind: .choices(choices.people)),
            ]),
            FormSection(title: "Period and place in the plan", hint: nil, fields: [
                FormField(name: "period.from", label: "From", hint: "For example FY2026", kind: .text()),
                FormField(name: "period.to", label: "To", hint: "For example FY2029", kind: .text()),
                FormField(name: "perspective", label: "Scorecard perspective", kind: .choice([FormChoices.none("None")] + choices.perspectives)),
                FormField(name: "focus", label: "The focus: the most consequential performance deficit", hint: "At most one goal per plan or org unit.", kind: .toggle),
                FormField(name: "public", label: "Published on the public pages", kind: .toggle),
            ]),
        ]
    }

    static func values(of goal: Goal) -> FormValues {
        var values = FormValues()
        values["code"] = goal.code
        values["name"] = goal.name
        values["kind"] = goal.kind.rawValue
        values["parent"] = goal.parent ?? ""
        values["statement"] = goal.statement ?? ""
        values["orgUnit"] = goal.orgUnit ?? ""
        values["leader"] = goal.leader ?? ""
        values.set("deputies", goal.deputies)
        values.setSpan("period", goal.period)
        values["perspective"] = goal.perspective ?? ""
        values.setFlag("focus", goal.focus)
        values.setFlag("public", goal.public)
        return values
    }

    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues {
        var values = FormValues()
        values["kind"] = query.text("parent") == nil ? GoalKind.strategicGoal.rawValue : GoalKind.strategicObjective.rawValue
        values["parent"] = query["parent"]
        return values
    }

    static func record(from values: FormValues) -> Result<Goal, FormErrors> {
        var form = FormReader(values)
        let code = form.required("code", "code"), name = form.required("name", "name")
        let kind = form.choice("kind", "kind", as: GoalKind.self)
        let period = form.span("period")
        guard form.errors.isEmpty, let kind else { return .failure(form.errors) }
        return .success(Goal(
            code: code, kind: kind, parent: form.optional("parent"), name: name, statement: form.optional("statement"),
            orgUnit: form.optional("orgUnit"), leader: form.optional("leader"), deputies: form.list("deputies"), period: period,
            perspective: form.optional("perspective"), focus: form.isOn("focus"), public: form.isOn("public")
        ))
    }

    static func page(of goal: Goal) -> SiteURL { .goal(goal.code) }
    static func title(of goal: Goal) -> String { goal.name }
}

/// A milestone: a dated step toward a goal.
enum MilestoneForm: RecordForm {
    static let noun = "milestone"

    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection] {
        [FormSection(title: nil, hint: nil, fields: [
            FormField(name: "code", label: "Code", hint: editing ? "A code cannot change." : "A short, stable code such as G1-M3.", kind: .text(), required: true, readOnly: editing),
            FormField(name: "goal", label: "Goal", kind: .choice(choices.goals), required: true),
            FormField(name: "name", label: "What will be done", kind: .text(), required: true),
            FormField(name: "due", label: "Due on", kind: .text(date: true), required: true),
            FormField(name: "status", label: "Status", kind: .choice(MilestoneStatus.choices(\.title)), required: true),
            FormField(name: "completedOn", label: "Completed on", hint: "When it was done.", kind: .text(date: true)),
        ])]
    }

    static func values(of milestone: Milestone) -> FormValues {
        var values = FormValues()
        values["code"] = milestone.code
        values["goal"] = milestone.goal
        values["name"] = milestone.name
        values["due"] = milestone.due
        values["status"] = milestone.status.rawValue
        values["completedOn"] = milestone.completedOn ?? ""
        return values
    }

    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues {
        var values = FormValues()
        values["goal"] = query["goal"]
        values["status"] = MilestoneStatus.planned.rawValue
        return values
    }

    static func record(from values: FormValues) -> Result<Milestone, FormErrors> {
        var form = FormReader(values)
        let code = form.required("code", "code"), goal = form.required("goal", "goal")
        let name = form.required("name", "description"), due = form.required("due", "due date")
        let status = form.choice("status", "status", as: MilestoneStatus.self)
        guard form.errors.isEmpty, let status else { return .failure(form.errors) }
        return .success(Milestone(code: code, goal: goal, name: name, due: due, status: status, completedOn: form.optional("completedOn")))
    }

    static func page(of milestone: Milestone) -> SiteURL { .goal(milestone.goal) }
    static func title(of milestone: Milestone) -> String { milestone.name }
}
