/// An XML element as a parser read it: its local name (the prefix dropped), namespace, attributes, child elements,
/// text and line. GoalStatCore holds no XML parser (it is Foundation only; FoundationXML is a separate module on
/// Linux), so GoalStatStore parses the file into this tree and the StratML mapping rules here read it.
public struct XMLTree: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var children: [XMLTree]
    /// The element's own text (of its text nodes, joined), whitespace kept.
    public var text: String
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [String: String] = [:], children: [XMLTree] = [], text: String = "", line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The children named `name`, in document order.
    public func all(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The first child named `name`.
    public func first(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// The trimmed text of the first child named `name`, nil when absent or blank.
    public func value(_ name: String) -> String? {
        guard let text = first(name)?.text.trimmed, !text.isEmpty else { return nil }
        return text
    }
}

/// Writes XML a line at a time, escaping every text and attribute.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + "<" + name + attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined() + ">\n"
        open.append(name)
    }

    mutating func end() {
        let name = open.removeLast()
        text += indent + "</" + name + ">\n"
    }

    /// An element holding text; nothing when the text is nil (every such element is optional where it is used).
    mutating func element(_ name: String, _ value: String?) {
        guard let value else { return }
        text += indent + "<" + name + ">" + Self.escape(value) + "</" + name + ">\n"
    }

    private var indent: String { String(repeating: "  ", count: open.count) }

    static func escape(_ value: String) -> String { XMLText.escape(value) }
}

/// Escaping for XML (and HTML) text and attribute values written by hand: StratML here, the SVG charts and
/// attributes of the pages in GoalStatServer.
public enum XMLText {
    /// `text` safe inside XML or HTML text and in a double- or single-quoted attribute value. Control characters
    /// that XML forbids are dropped, so that a stray byte in a note cannot make a standalone document unreadable.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
