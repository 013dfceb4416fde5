import GoalStatCore
import GoalStatStore
import Vapor

/// The form that revises a target: every submission adds a version; none overwrites another.
struct TargetFormController {
    struct Submission: Content {
        var period: String?
        var orgUnit: String?
        var value: String?
        var rangeMin: String?
        var rangeMax: String?
        var rationale: String?
        var decidedOn: String?
        var benchmarkKind: String?
        var benchmarkValue: String?
        var benchmarkSource: String?
        var basedOn: Int?
    }

    func form(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let model = try await makeModel(code: code, submission: nil, errors: [:], stale: false, on: request)
        return model.render(request.pageContext).htmlResponse()
    }

    func submit(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let submission = try request.content.decode(Submission.self)
        do {
            let target = try TargetService.target(from: TargetInput(
                indicator: code, period: submission.period, orgUnit: submission.orgUnit, value: submission.value,
                rangeMin: submission.rangeMin, rangeMax: submission.rangeMax, rationale: submission.rationale,
                decidedOn: submission.decidedOn, benchmarkKind: submission.benchmarkKind, benchmarkValue: submission.benchmarkValue,
                benchmarkSource: submission.benchmarkSource
            ), today: request.clock.today, actor: request.principal.actor)
            try await authorizeUnit(of: target, request: request)
            try await TargetService.addVersion(target, basedOn: submission.basedOn, audit: request.auditContext(.form), on: request.db)
            return request.redirect(to: SiteURL.indicator(code).path, redirectType: .normal)
        } catch let error as TargetInputError {
            let model = try await makeModel(code: code, submission: submission, errors: error.fields, stale: false, on: request)
            return model.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        } catch is StaleTargets {
            let model = try await makeModel(code: code, submission: submission, errors: [:], stale: true, on: request)
            return model.render(request.pageContext).htmlResponse(status: .conflict)
        }
    }

    /// The route has checked the indicator's unit; a target for another unit needs the right there too,
    /// answered beside the field like any other mistake.
    private func authorizeUnit(of target: Target, request: Request) async throws {
        let document = try await request.framework()
        guard let indicatorUnit = document.indicators.first(where: { $0.code == target.indicator })?.orgUnit else { return }
        guard request.principal.mayRecord(.reviseTarget, forIndicatorOf: indicatorUnit, about: target.orgUnit, tree: OrgTree(document.orgUnits)) else {
            throw TargetInputError(fields: ["orgUnit": "Your roles do not allow revising targets for \(target.orgUnit ?? indicatorUnit)."])
        }
    }

    /// The fiscal (or calendar) year containing `today`, for an indicator without targets yet.
    private static func fiscalYear(of today: CalendarDate, reporting: Reporting) -> String {
        reporting.label(Period.containing(today, frequency: .annual, calendar: reporting.calendar, fiscal: reporting.fiscal))
    }

    /// The form, prefilled from the current target or the submission; `stale` when the submission was refused
    /// because the targets changed meanwhile (the form then counts the versions anew, so a resubmission goes through).
    private func makeModel(code: String, submission: Submission?, errors: [String: String], stale: Bool, on request: Request) async throws -> TargetFormPageModel {
        let page = try await IndicatorPageModel.load(for: request)
        let document = try await request.visibleFramework()
        let reporting = Reporting(plan: document.plan)
        let ownTargets = document.targets.filter { $0.indicator == code && $0.orgUnit == nil }
        let periods = Set(ownTargets.compactMap { try? Period.parse($0.period, calendar: reporting.calendar) })
        let period = TargetRules.defaultPeriod(of: Array(periods), today: request.clock.today)
        // Prefill from the version in force for that period, so that a revision starts from what it revises.
        let current = period.flatMap { chosen in
            ownTargets.last { (try? Period.parse($0.period, calendar: reporting.calendar)) == chosen }
        }
        return TargetFormPageModel(
            indicatorCode: code, indicatorName: page.indicator.name, unit: page.indicator.unit.text,
            period: submission?.period ?? period.map(reporting.label) ?? Self.fiscalYear(of: request.clock.today, reporting: reporting),
            orgUnit: submission?.orgUnit ?? "",
            value: submission?.value ?? current?.value.map { String($0) } ?? "",
            rangeMin: submission?.rangeMin ?? current?.range.map { String($0.min) } ?? "",
            rangeMax: submission?.rangeMax ?? current?.range.map { String($0.max) } ?? "",
            rationale: submission?.rationale ?? "",
            decidedOn: submission?.decidedOn ?? "",
            benchmarkKind: submission?.benchmarkKind ?? current?.benchmark?.kind.rawValue ?? "",
            benchmarkValue: submission?.benchmarkValue ?? current?.benchmark.map { NumberText.plain($0.value) } ?? "",
            benchmarkSource: submission?.benchmarkSource ?? current?.benchmark?.source ?? "",
            recordedBy: request.pageContext.userName ?? request.principal.actor ?? "you",
            recordedOn: request.clock.today.description,
            orgUnits: document.orgUnits.map { ($0.code, $0.name) },
            errors: errors,
            currentTargets: page.currentTargets,
            basedOn: TargetService.version(of: code, in: try await request.framework()),
            staleNotice: stale ? "Someone revised this target while you were editing. The current versions are listed below: check that your revision still holds, then save again." : nil
        )
    }
}
