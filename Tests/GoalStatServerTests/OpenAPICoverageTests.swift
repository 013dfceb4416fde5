import Foundation
import GoalStatCore
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

    @Test("a route anyone may read when its record is published says its sign-in is optional; every other closed route requires one")
    func optionalSignIn() async throws {
        try await withServer(fixtures: false) { app in
            let document = try OpenAPITestDocument()
            for route in app.routes.all {
                let operation = try #require(document.operations[Self.operation(route)])
                let optional = operation.security?.contains { $0.isEmpty } ?? false
                switch route.access {
                case .open?:
                    #expect(operation.security?.isEmpty == true, "\(operation.name) is open: security: []")
                case .record(_, .readPrivate)?:
                    // Published records are read without signing in (SPEC §7): a schema that demands a token would be wrong.
                    #expect(optional, "\(operation.name) serves published records to anyone: its security must include {}")
                default:
                    #expect(!optional && operation.security?.isEmpty != true, "\(operation.name) needs a sign-in: its security must not be optional")
                }
            }
        }
    }

    @Test("every operation documents each status the server can answer for it")
    func statuses() async throws {
        try await withServer(fixtures: false) { app in
            let document = try OpenAPITestDocument()
            for route in app.routes.all {
                let operation = try #require(document.operations[Self.operation(route)])
                let missing = Self.statuses(route, operation).subtracting(operation.statuses)
                #expect(missing.isEmpty, "\(operation.name) does not document \(missing.sorted())")
            }
        }
    }

    @Test("a query value the document's schema rules out is refused with 400 naming the parameter, on every operation")
    func queryValuesRefused() async throws {
        try await withServer { app in
            let document = try OpenAPITestDocument()
            for operation in document.operations.values.sorted(by: { $0.name < $1.name }) where operation.method == "GET" {
                for parameter in operation.query {
                    guard let bad = Self.outOfSchema(parameter.schema) else { continue }
                    let url = Self.fixtureURL(operation) + "?\(parameter.name)=\(bad)"
                    try await app.signedIn().test(.GET, url) { response in
                        #expect(response.status == .badRequest, "\(url) answered \(response.status.code)")
                        #expect(operation.statuses.contains(String(response.status.code)), "\(operation.name) does not document \(response.status.code)")
                        if operation.path.hasPrefix("/api/") {
                            #expect(response.apiError?.code == "invalidQuery", "\(url)")
                            #expect(response.apiError?.field == parameter.name, "\(url)")
                        }
                    }
                }
            }
        }
    }

    @Test("a method a documented path does not take is 405 with Allow listing the methods the document gives it")
    func unsupportedMethods() async throws {
        try await withServer { app in
            let document = try OpenAPITestDocument()
            let byPath = Dictionary(grouping: document.operations.values, by: \.path)
            for (path, operations) in byPath.sorted(by: { $0.key < $1.key }) {
                let documented = Set(operations.map(\.method))
                let url = Self.fixtureURL(try #require(operations.first))
                for method in [HTTPMethod.GET, .POST, .PUT, .PATCH, .DELETE] where !documented.contains(method.rawValue) {
                    try await app.signedIn().test(method, url) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(path) answered \(response.status.code)")
                        let allow = Set((response.headers.first(name: .allow) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                        #expect(allow.subtracting(["HEAD"]) == documented, "\(method) \(path): Allow \(allow.sorted()), documented \(documented.sorted())")
                        if path.hasPrefix("/api/") { #expect(response.apiError?.code == "methodNotAllowed") }
                    }
                }
            }
        }
    }

    /// What the server can answer for a route whatever the handler does: a bad token (401) anywhere, an
    /// unreachable or busy database (503) anywhere, refusals by role or CSRF (403), unknown records (404),
    /// unreadable, oversized or unsupported bodies (400, 413, 415) and query values the schema rules out (400).
    static func statuses(_ route: Route, _ operation: OpenAPITestDocument.Operation) -> Set<String> {
        var statuses: Set<String> = ["401", "503"]
        let unsafe = route.method != .GET
        if unsafe || (route.access != .open && route.access != .signedIn) { statuses.insert("403") }
        if operation.parameters.contains(where: { $0.location == "path" }) { statuses.insert("404") }
        if operation.hasBody { statuses.formUnion(["400", "413", "415"]) }
        if operation.query.contains(where: { outOfSchema($0.schema) != nil }) { statuses.insert("400") }
        return statuses
    }

    /// A value the parameter's schema does not allow, when its schema restricts the value at all.
    static func outOfSchema(_ schema: [String: Any]) -> String? {
        // `anyOf: [{format: date}, {maxLength: 0}]`: a date, or empty for "not given".
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            return alternatives.lazy.compactMap { outOfSchema($0) }.first
        }
        if schema["enum"] != nil { return "not-one-of-them" }
        switch (schema["type"] as? String, schema["format"] as? String) {
        case ("integer", _): return "abc"
        case ("boolean", _): return "maybe"
        case (_, "uuid"): return "not-a-uuid"
        case (_, "date"): return "yesterday"
        default: return nil
        }
    }

    /// The operation's path with its parameters filled by records of the test fixtures.
    static func fixtureURL(_ operation: OpenAPITestDocument.Operation) -> String {
        let key: String = switch operation.path.split(separator: "/").dropFirst(operation.path.hasPrefix("/api/") ? 2 : 0).first {
        case "goals": "G1"
        case "org-units": "DMV"
        case "people": "k.osei@example.gov"
        case "milestones": "G1.1-M1"
        default: "FO-WAIT-MEDIAN"
        }
        return operation.path.replacingOccurrences(of: "{key}", with: key).replacingOccurrences(of: "{code}", with: key)
            .replacingOccurrences(of: "{id}", with: UUID().uuidString)
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
