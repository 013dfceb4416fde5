import GoalStatCore
import GoalStatStore
import Vapor

/// The data-entry grid: one form per steward and month for all of their indicators (SPEC §2a).
struct DataEntryController {
    struct Query: Content {
        var steward: String?
        var month: String?
        /// The org unit the values are for; empty or absent: each indicator's total.
        var orgUnit: String?
    }

    struct Submission: Content {
        var steward: String?
        var month: String
        var value: [String: String]?
        var level: [String: String]?
        var status: [String: String]?
        var note: [String: String]?
        var paste: String?
        var orgUnit: String?
        /// Why values already stored as final are changed; a correction needs one (issue 10).
        var reason: String?
    }

    func show(_ request: Request) async throws -> Response {
        let query = try request.query.decode(Query.self)
        // Opened without a choice, the grid is the signed-in steward's own (SPEC §2a: low burden).
        var steward = query.steward
        if steward == nil, let actor = request.principal.actor,
           try await gridIndicators(steward: nil, on: request).contains(where: { $0.steward == actor }) {
            steward = actor
        }
        let unit = try await Self.unit(query.orgUnit, on: request)
        let model = try await makeModel(steward: steward, monthText: query.month, orgUnit: unit, submission: nil, errors: [:], saved: nil, on: request)
        return model.render(request.pageContext).htmlResponse()
    }

    /// The org unit the grid is for, checked against the org tree; nil for the indicators' totals.
    private static func unit(_ code: String?, on request: Request) async throws -> String? {
        guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { return nil }
        guard try await request.framework().orgUnits.contains(where: { $0.code == code }) else { throw APIError.invalid("orgUnit", "there is no org unit '\(code)'") }
        return code
    }

