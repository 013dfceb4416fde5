import GoalStatCore
import GoalStatStore
import Vapor

/// The analysis of SPEC §4 over the API, in the JSON of SPEC §3.3.
struct AnalysisAPIController {
    func indicator(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let orgUnit = try request.query.get(String?.self, at: "orgUnit").flatMap { $0.isEmpty ? nil : $0 }
        var asOf = request.clock.today
        if let text = try request.query.get(String?.self, at: "asOf"), !text.isEmpty {
            do {
                asOf = try CalendarDate.parse(text)
            } catch {
                throw APIError.invalid("asOf", error.message)
            }
        }
        let analyses: [IndicatorAnalysis]
        do {
            analyses = try await AnalysisService.analyze(indicators: [code], orgUnit: orgUnit, asOf: asOf, on: request.db)
        } catch let error as AnalysisError {
            throw APIError.notFound("Indicator \(code)").with(message: error.message)
        }
        guard let analysis = analyses.first else {
            throw APIError.invalid(nil, "\(code) is a qualitative indicator: it has levels, not numbers to chart")
        }
        let response = Response(status: .ok)
        try response.content.encode(analysis, using: JSONEncoder())
        return response
    }
}

extension APIError {
    func with(message: String) -> APIError {
        var copy = self
        copy.message = message
        return copy
    }
}
