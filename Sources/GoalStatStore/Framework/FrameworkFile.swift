import Foundation
import GoalStatCore
import Yams

/// Reads and writes the framework file of SPEC §3.2 in YAML or JSON.
public enum FrameworkFile {
    public enum Format: String, Sendable, CaseIterable {
        case yaml, json
    }

    /// The format a file name implies (`.yaml`, `.yml` or `.json`), or nil.
    public static func format(forPath path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": .yaml
        case "json": .json
        default: nil
        }
    }

    public static func decode(_ data: Data, format: Format, file: String) throws(FrameworkFileError) -> FrameworkDocument {
        do {
            switch format {
            case .json:
                return try JSONDecoder().decode(FrameworkDocument.self, from: data)
            case .yaml:
                guard let text = String(data: data, encoding: .utf8) else {
                    throw FrameworkFileError(file: file, field: nil, reason: "the file is not UTF-8 text")
                }
                return try YAMLDecoder().decode(FrameworkDocument.self, from: text)
            }
        } catch let error as FrameworkFileError {
            throw error
        } catch let error as DecodingError {
            throw FrameworkFileError(decoding: error, file: file)
        } catch let error as YamlError {
            throw FrameworkFileError(file: file, field: nil, reason: "not valid YAML: \(error)")
        } catch {
            throw FrameworkFileError(file: file, field: nil, reason: "cannot be read: \(error)")
        }
    }

    public static func encode(_ document: FrameworkDocument, format: Format) throws -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(document)
        case .yaml:
            let encoder = YAMLEncoder()
            encoder.options.sortKeys = false
            encoder.options.allowUnicode = true
            encoder.options.width = -1
            return Data(try encoder.encode(document).utf8)
        }
    }
}

/// A framework file that cannot be read, with the field path (`indicators[3].direction`) where known.
public struct FrameworkFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var field: String?
    public var reason: String

    public init(file: String, field: String?, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    init(decoding error: DecodingError, file: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { result, key in
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            self.init(file: file, field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", reason: "is required")
        case .typeMismatch(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "should be \(Self.describe(type)): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "should be \(Self.describe(type))")
        case .dataCorrupted(let context):
            self.init(file: file, field: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            self.init(file: file, field: nil, reason: "\(error)")
        }
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

    public var description: String {
        if let field { "\(file): \(field): \(reason)" } else { "\(file): \(reason)" }
    }
}
