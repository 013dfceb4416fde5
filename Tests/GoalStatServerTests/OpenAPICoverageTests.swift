import Foundation
@testable import GoalStatServer
import Testing
import Vapor
import VaporTesting

@Suite("OpenAPI document")
struct OpenAPICoverageTests {
    @Test("every route is in /openapi.json and every documented operation is routed")
    func coverage() async throws {
        try await withServer(fixtures: false) { app in
            var documented: Set<String> = []
            var anonymous: Set<String> = []
            try await app.signedIn().test(.GET, "/openapi.json") { response in
                #expect(response.status == .ok)
                let object = response.json as? [String: Any]
                #expect(object?["openapi"] as? String == "3.1.0")
                for (path, item) in (object?["paths"] as? [String: Any]) ?? [:] {
                    for (method, operation) in ((item as? [String: Any]) ?? [:]) where ["get", "post", "put", "patch", "delete"].contains(method) {
                        documented.insert("\(method.uppercased()) \(path)")
                        if let security = (operation as? [String: Any])?["security"] as? [Any], security.isEmpty {
                            anonymous.insert("\(method.uppercased()) \(path)")
                        }
                    }
                }
            }
            let open = Set(app.routes.all.filter { $0.access == .open }.map(Self.operation))
            #expect(open == anonymous, "security: [] must mark exactly the open routes; open but not marked: \(open.subtracting(anonymous).sorted()), marked but not open: \(anonymous.subtracting(open).sorted())")
            let routed = Set(app.routes.all.map(Self.operation))
            #expect(routed.subtracting(documented).isEmpty, "routes missing from the document: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }

    /// `GET /goals/{code}`: a route as the document names it.
    static func operation(_ route: Route) -> String {
        let path = "/" + route.path.map { component -> String in
            switch component {
            case .parameter(let name): "{\(name)}"
            default: component.description
            }
        }.joined(separator: "/")
        return "\(route.method.rawValue) \(path)"
    }
}
