import Foundation
import Vapor
import Yams

/// The OpenAPI 3.1 description of every route, kept as `Resources/openapi.yaml` and served as JSON.
/// A test checks that every route is documented and every documented path is routed.
enum OpenAPIDocument {
    static let json: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let object = try? Yams.load(yaml: text),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return Data(#"{"openapi":"3.1.0","info":{"title":"GoalStat","version":"unavailable"},"paths":{}}"#.utf8) }
        return data
    }()

    static func response(_ request: Request) throws -> Response {
        let response = Response(status: .ok, body: .init(data: json))
        response.headers.contentType = .json
        return response
    }
}
