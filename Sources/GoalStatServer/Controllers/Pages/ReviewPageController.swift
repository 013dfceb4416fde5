import GoalStatCore
import GoalStatStore
import Vapor

/// The performance review page: statuses, focus and integrity findings from the read model, rendered once per
/// change of the data for each kind of reader.
struct ReviewPageController {
    /// Integrity questions shown per page: at agency scale the checks raise tens of thousands, so the page shows
    /// how many each check raised and one page of one check's questions at a time.
    static let questionsPerPage = 50

    func show(_ request: Request) async throws -> Response {
        let check = try request.queryChoice("check", IntegrityCheck.self)
        let page = try request.queryInt("questions") ?? 1
        guard page >= 1 else { throw APIError.invalidQuery("questions", "questions must be 1 or more, not \(page)") }
        return try await request.cachedPage {
            let review = try await PerformanceReview.load(for: request)
            let every = request.principal.scope(.readPrivate, tree: try await request.orgTree()) == .everywhere
            let counts = try await review.integrityCounts(everyIndicator: every, on: request.db)
            let findings = try await review.integrityFindings(
                check: check, offset: (page - 1) * Self.questionsPerPage, limit: Self.questionsPerPage, everyIndicator: every, on: request.db
            )
            var model = ReviewPageModel(review: review, integrity: findings)
            model.integrityCounts = counts
            model.integrityCheck = check
            model.integrityPage = page
            model.questionsPerPage = Self.questionsPerPage
            return model.render(request.pageContext)
        }
    }
}
