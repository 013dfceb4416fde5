import GoalStatCore
import GoalStatStore
import Vapor

/// The table of contents of the app: every page and API route, each with the access rule it requires
/// (`RouteAccess`, applied by `AuthorizationMiddleware` before the handler runs).
func routes(_ app: Application) throws {
    let resources = FrameworkResources()
    try pageRoutes(app)
    try authoringRoutes(app, resources)
    try reviewRoutes(app)
    try appraisalRoutes(app)
    try reportRoutes(app)
    try accountRoutes(app)
    try portalRoutes(app)
    try apiRoutes(app.grouped("api", "v1"), resources)
}

/// The framework's records as the API and the pages' forms both write them (one set of rules for both).
struct FrameworkResources: Sendable {
    let orgUnits = FrameworkResourceController<OrgUnit>(
        name: "Org unit", kind: .orgUnit, key: \.code, records: \.orgUnits, document: { FrameworkDocument(orgUnits: [$0]) },
        owner: { $0.parent }
    )
    let people = FrameworkResourceController<Person>(
        name: "Person", kind: .person, key: \.email, records: \.people, document: { FrameworkDocument(people: [$0]) },
        owner: { $0.orgUnit }
    )
    let goals: FrameworkResourceController<Goal> = {
        var goals = FrameworkResourceController<Goal>(
            name: "Goal", kind: .goal, key: \.code, records: \.goals, document: { FrameworkDocument(goals: [$0]) },
            owner: { $0.orgUnit }
        )
        goals.pageInDatabase = { try await FrameworkStore.goalPage(readableIn: $0, offset: $1, limit: $2, on: $3) }
        goals.forVisitors = { goal, document in goal.publicView(names: document.publicNames) }
        return goals
    }()
    let indicators: FrameworkResourceController<Indicator> = {
        var indicators = FrameworkResourceController<Indicator>(
            name: "Indicator", kind: .indicator, key: \.code, records: \.indicators, document: { FrameworkDocument(indicators: [$0]) },
            owner: { $0.orgUnit }
        )
        indicators.pageInDatabase = { try await FrameworkStore.indicatorPage(readableIn: $0, offset: $1, limit: $2, on: $3) }
        indicators.forVisitors = { indicator, document in indicator.publicView(publishedGoals: document.publishedGoalCodes) }
        return indicators
    }()
    let milestones = FrameworkResourceController<Milestone>(
        name: "Milestone", kind: .milestone, key: \.code, records: \.milestones, document: { FrameworkDocument(milestones: [$0]) },
        ownerIn: { milestone, document in document.ownership(of: .goal, key: milestone.goal)?.orgUnit }
    )
}

/// Setting goals in the browser (issue 10): the plan, org units, people, goals, indicators, milestones, links and
/// narratives, each with a form that writes through the same code as the API.
private func authoringRoutes(_ app: Application, _ resources: FrameworkResources) throws {
    let framework = FrameworkPageController()
    let plan = PlanFormController()
    let links = LinkFormController()
    let narrative = NarrativeFormController()

    app.on(.GET, "framework", access: .somewhere(.editFramework)) { try await framework.show($0) }
    app.on(.GET, "plan", "edit", access: .everywhere(.editFramework)) { try await plan.form($0) }
    app.on(.POST, "plan", "edit", access: .everywhere(.editFramework)) { try await plan.submit($0) }
    registerForms(RecordFormController<OrgUnitForm>(resource: resources.orgUnits), on: app)
    registerForms(RecordFormController<PersonForm>(resource: resources.people, keyField: "email"), on: app)
    registerForms(RecordFormController<GoalForm>(resource: resources.goals), on: app)
    registerForms(RecordFormController<IndicatorForm>(resource: resources.indicators), on: app)
    registerForms(RecordFormController<MilestoneForm>(resource: resources.milestones), on: app)
    app.on(.GET, "links", access: .somewhere(.editFramework)) { try await links.list($0) }
    app.on(.GET, "links", "new", access: .somewhere(.editFramework)) { try await links.form($0) }
    app.on(.POST, "links", access: .somewhere(.editFramework)) { try await links.create($0) }
    app.on(.GET, "links", "remove", access: .somewhere(.editFramework)) { try await links.confirmRemoval($0) }
    app.on(.POST, "links", "remove", access: .somewhere(.editFramework)) { try await links.remove($0) }
    app.on(.GET, "goals", ":code", "narrative", access: .record(.goal, .editFramework)) { try await narrative.form($0) }
    app.on(.POST, "goals", ":code", "narrative", access: .record(.goal, .editFramework)) { try await narrative.submit($0) }
    // The workflow's rule (writers submit; the goal's leader or a PIO approve, publish, send back) is the service's.
    app.on(.POST, "goals", ":code", "narrative", "steps", access: .record(.goal, .readPrivate)) { try await narrative.step($0) }
}

