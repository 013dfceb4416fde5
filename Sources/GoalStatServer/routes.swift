import GoalStatCore
import Vapor

/// The table of contents of the app: every page and API route.
func routes(_ app: Application) throws {
    let dashboard = DashboardController()
    let goalPage = GoalPageController()
    let indicatorPage = IndicatorPageController()
    let targetForm = TargetFormController()
    let dataEntry = DataEntryController()
    let reviewPage = ReviewPageController()

    app.get { try await dashboard.show($0) }
    app.get("goals", ":code") { try await goalPage.show($0) }
    app.get("indicators", ":code") { try await indicatorPage.show($0) }
    app.get("indicators", ":code", "chart.svg") { try await indicatorPage.chart($0) }
    app.get("indicators", ":code", "compare") { try await ComparePageController().show($0) }
    app.get("indicators", ":code", "targets", "new") { try await targetForm.form($0) }
    app.post("indicators", ":code", "targets") { try await targetForm.submit($0) }
    app.get("review") { try await reviewPage.show($0) }
    app.get("data-entry") { try await dataEntry.show($0) }
    app.post("data-entry") { try await dataEntry.submit($0) }
    app.get("assets", "goalstat.css") { try Assets.stylesheet($0) }
    app.get("openapi.json") { try OpenAPIDocument.response($0) }

    try apiRoutes(app.grouped("api", "v1"))
}

private func apiRoutes(_ api: any RoutesBuilder) throws {
    let orgUnits = FrameworkResourceController<OrgUnit>(
        name: "Org unit", key: \.code, records: \.orgUnits, document: { FrameworkDocument(orgUnits: [$0]) }, kind: .orgUnit
    )
    let people = FrameworkResourceController<Person>(
        name: "Person", key: \.email, records: \.people, document: { FrameworkDocument(people: [$0]) }, kind: .person
    )
    let goals = FrameworkResourceController<Goal>(
        name: "Goal", key: \.code, records: \.goals, document: { FrameworkDocument(goals: [$0]) }, kind: .goal
    )
    let indicators = FrameworkResourceController<Indicator>(
        name: "Indicator", key: \.code, records: \.indicators, document: { FrameworkDocument(indicators: [$0]) }, kind: .indicator
    )
    let milestones = FrameworkResourceController<Milestone>(
        name: "Milestone", key: \.code, records: \.milestones, document: { FrameworkDocument(milestones: [$0]) }, kind: .milestone
    )
    register(orgUnits, at: "org-units", on: api)
    register(people, at: "people", on: api)
    register(goals, at: "goals", on: api)
    register(indicators, at: "indicators", on: api)
    register(milestones, at: "milestones", on: api)

    let plan = PlanAPIController()
    api.get("plan") { try await plan.plan($0) }
    api.put("plan") { try await plan.updatePlan($0) }
    api.get("links") { try await plan.links($0) }
    api.post("links") { try await plan.addLink($0) }
    api.get("goals", ":key", "narratives") { try await plan.narratives($0) }
    api.put("goals", ":key", "narratives") { try await plan.putNarrative($0) }

    let measurements = MeasurementsAPIController()
    api.get("indicators", ":key", "measurements") { try await measurements.list($0) }
    api.post("indicators", ":key", "measurements") { try await measurements.record($0) }
    api.get("indicators", ":key", "revisions") { try await measurements.revisions($0) }
    api.get("indicators", ":key", "targets") { try await measurements.targets($0) }
    api.post("indicators", ":key", "targets") { try await measurements.addTarget($0) }

    let analysis = AnalysisAPIController()
    api.get("indicators", ":key", "analysis") { try await analysis.indicator($0) }
    api.get("indicators", ":key", "rebases") { try await analysis.rebases($0) }
    api.post("indicators", ":key", "rebases") { try await analysis.addRebase($0) }
    api.get("indicators", ":key", "chart.svg") { try await analysis.chartSVG($0) }

    let review = ReviewAPIController()
    api.get("focus") { try await review.focus($0) }
    api.get("scorecard") { try await review.scorecard($0) }
    api.get("links", "evidence") { try await review.links($0) }
    api.get("integrity") { try await review.integrity($0) }
    api.get("indicators", ":key", "comparison") { try await review.comparison($0) }

    let files = ImportExportAPIController()
    api.on(.POST, "imports", body: .collect(maxSize: "256mb")) { try await files.importFile($0) }
    api.get("exports", "measurements") { try await files.exportMeasurements($0) }
    api.get("exports", "framework") { try await files.exportFramework($0) }
}

private func register<Record>(_ controller: FrameworkResourceController<Record>, at path: PathComponent, on api: any RoutesBuilder) {
    api.get(path) { try await controller.list($0) }
    api.post(path) { try await controller.create($0) }
    api.get(path, ":key") { try await controller.show($0) }
    api.put(path, ":key") { try await controller.update($0) }
    api.delete(path, ":key") { try await controller.delete($0) }
}
