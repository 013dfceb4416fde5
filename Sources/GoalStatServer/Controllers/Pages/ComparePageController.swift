import GoalStatCore
import GoalStatStore
import Vapor

/// The page comparing org units on one indicator.
struct ComparePageController {
    func show(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let review = try await PerformanceReview.load(for: request)
        guard let indicator = review.document.indicators.first(where: { $0.code == code }),
              let comparison = try await review.comparison(indicator: code, period: nil, on: request.db)
        else { throw APIError.notFound("Indicator \(code)") }
        let model = ComparePageModel(
            indicatorCode: code, indicatorName: indicator.name, comparison: comparison,
            unitNames: Dictionary(review.document.orgUnits.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        )
        return model.render(request.pageContext).htmlResponse()
    }
}
