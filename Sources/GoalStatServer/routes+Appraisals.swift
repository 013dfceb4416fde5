import GoalStatCore
import Vapor

/// Employee appraisals (issue 13). Every route is for signed-in people; the handler then checks the record's rating
/// chain (`AppraisalService`) before it reads any input, so only the employee, their supervisor and that
/// supervisor's supervisor, and HR see or change appraisal data — never the PIO or an admin as such.
func appraisalRoutes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    let appraisals = AppraisalsAPIController()
    api.on(.GET, "appraisal-programs", access: .signedIn) { try await appraisals.programs($0) }
    api.on(.POST, "appraisal-programs", access: .signedIn) { try await appraisals.createProgram($0) }
    api.on(.GET, "appraisal-assessment", access: .signedIn) { try await appraisals.assessment($0) }
    api.on(.GET, "appraisal-employees", access: .signedIn) { try await appraisals.employees($0) }
    api.on(.POST, "appraisal-employees", access: .signedIn) { try await appraisals.saveEmployee($0) }
    api.on(.GET, "appraisal-employees", ":email", access: .signedIn) { try await appraisals.employee($0) }
    api.on(.POST, "appraisal-employees", ":email", "feedback", access: .signedIn) { try await appraisals.addFeedback($0) }
    api.on(.POST, "appraisal-employees", ":email", "awards", access: .signedIn) { try await appraisals.proposeAward($0) }
    api.on(.POST, "performance-plans", access: .signedIn) { try await appraisals.createPlan($0) }
    api.on(.GET, "performance-plans", ":id", access: .signedIn) { try await appraisals.plan($0) }
    api.on(.PUT, "performance-plans", ":id", access: .signedIn) { try await appraisals.updatePlan($0) }
    api.on(.POST, "performance-plans", ":id", "acknowledgment", access: .signedIn) { try await appraisals.acknowledgePlan($0) }
    api.on(.POST, "performance-plans", ":id", "progress-reviews", access: .signedIn) { try await appraisals.addProgressReview($0) }
    api.on(.POST, "performance-plans", ":id", "rating", access: .signedIn) { try await appraisals.rate($0) }
    api.on(.POST, "performance-plans", ":id", "rating", "acknowledgment", access: .signedIn) { try await appraisals.acknowledgeRating($0) }
    api.on(.POST, "performance-plans", ":id", "rating", "reconsideration", access: .signedIn) { try await appraisals.reconsideration($0) }
    try appraisalPageRoutes(app)
}

/// The appraisal pages: the employee's page, the rating chain's forms and HR's program assessment.
private func appraisalPageRoutes(_ app: Application) throws {
    let pages = AppraisalPagesController()
    app.on(.GET, "appraisals", access: .signedIn) { try await pages.home($0) }
    app.on(.GET, "appraisal-assessment", access: .signedIn) { try await pages.assessment($0) }
    app.on(.GET, "appraisal-assessment.csv", access: .signedIn) { try await pages.assessmentCSV($0) }
    app.on(.GET, "appraisal-employees", "import", access: .signedIn) { try await pages.rosterForm($0) }
    app.on(.POST, "appraisal-employees", "import", access: .signedIn, body: .collect(maxSize: BodyLimits.pageUpload)) { try await pages.importRoster($0) }
    app.on(.GET, "appraisals", ":email", access: .signedIn) { try await pages.employee($0) }
    app.on(.POST, "appraisals", ":email", "feedback", access: .signedIn) { try await pages.feedback($0) }
    app.on(.POST, "appraisals", ":email", "acknowledgment", access: .signedIn) { try await pages.acknowledge($0) }
    app.on(.POST, "appraisals", ":email", "reconsideration", access: .signedIn) { try await pages.reconsideration($0) }
    app.on(.GET, "appraisals", ":email", "plan", access: .signedIn) { try await pages.planForm($0) }
    app.on(.POST, "appraisals", ":email", "plan", access: .signedIn) { try await pages.savePlan($0) }
    app.on(.GET, "appraisals", ":email", "progress-review", access: .signedIn) { try await pages.progressReviewForm($0) }
    app.on(.POST, "appraisals", ":email", "progress-review", access: .signedIn) { try await pages.saveProgressReview($0) }
    app.on(.GET, "appraisals", ":email", "rating", access: .signedIn) { try await pages.ratingForm($0) }
    app.on(.POST, "appraisals", ":email", "rating", access: .signedIn) { try await pages.saveRating($0) }
    app.on(.GET, "appraisals", ":email", "award", access: .signedIn) { try await pages.awardForm($0) }
    app.on(.POST, "appraisals", ":email", "award", access: .signedIn) { try await pages.saveAward($0) }
}
