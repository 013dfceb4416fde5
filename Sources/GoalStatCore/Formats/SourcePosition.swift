/// Where something is in a text file: 1-based line and column, the column counted in Unicode scalars (as Yams'
/// marks count them), so that `file:line:column` points an editor at the spot.
public struct SourcePosition: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    /// The position of the byte at `offset` of UTF-8 `bytes`; computed only when a problem is reported.
    public static func of(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        of(offsets: [offset], in: bytes)[offset] ?? SourcePosition(line: 1, column: 1)
    }

    /// The positions of many offsets in one pass over the text.
    public static func of(offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: SourcePosition] {
        var result: [Int: SourcePosition] = [:]
        var line = 1
        var column = 1
        var offset = 0
        for wanted in Set(offsets).sorted() {
            let end = min(wanted, bytes.count)
            while offset < end {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
            result[wanted] = SourcePosition(line: line, column: column)
        }
        return result
    }
}

/// One step of a path into a JSON or YAML document: an object's key or an array's index.
public enum DocumentPathComponent: Sendable, Equatable, Hashable {
    case key(String)
    case index(Int)

    /// `indicators[3].dataQuality.source` → its steps; the paths the framework validator reports read back this way.
    public static func parse(_ path: String) -> [DocumentPathComponent] {
        var components: [DocumentPathComponent] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { components.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else { return components }
                    components.append(.index(index))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        return components
    }

    /// The steps written as a field path; a leading index is named `root` (`items[1].value`) when one is given.
    public static func render(_ components: [DocumentPathComponent], root: String? = nil) -> String {
        var text = ""
        for (offset, component) in components.enumerated() {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index):
                if offset == 0, let root { text = root }
                text += "[\(index)]"
            }
        }
        return text
    }
}
