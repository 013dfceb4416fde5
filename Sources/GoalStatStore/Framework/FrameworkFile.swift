import Foundation
import GoalStatCore
import Yams

/// Reads and writes the framework file of SPEC §3.2 in YAML or JSON. Every problem it reports carries the line and
/// column where it is: syntax errors, keys given twice in one mapping (both places named), numbers that overflow or
/// underflow, and fields of the wrong type.
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
        switch format {
        case .json: try decodeJSON(data, file: file)
        case .yaml: try decodeYAML(data, file: file)
        }
    }

    /// Where the fields named by validation issues (`indicators[3].name`) are in the file, in one pass; fields
    /// that cannot be found (a default that was not written) are left out.
    public static func positions(of fields: [String], in data: Data, format: Format) -> [String: SourcePosition] {
        let paths = Dictionary(fields.map { ($0, DocumentPathComponent.parse($0)) }, uniquingKeysWith: { first, _ in first })
        let found: [[DocumentPathComponent]: SourcePosition]
        switch format {
        case .json:
            found = data.withUnsafeBytes { JSONSourceCheck.positions(of: Set(paths.values), in: $0.bindMemory(to: UInt8.self)) }
        case .yaml:
            guard let text = String(data: data, encoding: .utf8), let root = try? YAMLSource.compose(text) else { return [:] }
            found = Dictionary(paths.values.compactMap { path in YAMLSource.node(at: path, in: root)?.position.map { (path, $0) } },
                               uniquingKeysWith: { first, _ in first })
        }
        return paths.compactMapValues { found[$0] }
    }

    private static func decodeJSON(_ data: Data, file: String) throws(FrameworkFileError) -> FrameworkDocument {
        let problem = data.withUnsafeBytes { JSONSourceCheck.problem(in: $0.bindMemory(to: UInt8.self)) }
        if let problem {
            throw FrameworkFileError(
                file: file, field: problem.path.isEmpty ? nil : DocumentPathComponent.render(problem.path),
                reason: problem.reason, position: problem.position
            )
        }
        do {
            return try JSONDecoder().decode(FrameworkDocument.self, from: data)
        } catch let error as DecodingError {
            var failure = FrameworkFileError(decoding: error, file: file)
            let path = FrameworkFileError.components(error.placePath)
            failure.position = data.withUnsafeBytes { JSONSourceCheck.positions(of: [path], in: $0.bindMemory(to: UInt8.self))[path] }
            throw failure
        } catch {
            throw FrameworkFileError(file: file, field: nil, reason: "cannot be read: \(error)")
        }
    }

    private static func decodeYAML(_ data: Data, file: String) throws(FrameworkFileError) -> FrameworkDocument {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FrameworkFileError(file: file, field: nil, reason: "the file is not UTF-8 text")
        }
        let root: Node
        do {
            guard let composed = try YAMLSource.compose(text) else {
                throw FrameworkFileError(file: file, field: nil, reason: "the file is empty", position: SourcePosition(line: 1, column: 1))
            }
            root = composed
        } catch let error as FrameworkFileError {
            throw error
        } catch let error as YamlError {
            throw YAMLSource.fileError(error, text: text, file: file)
        } catch {
            throw FrameworkFileError(file: file, field: nil, reason: "cannot be read: \(error)")
        }
        if let document = YAMLSource.decodeSections(of: root) { return document }
        if let (node, problem) = YAMLSource.numberOutOfRange(in: root, path: []) {
            throw FrameworkFileError(
                file: file, field: DocumentPathComponent.render(node), reason: problem.reason, position: problem.position
            )
        }
        do {
            return try YAMLDecoder().decode(FrameworkDocument.self, from: root)
        } catch let error as DecodingError {
            var failure = FrameworkFileError(decoding: error, file: file)
            failure.position = YAMLSource.node(at: FrameworkFileError.components(error.placePath), in: root)?.position
            throw failure
        } catch let error as YamlError {
            throw YAMLSource.fileError(error, text: text, file: file)
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