/// The public portal, open data, display mode and citizen feedback (issue 12), and small wins (issue 11): the
/// portal's pages are open to everyone and show only what is published, whoever asks.
private func portalRoutes(_ app: Application) throws {
    let portal = PortalController()
    let openData = OpenDataController()
    let wins = WinsController()
    let feedback = FeedbackController()
    app.on(.GET, "public", access: .open) { try await portal.home($0) }
    app.on(.GET, "public", "goals", ":code", access: .open) { try await portal.goal($0) }
    app.on(.POST, "public", "goals", ":code", "feedback", access: .open) { try await portal.sendFeedback($0) }
    app.on(.GET, "public", "indicators", ":code", access: .open) { try await portal.indicator($0) }
    app.on(.GET, "public", "search", access: .open) { try await portal.search($0) }
    app.on(.GET, "public", "updates", access: .open) { try await portal.updates($0) }
    app.on(.GET, "public", "wins", access: .open) { try await portal.wins($0) }
    app.on(.GET, "public", "display", access: .open) { try await portal.display($0) }
    app.on(.GET, "public", "data", access: .open) { try await openData.dictionary($0) }
    app.on(.GET, "public", "data", ":file", access: .open) { try await openData.file($0) }
    app.on(.GET, "wins", access: .signedIn) { try await wins.feed($0) }
    app.on(.GET, "wins", "new", access: .somewhere(.editFramework)) { try await wins.form($0) }
    app.on(.POST, "wins", access: .somewhere(.editFramework)) { try await wins.create($0) }
    app.on(.POST, "wins", ":id", "publication", access: .somewhere(.publish)) { try await wins.publication($0) }
    app.on(.GET, "feedback", access: .somewhere(.publish)) { try await feedback.queue($0) }
    app.on(.POST, "feedback", ":id", access: .somewhere(.publish)) { try await feedback.moderate($0) }

    let api = app.grouped("api", "v1")
    let portalAPI = PortalAPIController()
    api.on(.GET, "wins", access: .open) { try await portalAPI.wins($0) }
    api.on(.POST, "wins", access: .somewhere(.editFramework)) { try await portalAPI.recordWin($0) }
    api.on(.PUT, "wins", ":id", "publication", access: .somewhere(.publish)) { try await portalAPI.publish($0) }
    api.on(.GET, "goals", ":key", "feedback", access: .open) { try await portalAPI.goalFeedback($0) }
    api.on(.POST, "goals", ":key", "feedback", access: .open) { try await portalAPI.sendFeedback($0) }
    api.on(.GET, "feedback", access: .somewhere(.publish)) { try await portalAPI.feedbackQueue($0) }
    api.on(.POST, "feedback", ":id", "moderation", access: .somewhere(.publish)) { try await portalAPI.moderate($0) }
    api.on(.POST, "goals", ":key", "narratives", "steps", access: .record(.goal, .readPrivate)) { try await portalAPI.narrativeStep($0) }
    api.on(.GET, "goals", ":key", "narratives", "history", access: .somewhere(.readPrivate)) { try await portalAPI.narrativeHistory($0) }
}

