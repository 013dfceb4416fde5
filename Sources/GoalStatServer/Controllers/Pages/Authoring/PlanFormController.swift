import GoalStatCore
import GoalStatStore
import Vapor

/// The plan's form: mission, vision, values with their kind, scorecard perspectives, and the fiscal settings.
struct PlanFormController {
    /// Blank rows offered beyond the plan's values, for adding new ones without JavaScript.
    static let spareValueRows = 3
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    func form(_ request: Request) async throws -> Response {
        let plan = try await request.framework().plan
        return try await page(values: plan.map(Self.values(of:)) ?? Self.defaults, valueRows: (plan?.values.count ?? 0) + Self.spareValueRows, request: request)
            .render(request.pageContext).htmlResponse()
    }

    func submit(_ request: Request) async throws -> Response {
        let values = try request.formValues()
        let rows = Self.rowCount(values)
        switch Self.plan(from: values, rows: rows) {
        case .failure(let errors):
            return try await refused(values, rows: rows, errors: errors, request: request)
        case .success(let plan):
            do {
                try await PlanAPIController.store(plan, request: request, source: .form)
            } catch let error as FrameworkImportError {
                var errors = FormErrors()
                errors.add(error, keepingIndexes: true)
                return try await refused(values, rows: rows, errors: errors, request: request)
            } catch let error as APIError where error.status == .unprocessableEntity || error.status == .badRequest {
                var errors = FormErrors()
                errors.add(error.field ?? FormErrors.general, error.message)
                return try await refused(values, rows: rows, errors: errors, request: request)
            }
            return request.redirect(to: SiteURL.framework.path, redirectType: .normal)
        }
    }

    private func refused(_ values: FormValues, rows: Int, errors: FormErrors, request: Request) async throws -> Response {
        var page = try await page(values: values, valueRows: rows, request: request)
        page.errors = errors
        return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
    }

    private static var defaults: FormValues {
        var values = FormValues()
        values["fiscalYearStartMonth"] = "10"
        values["perspectives"] = Plan.defaultPerspectives.joined(separator: "\n")
        return values
    }

    static func values(of plan: Plan) -> FormValues {
        var values = FormValues()
        values["code"] = plan.code
        values["name"] = plan.name
        values["orgUnit"] = plan.orgUnit ?? ""
        values.setSpan("period", plan.period)
        values["fiscalYearStartMonth"] = String(plan.fiscalYearStartMonth)
        values.setFlag("reportsInFiscalYears", plan.reportsInFiscalYears)
        values["mission"] = plan.mission ?? ""
        values["vision"] = plan.vision ?? ""
        for (index, value) in plan.values.enumerated() {
            values["values.\(index).name"] = value.name
            values["values.\(index).kind"] = value.kind.rawValue
            values["values.\(index).description"] = value.description ?? ""
        }
        values["perspectives"] = plan.perspectives.joined(separator: "\n")
        return values
    }

    /// How many value rows the submitted form had (the rows are numbered from 0).
    static func rowCount(_ values: FormValues) -> Int {
        let indices = values.values.keys.compactMap { key -> Int? in
            let parts = key.split(separator: ".")
            return parts.count == 3 && parts[0] == "values" ? Int(parts[1]) : nil
        }
        return min((indices.max() ?? -1) + 1, 100)
    }

    static func plan(from values: FormValues, rows: Int) -> Result<Plan, FormErrors> {
        var form = FormReader(values)
        let code = form.required("code", "code"), name = form.required("name", "name")
        let period = form.span("period")
        let month = form.integer("fiscalYearStartMonth", in: 1...12) ?? 10
        var planValues: [PlanValue] = []
        for index in 0..<rows {
            let prefix = "values.\(index)"
            guard let valueName = form.optional("\(prefix).name") else {
                if form.optional("\(prefix).description") != nil { form.errors.add("\(prefix).name", "name the value, or clear its description") }
                continue
            }
            guard let kind = form.choice("\(prefix).kind", "kind of the value", as: ValueKind.self) else { continue }
            planValues.append(PlanValue(name: valueName, kind: kind, description: form.optional("\(prefix).description")))
        }
        let perspectives = form.lines("perspectives")
        guard form.errors.isEmpty else { return .failure(form.errors) }
        return .success(Plan(
            code: code, name: name, orgUnit: form.optional("orgUnit"), period: period, fiscalYearStartMonth: month,
            reportsInFiscalYears: form.isOn("reportsInFiscalYears"), mission: form.optional("mission"), vision: form.optional("vision"),
            values: planValues, perspectives: perspectives.isEmpty ? Plan.defaultPerspectives : perspectives
        ))
    }

    private func page(values: FormValues, valueRows: Int, request: Request) async throws -> RecordFormPage {
        let document = try await request.visibleFramework()
        let choices = FormChoices(document)
        let editing = document.plan != nil
        let valueSections = (0..<valueRows).map { index in
            FormSection(title: "Value \(index + 1)", hint: index == 0 ? "Each value is a process value (how the agency works) or an outcome value (what it achieves). Leave a row empty to remove it." : nil, fields: [
                FormField(name: "values.\(index).name", label: "Name", kind: .text()),
                FormField(name: "values.\(index).kind", label: "Kind", kind: .choice([FormChoices.none("Choose…")] + ValueKind.choices(\.title))),
                FormField(name: "values.\(index).description", label: "What it means", kind: .longText(rows: 2)),
            ])
        }
        return RecordFormPage(
            title: editing ? "Edit the plan" : "Set up the plan",
            lead: "The plan states what the agency is for and the period it covers; goals form a tree under it.",
            breadcrumb: [(label: "Plan and framework", url: .framework)],
            action: .planEdit,
            sections: [
                FormSection(title: nil, hint: nil, fields: [
                    FormField(name: "code", label: "Code", hint: editing ? "The plan's code cannot change." : "A short, stable code such as SP-2026.", kind: .text(), required: true, readOnly: editing),
                    FormField(name: "name", label: "Name", kind: .text(), required: true),
                    FormField(name: "orgUnit", label: "Org unit", kind: .choice([FormChoices.none("None")] + choices.orgUnits)),
                    FormField(name: "period.from", label: "Covers from", hint: "For example FY2026", kind: .text()),
                    FormField(name: "period.to", label: "Covers to", hint: "For example FY2029", kind: .text()),
                    FormField(name: "mission", label: "Mission", kind: .longText(rows: 3)),
                    FormField(name: "vision", label: "Vision", kind: .longText(rows: 3)),
                ]),
            ] + valueSections + [
                FormSection(title: "Scorecard perspectives", hint: nil, fields: [
                    FormField(name: "perspectives", label: "Perspectives", hint: "One per line. Goals are grouped by these on the scorecard.", kind: .longText(rows: 4)),
                ]),
                FormSection(title: "Fiscal settings", hint: nil, fields: [
                    FormField(name: "fiscalYearStartMonth", label: "The fiscal year starts in", kind: .choice(Self.months.enumerated().map { FormChoice(label: $1, value: String($0 + 1)) })),
                    FormField(name: "reportsInFiscalYears", label: "Report in fiscal years and quarters (FY2027, FY2027-Q1) rather than calendar ones", kind: .toggle),
                ]),
            ],
            values: values,
            submitLabel: editing ? "Save the plan" : "Set up the plan",
            cancel: .framework
        )
    }
}
