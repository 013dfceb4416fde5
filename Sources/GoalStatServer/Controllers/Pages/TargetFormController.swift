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
    }

    func form(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let model = try await makeModel(code: code, submission: nil, errors: [:], on: request)
        return model.render().htmlResponse()
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
            try await TargetService.addVersion(target, audit: request.auditContext(.form), on: request.db)
            return request.redirect(to: SiteURL.indicator(code).path, redirectType: .normal)
        } catch let error as TargetInputError {
            let model = try await makeModel(code: code, submission: submission, errors: error.fields, on: request)
            return model.render().htmlResponse(status: .unprocessableEntity)
        }
    }

    private func makeModel(code: String, submission: Submission?, errors: [String: String], on request: Request) async throws -> TargetFormPageModel {
        let page = try await IndicatorPageModel.load(for: request)
        let snapshot = try await PerformanceSnapshot.load(on: request.db, today: request.clock.today)
        let latest = page.currentTargets.last
        let current = snapshot.document.targets.last { $0.indicator == code && $0.orgUnit == nil }
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
            people: snapshot.document.people.map { ($0.email, $0.name) },
            orgUnits: snapshot.document.orgUnits.map { ($0.code, $0.name) },
            errors: errors,
            currentTargets: page.currentTargets
        )
    }
}