/// Data-driven reviews (issue 11): scheduling, the briefing, and what a review records and follows up.
private func reviewRoutes(_ app: Application) throws {
    let pages = ReviewPagesController()
    app.on(.GET, "reviews", access: .somewhere(.readPrivate)) { try await pages.list($0) }
    app.on(.GET, "reviews", "new", access: .somewhere(.runReviews)) { try await pages.newForm($0) }
    app.on(.GET, "reviews", "schedule", access: .somewhere(.runReviews)) { try await pages.scheduleForm($0) }
    app.on(.POST, "reviews", "schedule", access: .somewhere(.runReviews)) { try await pages.scheduleSeries($0) }
    app.on(.POST, "reviews", access: .somewhere(.runReviews)) { try await pages.create($0) }
    app.on(.GET, "reviews", ":id", access: .somewhere(.readPrivate)) { try await pages.show($0) }
    app.on(.POST, "reviews", ":id", "assessments", access: .somewhere(.runReviews)) { try await pages.assess($0) }
    app.on(.POST, "reviews", ":id", "decisions", access: .somewhere(.runReviews)) { try await pages.decide($0) }
    app.on(.POST, "reviews", ":id", "actions", access: .somewhere(.runReviews)) { try await pages.addAction($0) }
    // The owner of an action and the leaders of an asked unit need no review rights: the service checks who they are.
    app.on(.GET, "actions", access: .somewhere(.readPrivate)) { try await pages.actions($0) }
    app.on(.GET, "actions", ":id", access: .signedIn) { try await pages.action($0) }
    app.on(.POST, "actions", ":id", access: .signedIn) { try await pages.updateAction($0) }
    app.on(.GET, "asks", ":id", access: .signedIn) { try await pages.ask($0) }
    app.on(.POST, "asks", ":id", access: .signedIn) { try await pages.answer($0) }

    let api = app.grouped("api", "v1")
    let reviews = ReviewsAPIController()
    api.on(.GET, "reviews", access: .somewhere(.readPrivate)) { try await reviews.list($0) }
    api.on(.POST, "reviews", access: .somewhere(.runReviews)) { try await reviews.create($0) }
    api.on(.POST, "review-series", access: .somewhere(.runReviews)) { try await reviews.scheduleSeries($0) }
    api.on(.GET, "reviews", ":id", access: .somewhere(.readPrivate)) { try await reviews.show($0) }
    api.on(.POST, "reviews", ":id", "assessments", access: .somewhere(.runReviews)) { try await reviews.assess($0) }
    api.on(.POST, "reviews", ":id", "decisions", access: .somewhere(.runReviews)) { try await reviews.decide($0) }
    api.on(.POST, "reviews", ":id", "actions", access: .somewhere(.runReviews)) { try await reviews.addAction($0) }
    api.on(.GET, "actions", access: .somewhere(.readPrivate)) { try await reviews.openActions($0) }
    api.on(.POST, "actions", ":id", "updates", access: .signedIn) { try await reviews.updateAction($0) }
    api.on(.GET, "asks", access: .signedIn) { try await reviews.asks($0) }
    api.on(.POST, "asks", ":id", "answer", access: .signedIn) { try await reviews.answer($0) }
    riskAndCapacityRoutes(app, api)
}

/// Reports as HTML and PDF for those who may export unpublished data (reviewer, pio, admin), and the published
/// plan as StratML for everyone (issue 12).
private func reportRoutes(_ app: Application) throws {
    let reports = ReportsController()
    app.on(.GET, "reports", access: .somewhere(.exportData)) { try await reports.index($0) }
    app.on(.GET, "reports", "quarterly", access: .somewhere(.exportData)) { try await reports.quarterly($0) }
    app.on(.GET, "reports", "annual", access: .somewhere(.exportData)) { try await reports.annual($0) }
    app.on(.GET, "reviews", ":id", "briefing-book", access: .somewhere(.exportData)) { try await reports.briefingBook($0) }
    app.on(.GET, "assets", "report.css", access: .open) { try Assets.reportStylesheet($0) }
    app.on(.GET, "stratml", "part1.xml", access: .open) { try await reports.publishedStratML(.one, $0) }
    app.on(.GET, "stratml", "part2.xml", access: .open) { try await reports.publishedStratML(.two, $0) }
    app.grouped("api", "v1").on(.GET, "stratml", access: .open) { try await reports.apiStratML($0) }
}

private func registerForms<Form>(_ controller: RecordFormController<Form>, on app: Application) {
    let kind = controller.resource.kind
    let segment = PathComponent(stringLiteral: kind.pathSegment)
    app.on(.GET, segment, "new", access: .somewhere(.editFramework)) { try await controller.newForm($0) }
    app.on(.POST, segment, access: .somewhere(.editFramework)) { try await controller.create($0) }
    app.on(.GET, segment, ":code", "edit", access: .record(kind, .editFramework)) { try await controller.editForm($0) }
    app.on(.POST, segment, ":code", "edit", access: .record(kind, .editFramework)) { try await controller.update($0) }
    app.on(.GET, segment, ":code", "remove", access: .record(kind, .editFramework)) { try await controller.removeForm($0) }
    app.on(.POST, segment, ":code", "remove", access: .record(kind, .editFramework)) { try await controller.remove($0) }
}

