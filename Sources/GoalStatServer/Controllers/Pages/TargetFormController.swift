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
        var setOn: String?
        var setBy: String?
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
                setOn: submission.setOn, setBy: submission.setBy
            ), today: request.clock.today)
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

    /// The form, prefilled from the current target or the submission; `stale` when the submission was refused
    /// because the targets changed meanwhile (the form then counts the versions anew, so a resubmission goes through).
    private func makeModel(code: String, submission: Submission?, errors: [String: String], stale: Bool, on request: Request) async throws -> TargetFormPageModel {
        let page = try await IndicatorPageModel.load(for: request)
        let document = try await request.visibleFramework()
        let latest = page.currentTargets.last
        let current = document.targets.last { $0.indicator == code && $0.orgUnit == nil }
        return TargetFormPageModel(
            indicatorCode: code, indicatorName: page.indicator.name, unit: page.indicator.unit.text,
            period: submission?.period ?? latest?.period ?? "",
            orgUnit: submission?.orgUnit ?? "",
            value: submission?.value ?? current?.value.map { String($0) } ?? "",
            rangeMin: submission?.rangeMin ?? current?.range.map { String($0.min) } ?? "",
            rangeMax: submission?.rangeMax ?? current?.range.map { String($0.max) } ?? "",
            rationale: submission?.rationale ?? "",
            setOn: submission?.setOn ?? request.clock.today.description,
            setBy: submission?.setBy ?? "",
            people: document.people.map { ($0.email, $0.name) },
            orgUnits: document.orgUnits.map { ($0.code, $0.name) },
            errors: errors,
            currentTargets: page.currentTargets,
            basedOn: TargetService.version(of: code, in: try await request.framework()),
            staleNotice: stale ? "Someone revised this target while you were editing. The current versions are listed below: check that your revision still holds, then save again." : nil
        )
    }
}