    func submit(_ request: Request) async throws -> Response {
        var submission = try request.content.decode(Submission.self)
        let steward = submission.steward.flatMap { $0.isEmpty ? nil : $0 }
        let month = try Self.month(submission.month, today: request.clock.today)
        let catalog = try await MeasurementStore.catalog(today: request.clock.today, on: request.db)
        let grid = try await gridIndicators(steward: steward, on: request)
        let reporting = try await FrameworkStore.reporting(on: request.db)
        var entries: [ParsedMeasurement] = []
        var errors: [String: String] = [:]
        let unit = try await Self.unit(submission.orgUnit, on: request)
        let tree = try await request.orgTree()
        var pasteProblems: [String] = []
        var pastedLines: [String: Int] = [:]
        if let paste = submission.paste, !paste.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let pasted = PastedRows.parse(paste, codes: Set(grid.map(\.code)))
            pasteProblems = pasted.problems
            let qualitative = Set(grid.filter(\.isQualitative).map(\.code))
            for row in pasted.rows {
                pastedLines[row.code] = row.line
                if qualitative.contains(row.code) {
                    submission.level = (submission.level ?? [:]).merging([row.code: row.value]) { $1 }
                } else {
                    submission.value = (submission.value ?? [:]).merging([row.code: row.value]) { $1 }
                }
                if let status = row.status { submission.status = (submission.status ?? [:]).merging([row.code: status]) { $1 } }
                if let note = row.note { submission.note = (submission.note ?? [:]).merging([row.code: note]) { $1 } }
            }
        }
        for (index, indicator) in grid.enumerated() {
            let code = indicator.code
            let valueText = submission.value?[code]?.trimmingCharacters(in: .whitespaces) ?? ""
            let level = submission.level?[code].flatMap { $0.isEmpty ? nil : $0 }
            let status = submission.status?[code].flatMap(MeasurementStatus.init(rawValue:)) ?? .final
            guard !valueText.isEmpty || level != nil || status == .missing else { continue }
            if !request.principal.mayRecord(.enterData, forIndicatorOf: indicator.orgUnit, about: unit, tree: tree) {
                errors[code] = "your roles do not allow entering values of this indicator for \(unit ?? indicator.orgUnit)"
                continue
            }
            // A known gap stops the reminders for its period, so it says why.
            if status == .missing, (submission.note?[code] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                errors[code] = "say in the note why there is no value for this period"
                continue
            }
            var value: Double?
            if !valueText.isEmpty {
                switch DecimalText.parse(valueText) {
                case .success(let parsed): value = parsed
                case .failure(let error):
                    errors[code] = error.reason
                    continue
                }
            }
            let period = Period.containing(month.start, frequency: indicator.frequency, calendar: reporting.calendar, fiscal: reporting.fiscal)
            let entry = MeasurementEntry(
                period: reporting.label(period), value: value, level: level, orgUnit: unit, status: status,
                note: submission.note?[code], reason: submission.reason
            )
            switch entry.validate(indicator: code, catalog: catalog, line: index + 1) {
            case .success(let parsed): entries.append(parsed)
            case .failure(let issues): errors[code] = issues.issues.map(\.reason).joined(separator: "; ")
            }
        }
        // A pasted row's mistake is told by its line too, so that it can be found in the spreadsheet.
        for (code, line) in pastedLines.sorted(by: { $0.value < $1.value }) {
            if let error = errors[code] { pasteProblems.append("line \(line) (\(code)): \(error)") }
        }
        if !pasteProblems.isEmpty {
            errors["paste"] = pasteProblems.count == 1 ? "1 pasted row has a problem" : "\(pasteProblems.count) pasted rows have problems"
        }
        guard errors.isEmpty else {
            var model = try await makeModel(steward: steward, monthText: submission.month, orgUnit: unit, submission: submission, errors: errors, saved: nil, on: request)
            model.paste = submission.paste ?? ""
            model.pasteProblems = pasteProblems.sorted { Self.lineNumber($0) < Self.lineNumber($1) }
            return model.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        let audit = request.auditContext(.form)
        let summary: MeasurementImportSummary
        do {
            summary = try await Transactions.run(on: request.db) { [entries] tx in
                try await MeasurementStore.store(entries, kind: .form, label: "data-entry grid", audit: audit, on: tx)
            }
        } catch let refused as CorrectionsNeedReasons {
            var errors: [String: String] = [:]
            for row in refused.rows where grid.indices.contains(row.line - 1) {
                errors[grid[row.line - 1].code] = "this changes a final value already stored; say why under “Reason for the corrections”"
            }
            errors["reason"] = "a correction of a final value needs a reason"
            let model = try await makeModel(steward: steward, monthText: submission.month, orgUnit: unit, submission: submission, errors: errors, saved: nil, on: request)
            return model.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        var saved = "Saved: \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged."
        if summary.heldProvisional > 0 {
            saved += summary.heldProvisional == 1
                ? " One value is for a period that has not ended yet, so it is kept as provisional, not final."
                : " \(summary.heldProvisional) values are for periods that have not ended yet, so they are kept as provisional, not final."
        }
        let model = try await makeModel(steward: steward, monthText: submission.month, orgUnit: unit, submission: nil, errors: [:], saved: saved, on: request)
        return model.render(request.pageContext).htmlResponse()
    }

    private static func lineNumber(_ problem: String) -> Int {
        Int(problem.dropFirst("line ".count).prefix { $0.isNumber }) ?? 0
    }

    static func month(_ text: String?, today: CalendarDate) throws -> Period {
        guard let text, !text.isEmpty else {
            let last = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
            return .month(year: last.0, month: last.1)
        }
        do {
            let period = try Period.parse(text, calendar: .federal)
            guard period.granularity == .month else { throw APIError.invalid("month", "'\(text)' is not a month (YYYY-MM)") }
            return period
        } catch let error as PeriodError {
            throw APIError.invalid("month", error.message)
        }
    }

    /// The indicators the grid offers: those with entered values (not formulas) in the units where the principal
    /// may enter data, narrowed to one steward's when one is chosen.
    private func gridIndicators(steward: String?, on request: Request) async throws -> [Indicator] {
        let document = try await request.framework()
        let scope = request.principal.scope(.enterData, tree: OrgTree(document.orgUnits))
        let indicators = document.indicators.filter { $0.formula == nil && scope.contains($0.orgUnit) }
        guard let steward else { return indicators }
        return indicators.filter { $0.steward == steward }
    }

    private func makeModel(
        steward: String?, monthText: String?, orgUnit: String?, submission: Submission?, errors: [String: String], saved: String?, on request: Request
    ) async throws -> DataEntryPageModel {
        let steward = steward.flatMap { $0.isEmpty ? nil : $0 }
        let month = try Self.month(monthText, today: request.clock.today)
        let document = try await request.framework()
        let reporting = try await FrameworkStore.reporting(on: request.db)
        let indicators = try await gridIndicators(steward: steward, on: request)
        let series = try await MeasurementStore.measurements(indicators: indicators.map(\.code), orgUnit: orgUnit, on: request.db)
        let scope = request.principal.scope(.enterData, tree: OrgTree(document.orgUnits))
        let stewardEmails = Set(try await gridIndicators(steward: nil, on: request).compactMap(\.steward))
        return DataEntryPageModel(
            stewards: document.people.filter { stewardEmails.contains($0.email) }.map { ($0.email, $0.name) },
            steward: steward,
            orgUnits: document.orgUnits.filter { scope.contains($0.code) }.map { ($0.code, $0.name) },
            orgUnit: orgUnit,
            month: reporting.label(month).count == 7 ? reporting.label(month) : month.description,
            rows: indicators.map { indicator in
                let period = Period.containing(month.start, frequency: indicator.frequency, calendar: reporting.calendar, fiscal: reporting.fiscal)
                let values = series[indicator.code] ?? []
                let current = values.first { $0.period == period }
                let previous = values.last { $0.period < period }
                return DataEntryRow(
                    code: indicator.code, name: indicator.name, unit: indicator.unit.text, frequency: indicator.frequency,
                    period: reporting.label(period),
                    value: submission?.value?[indicator.code] ?? current?.value.map { NumberText.plain($0) } ?? "",
                    level: submission?.level?[indicator.code] ?? current?.level,
                    levels: indicator.levels,
                    status: submission?.status?[indicator.code].flatMap(MeasurementStatus.init(rawValue:)) ?? current?.status ?? .final,
                    note: submission?.note?[indicator.code] ?? current?.note ?? "",
                    previous: previous.map { "\(reporting.label($0.period)): \(ValueFormatting.text(of: $0, for: indicator))" }
                )
            },
            errors: errors,
            savedMessage: saved,
            reason: submission?.reason ?? ""
        )
    }
}