private func pageRoutes(_ app: Application) throws {
    let dashboard = DashboardController()
    let goalPage = GoalPageController()
    let indicatorPage = IndicatorPageController()
    let targetForm = TargetFormController()
    let dataEntry = DataEntryController()
    let reviewPage = ReviewPageController()
    let comparePage = ComparePageController()
    let peers = PeersController()
    let importPage = ImportPageController()
    let exportsPage = ExportsPageController()
    let tasks = TasksController()
    let notifications = NotificationsController()

    app.on(.GET, access: .open) { try await dashboard.show($0) }
    app.on(.GET, "goals", ":code", access: .record(.goal, .readPrivate)) { try await goalPage.show($0) }
    app.on(.GET, "indicators", ":code", access: .record(.indicator, .readPrivate)) { try await indicatorPage.show($0) }
    app.on(.GET, "indicators", ":code", "chart.svg", access: .record(.indicator, .readPrivate)) { try await indicatorPage.chart($0) }
    app.on(.GET, "indicators", ":code", "compare", access: .record(.indicator, .readPrivate)) { try await comparePage.show($0) }
    // Org units are public records (the organization chart), so anyone may open a unit's peers page; what it
    // compares is what the reader may read: published indicators for visitors (docs/peers.md).
    app.on(.GET, "org-units", ":code", "peers", access: .record(.orgUnit, .readPrivate)) { try await peers.page($0) }
    app.on(.GET, "indicators", ":code", "targets", "new", access: .record(.indicator, .reviseTarget)) { try await targetForm.form($0) }
    app.on(.POST, "indicators", ":code", "targets", access: .record(.indicator, .reviseTarget)) { try await targetForm.submit($0) }
    app.on(.GET, "review", access: .somewhere(.readPrivate)) { try await reviewPage.show($0) }
    app.on(.GET, "data-entry", access: .somewhere(.enterData)) { try await dataEntry.show($0) }
    app.on(.POST, "data-entry", access: .somewhere(.enterData)) { try await dataEntry.submit($0) }
    app.on(.GET, "imports", access: .somewhere(.importFiles)) { try await importPage.form($0) }
    app.on(.POST, "imports", access: .somewhere(.importFiles), body: .collect(maxSize: BodyLimits.pageUpload)) { try await importPage.preview($0) }
    app.on(.POST, "imports", "commit", access: .somewhere(.importFiles)) { try await importPage.commit($0) }
    app.on(.POST, "imports", "discard", access: .somewhere(.importFiles)) { try await importPage.discard($0) }
    app.on(.GET, "exports", access: .somewhere(.exportData)) { try await exportsPage.show($0) }
    app.on(.GET, "tasks", access: .signedIn) { try await tasks.show($0) }
    app.on(.GET, "notifications", access: .signedIn) { try await notifications.show($0) }
    app.on(.POST, "notifications", "read", access: .signedIn) { try await notifications.markRead($0) }
    app.on(.GET, "assets", "goalstat.css", access: .open) { try Assets.stylesheet($0) }
    app.on(.GET, "openapi.json", access: .open) { try OpenAPIDocument.response($0) }
}

private func accountRoutes(_ app: Application) throws {
    let signIn = SignInController()
    let account = AccountController()
    let users = UsersController()
    let audit = AuditPageController()

    app.on(.GET, "sign-in", access: .open) { try await signIn.form($0) }
    app.on(.POST, "sign-in", access: .open) { try await signIn.submit($0) }
    app.on(.POST, "sign-out", access: .open) { try await signIn.signOut($0) }
    app.on(.GET, "account", access: .signedIn) { try await account.show($0) }
    app.on(.POST, "account", "password", access: .signedIn) { try await account.changePassword($0) }
    app.on(.POST, "account", "tokens", access: .signedIn) { try await account.createToken($0) }
    app.on(.POST, "account", "tokens", ":id", "revoke", access: .signedIn) { try await account.revokeToken($0) }
    app.on(.GET, "users", access: .everywhere(.manageUsers)) { try await users.list($0) }
    app.on(.POST, "users", access: .everywhere(.manageUsers)) { try await users.create($0) }
    app.on(.GET, "users", ":id", access: .everywhere(.manageUsers)) { try await users.show($0) }
    app.on(.POST, "users", ":id", "grants", access: .everywhere(.manageUsers)) { try await users.changeGrant($0) }
    app.on(.POST, "users", ":id", "active", access: .everywhere(.manageUsers)) { try await users.setActive($0) }
    app.on(.GET, "audit", access: .everywhere(.readAudit)) { try await audit.show($0) }
    app.on(.GET, "audit.csv", access: .everywhere(.readAudit)) { try await audit.csv($0) }
}

