import Foundation
import GoalStatCore
import Vapor

extension Request {
    /// Decodes a JSON body after `JSONSourceCheck` has read it, so that every refusal names its place: a syntax
    /// error its line and column, a repeated key both of its places, a number out of range its field, and a value
    /// of the wrong type its path (`items[1].value: expected a number`). A body that is not JSON (a form) is
    /// decoded as before.
    func decodeJSONBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        guard headers.contentType == nil || headers.contentType == .json || headers.contentType?.subType.hasSuffix("json") == true else {
            return try content.decode(Body.self)
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else { throw APIError.malformed("the request has no body; send JSON") }
        let data = Data(buffer: buffer)
        if let problem = data.withUnsafeBytes({ JSONSourceCheck.problem(in: $0.bindMemory(to: UInt8.self)) }) {
            throw APIError(jsonProblem: problem)
        }
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw APIError(decoding: error, body: data)
        }
    }

    /// Whether the JSON body is a list (`[…]`) rather than one object.
    var jsonBodyIsArray: Bool {
        guard let buffer = body.data else { return false }
        return buffer.readableBytesView.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "[")
    }
}

extension APIError {
    /// A syntax error or repeated key is a malformed body (400); a number out of range is an invalid value (422).
    init(jsonProblem problem: JSONSourceProblem) {
        let field = problem.path.isEmpty ? nil : DocumentPathComponent.render(problem.path, root: "items")
        let place = "line \(problem.position.line), column \(problem.position.column)"
        let outOfRange = problem.kind == .numberOutOfRange
        self.init(
            status: outOfRange ? .unprocessableEntity : .badRequest, code: outOfRange ? "invalidValue" : "malformedBody",
            message: field.map { "\($0): \(problem.reason) (\(place))" } ?? "the body is not valid JSON at \(place): \(problem.reason)",
            field: field,
            details: [APIErrorDetail(line: problem.position.line, column: String(problem.position.column), field: field, reason: problem.reason)]
        )
    }

    /// A value of the wrong type or shape, named by its path and placed by its line and column.
    init(decoding error: DecodingError, body: Data) {
        let (field, message) = APIError.describe(error)
        let path = DocumentPathComponent.parse(field ?? "")
        let jsonPath = path.first == .key("items") && error.codingPathStartsWithIndex ? Array(path.dropFirst()) : path
        let position = body.withUnsafeBytes { JSONSourceCheck.positions(of: [jsonPath], in: $0.bindMemory(to: UInt8.self))[jsonPath] }
        self.init(
            status: .badRequest, code: "malformedBody", message: message, field: field,
            details: [APIErrorDetail(line: position?.line, column: position.map { String($0.column) }, field: field, reason: message)]
        )
    }
}

extension DecodingError {
    /// Whether the body is a list whose item the error is about (its path is then written `items[1]…`).
    var codingPathStartsWithIndex: Bool {
        switch self {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.first?.intValue != nil
        @unknown default:
            false
        }
    }
}
