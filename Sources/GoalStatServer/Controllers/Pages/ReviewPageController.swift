import GoalStatStore
import Vapor

/// The performance review page.
struct ReviewPageController {
    func show(_ request: Request) async throws -> Response {
        let review = try await PerformanceReview.load(asOf: try ReviewAPIController.asOf(request), on: request.db)
        return ReviewPageModel(review: review, integrity: try await review.integrity(on: request.db)).render().htmlResponse()
    }
}
