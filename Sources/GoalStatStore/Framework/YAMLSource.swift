import Foundation
import GoalStatCore
import Yams

/// The YAML side of `FrameworkFile`: Yams' node tree keeps every value's mark (line and column), which the decoder
/// drops, so problems are located on the tree.
enum YAMLSource {
    /// A Yams error as a file error with its line and column.
    static func fileError(_ error: YamlError, text: String, file: String) -> FrameworkFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) that starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return FrameworkFileError(file: file, field: nil, reason: "not valid YAML: \(problem)\(while_)", position: mark.position)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { offset in
                var copy = text
                return copy.withUTF8 { SourcePosition.of(offset: offset, in: $0) }
            }
            return FrameworkFileError(file: file, field: nil, reason: "not valid YAML: \(problem)", position: position)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark.position
            let second = secondOccurrence(of: key, firstAt: context.mark, in: text)
            let reason = second.map { _ in "the key '\(key)' appears twice in this mapping, first at line \(first.line), column \(first.column); keep one" }
                ?? "the key '\(key)' appears more than once in the mapping at line \(first.line), column \(first.column); keep one"
            return FrameworkFileError(file: file, field: nil, reason: reason, position: second ?? first)
        default:
            return FrameworkFileError(file: file, field: nil, reason: "not valid YAML: \(error)")
        }
    }

    /// Where a duplicated key occurs again. Yams refuses duplicates but names only the first; the other is found by
    /// renaming the first (same length, so every mark stays put) and reading the file again.
    static func secondOccurrence(of key: String, firstAt mark: Mark, in text: String) -> SourcePosition? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        var scalars = Array(lines[mark.line - 1].unicodeScalars)
        let keyScalars = Array(key.unicodeScalars)
        let start = mark.column - 1
        guard !keyScalars.isEmpty, start >= 0, start + keyScalars.count <= scalars.count,
              Array(scalars[start..<(start + keyScalars.count)]) == keyScalars
        else { return nil }
        let placeholder = Array(String(repeating: "§", count: keyScalars.count).unicodeScalars)
        scalars.replaceSubrange(start..<(start + keyScalars.count), with: placeholder)
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        lines[mark.line - 1] = String(line)
        do {
            guard let root = try Yams.compose(yaml: lines.joined(separator: "\n")) else { return nil }
            return Self.mapping(withKeyAt: mark, in: root)?.first { $0.key.string == key }?.key.position
        } catch YamlError.duplicatedKeysInMapping(let others, let context) where others.contains(key) {
            return context.mark.position
        } catch {
            return nil
        }
    }

    private static func mapping(withKeyAt mark: Mark, in node: Node) -> Node.Mapping? {
        switch node {
        case .mapping(let mapping):
            if mapping.keys.contains(where: { $0.mark?.line == mark.line && $0.mark?.column == mark.column }) { return mapping }
            return mapping.values.lazy.compactMap { Self.mapping(withKeyAt: mark, in: $0) }.first
        case .sequence(let sequence):
            return sequence.lazy.compactMap { Self.mapping(withKeyAt: mark, in: $0) }.first
        default:
            return nil
        }
    }

    /// The first plain number literal whose value would overflow to infinity or underflow to zero (`1e-400`),
    /// with its path; the decoder would otherwise store 0 without a word.
    static func numberOutOfRange(in node: Node, path: [DocumentPathComponent]) -> ([DocumentPathComponent], (reason: String, position: SourcePosition?))? {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain, let reason = NumberLiteral.rangeProblem(scalar.string) else { return nil }
            return (path, (reason, scalar.mark?.position))
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = numberOutOfRange(in: value, path: path + [.key(key.string ?? "")]) { return found }
            }
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = numberOutOfRange(in: item, path: path + [.index(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The node at `path`, or the deepest one on the way when the rest is missing (a key not written).
    static func node(at path: [DocumentPathComponent], in root: Node) -> Node? {
        var node = root
        for component in path {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let next = mapping[key] else { return node }
                node = next
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { return node }
                node = sequence[index]
            default:
                return node
            }
        }
        return node
    }
}

extension Mark {
    var position: SourcePosition { SourcePosition(line: line, column: column) }
}

extension Node {
    var position: SourcePosition? { mark?.position }
}
