import Foundation
import GoalStatCore

/// One file handed to an import: its name decides its format (`.csv`, `.yaml`/`.yml`, `.json`, `.xml` for StratML).
/// Its content is held in memory (an upload) or read from disk as it is needed: a measurements file is then
/// read a chunk at a time, checked and stored as it is read, and never held whole.
public struct ImportFile: Sendable {
    public var name: String
    public var source: Source

    public enum Source: Sendable {
        case data(Data)
        case path(String)
    }

    public init(name: String, data: Data) {
        self.name = name
        source = .data(data)
    }

    /// A file on disk, read when the import reaches it.
    public init(name: String, path: String) {
        self.name = name
        source = .path(path)
    }

    /// The whole content, for a framework file.
    public func contents() throws -> Data {
        switch source {
        case .data(let data): return data
        case .path(let path): return try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }

    /// A reader of the content a chunk at a time (empty at the end), from its start.
    func chunks(of size: Int = MeasurementsCSV.chunkSize) throws -> () throws -> Data {
        switch source {
        case .data(let data):
            var offset = data.startIndex
            return {
                let end = min(offset + size, data.endIndex)
                defer { offset = end }
                return data[offset..<end]
            }
        case .path(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
            return {
                let chunk = try handle.read(upToCount: size) ?? Data()
                if chunk.isEmpty { try? handle.close() }
                return chunk
            }
        }
    }

    public enum Kind: Sendable, Equatable {
        case measurements
        case framework(FrameworkFile.Format)
        /// A StratML plan (ISO 17469), imported as a framework.
        case stratml
    }

    public var kind: Kind? {
        if (name as NSString).pathExtension.lowercased() == "csv" { return .measurements }
        if (name as NSString).pathExtension.lowercased() == "xml" { return .stratml }
        return FrameworkFile.format(forPath: name).map(Kind.framework)
    }
}

/// One reason an import was refused: the file, and where known the line, column or field.
public struct ImportProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: String?
    public var field: String?
    public var reason: String

    public init(file: String, line: Int? = nil, column: String? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.reason = reason
    }

    /// A problem at a line and column of a framework file: the column is a number (a CSV problem names its column).
    public init(file: String, position: SourcePosition?, field: String?, reason: String) {
        self.init(file: file, line: position?.line, column: position.map { String($0.column) }, field: field, reason: reason)
    }

    /// `file:line column name field: reason` for CSV, `file:line:column: field: reason` for framework files.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column, let number = Int(column) {
            location += ":\(number):"
            return field.map { "\(location) \($0): \(reason)" } ?? "\(location) \(reason)"
        }
        if let column { location += " column \(column)" }
        if let field { location += " \(field)" }
        return "\(location): \(reason)"
    }
}

/// An import refused as a whole; nothing was stored. `problems` holds at most the first 1,000, `count` all of them.
public struct ImportFailure: Error, Sendable, Equatable {
    public var problems: [ImportProblem]
    public var count: Int

    public init(problems: [ImportProblem], count: Int? = nil) {
        self.problems = Array(problems.prefix(1000))
        self.count = count ?? problems.count
    }
}

extension ImportFile {
    /// What the import refuses a file of no known type with.
    public static let unknownTypeReason = "unknown file type: use .csv for measurements, .yaml, .yml or .json for a framework, .xml for a StratML plan"
}
