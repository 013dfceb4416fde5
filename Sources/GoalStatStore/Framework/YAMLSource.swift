import Foundation
import GoalStatCore
import Yams

/// The YAML side of `FrameworkFile`: Yams' node tree keeps every value's mark (line and column), which the decoder
/// drops, so problems are located on the tree.
enum YAMLSource {
    /// The node tree of `text` with the tags `Yams.compose` gives it, without its cost. Yams resolves a plain
    /// scalar's tag by trying seven regular expressions in turn, and does so again for every key the decoder looks up
    /// (a throwaway node per lookup), which made decoding a 2,000-indicator framework take 1.5 s. So the text is
    /// composed with no resolution at all (`Resolver.basic`: every plain scalar a string) and each plain value is
    /// then tagged once: the fixed words of Yams' default rules (booleans, nulls, `<<`, `=`) by set lookup, and only a
    /// value that starts like a number or a date (`+-.0-9`, which every other default rule requires) by those rules
    /// themselves. Keys are tagged as strings, so the decoder's lookups, which now resolve with
    /// the basic resolver too, find them without a regular expression.
    /// A file that may hold a merge key (`<<: *anchor`) is composed by `Yams.compose` itself: the decoder does not
    /// merge the retagged tree (a test shows it), and framework files rarely use merges.
    static func compose(_ text: String) throws -> Node? {
        if text.contains("<<") { return try Yams.compose(yaml: text) }
        guard let root = try Yams.compose(yaml: text, .basic) else { return nil }
        return tagged(root, isKey: false)
    }

    /// The document decoded a top-level section at a time (org units, indicators, targets…), the sections checked and
    /// decoded side by side over the cores and put back together in file order: Yams' decoder is most of reading a
    /// large framework (a 2,000-indicator file: 0.2 s of 0.6 s) and works on one core. Nil when the document is not a
    /// plain mapping of sections or when a section has a problem: the caller then reads the whole document as one,
    /// which finds the same first problem it always found.
    static func decodeSections(of root: Node) -> FrameworkDocument? {
        guard case .mapping(let mapping) = root, mapping.count > 1, mapping.keys.allSatisfy({ $0.scalar != nil }) else { return nil }
        let sections = SectionNodes(nodes: Array(mapping).map { pair in
            Node.mapping(Node.Mapping([(pair.key, pair.value)], mapping.tag, mapping.style, mapping.mark, mapping.anchor))
        })
        let parts = ParallelJobs.run(sections.nodes.count) { index -> FrameworkDocument? in
            let section = sections.nodes[index]
            guard numberOutOfRange(in: section, path: []) == nil else { return nil }
            return try? YAMLDecoder().decode(FrameworkDocument.self, from: section)
        }
        var document = FrameworkDocument()
        for part in parts {
            guard let part else { return nil }
            document.append(contentsOf: part)
        }
        return document
    }

    /// Yams' nodes are values, but they hold tags, which are classes, so Yams does not call them `Sendable`. Each
    /// section's nodes are read by one job only and the tree is not changed while the jobs run.
    private struct SectionNodes: @unchecked Sendable {
        let nodes: [Node]
    }

    private static let booleanWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The tag Yams' default resolver gives a plain scalar (its rules: bool, int, float, merge, null, timestamp,
    /// value, in that order; the words of one never match another).
    static func defaultTag(ofPlain string: String) -> Tag.Name {
        if booleanWords.contains(string) { return .bool }
        if nullWords.contains(string) { return .null }
        if string == "<<" { return .merge }
        if string == "=" { return .value }
        guard startsLikeNumber(string) else { return .str }
        return Resolver.default.resolveTag(of: Node(string))
    }

    /// Whether a plain scalar starts as every number (and date) does: a sign, a point or a digit.
    static func startsLikeNumber(_ string: String) -> Bool {
        guard let first = string.utf8.first else { return false }
        return first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    }

    private static func tagged(_ node: Node, isKey: Bool) -> Node {
        switch node {
        case .scalar(var scalar):
            // Only plain scalars without an explicit tag are resolved; quoted and block ones are already strings.
            guard scalar.tag.rawValue == Tag.Name.implicit.rawValue else { return node }
            let name = isKey && scalar.string != "=" ? Tag.Name.str : defaultTag(ofPlain: scalar.string)
            scalar.tag = Tag(name, .basic, .default)
            return .scalar(scalar)
        case .mapping(let mapping):
            let pairs = mapping.map { (tagged($0.key, isKey: true), tagged($0.value, isKey: false)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor))
        case .sequence(let sequence):
            let nodes = sequence.map { tagged($0, isKey: false) }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
        case .alias:
            return node
        }
    }

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
            // Only what starts like a number can be one; the full parse of every name and code cost a tenth of a second.
            guard scalar.style == .plain, startsLikeNumber(scalar.string), let reason = NumberLiteral.rangeProblem(scalar.string) else { return nil }
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
