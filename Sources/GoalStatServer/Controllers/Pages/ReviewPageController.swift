import GoalStatStore
import Vapor

/// The performance review page.
struct ReviewPageController {
    func show(_ request: Request) async throws -> Response {
        let review = try await PerformanceReview.load(for: request)
        return ReviewPageModel(review: review, integrity: try await review.integrity(on: request.db)).render(request.pageContext).htmlResponse()
    }
}