private func apiRoutes(_ api: any RoutesBuilder, _ resources: FrameworkResources) throws {
    register(resources.orgUnits, at: "org-units", on: api)
    register(resources.people, at: "people", on: api)
    register(resources.goals, at: "goals", on: api)
    register(resources.indicators, at: "indicators", on: api)
    register(resources.milestones, at: "milestones", on: api)

    let plan = PlanAPIController()
    api.on(.GET, "plan", access: .open) { try await plan.plan($0) }
    api.on(.PUT, "plan", access: .everywhere(.editFramework)) { try await plan.updatePlan($0) }
    api.on(.GET, "links", access: .open) { try await plan.links($0) }
    api.on(.POST, "links", access: .somewhere(.editFramework)) { try await plan.addLink($0) }
    api.on(.DELETE, "links", ":driver", ":result", access: .somewhere(.editFramework)) { try await plan.removeLink($0) }
    api.on(.GET, "goals", ":key", "narratives", access: .record(.goal, .readPrivate)) { try await plan.narratives($0) }
    api.on(.PUT, "goals", ":key", "narratives", access: .record(.goal, .editFramework)) { try await plan.putNarrative($0) }

    let measurements = MeasurementsAPIController()
    api.on(.GET, "indicators", ":key", "measurements", access: .record(.indicator, .readPrivate)) { try await measurements.list($0) }
    api.on(.POST, "indicators", ":key", "measurements", access: .record(.indicator, .enterData)) { try await measurements.record($0) }
    api.on(.GET, "indicators", ":key", "revisions", access: .record(.indicator, .readPrivate)) { try await measurements.revisions($0) }
    api.on(.GET, "indicators", ":key", "targets", access: .record(.indicator, .readPrivate)) { try await measurements.targets($0) }
    api.on(.POST, "indicators", ":key", "targets", access: .record(.indicator, .reviseTarget)) { try await measurements.addTarget($0) }

    let analysis = AnalysisAPIController()
    api.on(.GET, "indicators", ":key", "analysis", access: .record(.indicator, .readPrivate)) { try await analysis.indicator($0) }
    api.on(.GET, "indicators", ":key", "rebases", access: .record(.indicator, .readPrivate)) { try await analysis.rebases($0) }
    api.on(.POST, "indicators", ":key", "rebases", access: .record(.indicator, .editFramework)) { try await analysis.addRebase($0) }
    api.on(.GET, "indicators", ":key", "chart.svg", access: .record(.indicator, .readPrivate)) { try await analysis.chartSVG($0) }

    let review = ReviewAPIController()
    api.on(.GET, "focus", access: .somewhere(.readPrivate)) { try await review.focus($0) }
    api.on(.GET, "scorecard", access: .somewhere(.readPrivate)) { try await review.scorecard($0) }
    api.on(.GET, "links", "evidence", access: .somewhere(.readPrivate)) { try await review.links($0) }
    api.on(.GET, "integrity", access: .somewhere(.readPrivate)) { try await review.integrity($0) }
    api.on(.GET, "indicators", ":key", "comparison", access: .record(.indicator, .readPrivate)) { try await review.comparison($0) }
    api.on(.GET, "org-units", ":key", "peers", access: .record(.orgUnit, .readPrivate)) { try await PeersController().api($0) }

    let files = ImportExportAPIController()
    api.on(.POST, "imports", access: .somewhere(.importFiles), body: .collect(maxSize: BodyLimits.fileImport)) { try await files.importFile($0) }
    api.on(.GET, "exports", "measurements", access: .somewhere(.exportData)) { try await files.exportMeasurements($0) }
    api.on(.GET, "exports", "framework", access: .everywhere(.exportData)) { try await files.exportFramework($0) }

    let accounts = AccountAPIController()
    api.on(.GET, "me", access: .signedIn) { try await accounts.me($0) }
    api.on(.GET, "tokens", access: .signedIn) { try await accounts.tokens($0) }
    api.on(.POST, "tokens", access: .signedIn) { try await accounts.createToken($0) }
    api.on(.DELETE, "tokens", ":id", access: .signedIn) { try await accounts.revokeToken($0) }
    api.on(.GET, "users", access: .everywhere(.manageUsers)) { try await accounts.users($0) }
    api.on(.POST, "users", access: .everywhere(.manageUsers)) { try await accounts.createUser($0) }
    api.on(.GET, "audit", access: .everywhere(.readAudit)) { try await accounts.audit($0) }
}

