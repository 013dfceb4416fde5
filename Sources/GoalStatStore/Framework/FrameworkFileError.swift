import Foundation
import GoalStatCore

/// A framework file that cannot be read, with the field path (`indicators[3].direction`) and the line and column
/// where known.
public struct FrameworkFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var field: String?
    public var reason: String
    public var position: SourcePosition?

    public init(file: String, field: String?, reason: String, position: SourcePosition? = nil) {
        self.file = file
        self.field = field
        self.reason = reason
        self.position = position
    }

    init(decoding error: DecodingError, file: String) {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = Self.path(context.codingPath)
            self.init(file: file, field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", reason: "is required")
        case .typeMismatch(let type, let context):
            self.init(file: file, field: Self.path(context.codingPath), reason: "should be \(Self.describe(type)): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: Self.path(context.codingPath), reason: "should be \(Self.describe(type))")
        case .dataCorrupted(let context):
            self.init(file: file, field: Self.path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            self.init(file: file, field: nil, reason: "\(error)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        DocumentPathComponent.render(components(codingPath))
    }

    static func components(_ codingPath: [any CodingKey]) -> [DocumentPathComponent] {
        codingPath.map { key in key.intValue.map(DocumentPathComponent.index) ?? .key(key.stringValue) }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    /// `file:line:column: field: reason`, the form editors and terminals turn into a link.
    public var description: String {
        var location = file
        if let position { location += ":\(position.line):\(position.column)" }
        if let field { return "\(location): \(field): \(reason)" }
        return "\(location): \(reason)"
    }
}

extension DecodingError {
    /// The coding path of the value the error is about: for a missing key, the object that lacks it.
    var placePath: [any CodingKey] {
        switch self {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        @unknown default:
            []
        }
    }
}
