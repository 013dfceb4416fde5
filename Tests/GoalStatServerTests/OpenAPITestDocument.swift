import Foundation
import Testing
@testable import GoalStatServer
import Vapor

/// The served OpenAPI document as the drift tests read it: each operation with its parameters (path-level ones
/// included, `$ref`s resolved), its documented statuses, its security and whether it takes a body.
struct OpenAPITestDocument {
    struct Parameter {
        var name: String
        var location: String
        var schema: [String: Any]
    }

    struct Operation {
        var method: String
        var path: String
        var parameters: [Parameter]
        var statuses: Set<String>
        var security: [[String: Any]]?
        var hasBody: Bool

        var name: String { "\(method) \(path)" }
        var query: [Parameter] { parameters.filter { $0.location == "query" } }
    }

    let root: [String: Any]
    let operations: [String: Operation]

    init(data: Data = OpenAPIDocument.json) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        self.root = root
        var operations: [String: Operation] = [:]
        for (path, item) in (root["paths"] as? [String: Any]) ?? [:] {
            guard let item = item as? [String: Any] else { continue }
            let shared = (item["parameters"] as? [Any]) ?? []
            for (method, value) in item where ["get", "post", "put", "patch", "delete"].contains(method) {
                guard let operation = value as? [String: Any] else { continue }
                let parameters = (shared + ((operation["parameters"] as? [Any]) ?? [])).compactMap { Self.parameter($0, root: root) }
                let responses = (operation["responses"] as? [String: Any]) ?? [:]
                let entry = Operation(
                    method: method.uppercased(), path: path, parameters: parameters, statuses: Set(responses.keys),
                    security: operation["security"] as? [[String: Any]], hasBody: operation["requestBody"] != nil
                )
                operations[entry.name] = entry
            }
        }
        self.operations = operations
    }

    /// `#/components/parameters/Page` → the object it names.
    static func resolve(_ value: Any, root: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String else { return object }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return resolve(node, root: root)
    }

    private static func parameter(_ value: Any, root: [String: Any]) -> Parameter? {
        guard let object = resolve(value, root: root), let name = object["name"] as? String, let location = object["in"] as? String else { return nil }
        var schema = (object["schema"]).flatMap { resolve($0, root: root) } ?? [:]
        if let alternatives = schema["anyOf"] as? [Any] {
            schema["anyOf"] = alternatives.compactMap { resolve($0, root: root) }
        }
        return Parameter(name: name, location: location, schema: schema)
    }
}