private func register<Record>(_ controller: FrameworkResourceController<Record>, at path: PathComponent, on api: any RoutesBuilder) {
    let kind = controller.kind
    api.on(.GET, path, access: .open) { try await controller.list($0) }
    api.on(.POST, path, access: .somewhere(.editFramework)) { try await controller.create($0) }
    api.on(.GET, path, ":key", access: .record(kind, .readPrivate)) { try await controller.show($0) }
    api.on(.PUT, path, ":key", access: .record(kind, .editFramework)) { try await controller.update($0) }
    api.on(.DELETE, path, ":key", access: .record(kind, .editFramework)) { try await controller.delete($0) }
}

/// The risk register and capacity requests (issue 11). Writes check the unit of the goal or team they name: the
/// route only asks that the caller may read somewhere, and the services refuse those without a role there.
private func riskAndCapacityRoutes(_ app: Application, _ api: any RoutesBuilder) {
    let risks = RiskPagesController()
    app.on(.GET, "risks", access: .somewhere(.readPrivate)) { try await risks.register($0) }
    app.on(.GET, "risks", "new", access: .somewhere(.readPrivate)) { try await risks.newForm($0) }
    app.on(.POST, "risks", access: .somewhere(.readPrivate)) { try await risks.create($0) }
    app.on(.GET, "risks", ":id", access: .somewhere(.readPrivate)) { try await risks.show($0) }
    app.on(.POST, "risks", ":id", "edit", access: .somewhere(.readPrivate)) { try await risks.update($0) }
    let capacity = CapacityPagesController()
    app.on(.GET, "capacity", access: .somewhere(.readPrivate)) { try await capacity.list($0) }
    app.on(.GET, "capacity", "new", access: .somewhere(.readPrivate)) { try await capacity.newForm($0) }
    app.on(.POST, "capacity", access: .somewhere(.readPrivate)) { try await capacity.create($0) }
    app.on(.GET, "capacity", ":id", access: .somewhere(.readPrivate)) { try await capacity.show($0) }
    app.on(.POST, "capacity", ":id", "decision", access: .somewhere(.runReviews)) { try await capacity.decide($0) }
    app.on(.POST, "capacity", ":id", "updates", access: .somewhere(.readPrivate)) { try await capacity.followUp($0) }
    let apiRisks = RisksAPIController()
    api.on(.GET, "risks", access: .somewhere(.readPrivate)) { try await apiRisks.list($0) }
    api.on(.POST, "risks", access: .somewhere(.readPrivate)) { try await apiRisks.create($0) }
    api.on(.GET, "risks", ":id", access: .somewhere(.readPrivate)) { try await apiRisks.show($0) }
    api.on(.PUT, "risks", ":id", access: .somewhere(.readPrivate)) { try await apiRisks.update($0) }
    api.on(.GET, "capacity-requests", access: .somewhere(.readPrivate)) { try await apiRisks.capacityList($0) }
    api.on(.POST, "capacity-requests", access: .somewhere(.readPrivate)) { try await apiRisks.capacityCreate($0) }
    api.on(.GET, "capacity-requests", ":id", access: .somewhere(.readPrivate)) { try await apiRisks.capacityShow($0) }
    api.on(.POST, "capacity-requests", ":id", "decision", access: .somewhere(.runReviews)) { try await apiRisks.capacityDecide($0) }
    api.on(.POST, "capacity-requests", ":id", "updates", access: .somewhere(.readPrivate)) { try await apiRisks.capacityFollowUp($0) }
}
