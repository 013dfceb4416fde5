import GoalStatStore
import Vapor

/// The performance review page: statuses, focus and integrity findings from the read model, rendered once per
/// change of the data for each kind of reader.
struct ReviewPageController {
    func show(_ request: Request) async throws -> Response {
        try await request.cachedPage {
            let review = try await PerformanceReview.load(for: request)
            return ReviewPageModel(review: review, integrity: try await review.integrity(on: request.db)).render(request.pageContext)
        }
    }
}
