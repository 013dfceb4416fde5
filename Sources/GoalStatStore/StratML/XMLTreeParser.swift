import Foundation
import GoalStatCore
#if canImport(FoundationXML)
// On Linux XMLParser lives in FoundationXML (over libxml2), a module apart from Foundation: GoalStatCore stays
// Foundation only, so the parsing is here and the StratML mapping rules are GoalStatCore's (`StratML.read`).
import FoundationXML
#endif

/// Parses an XML file into GoalStatCore's `XMLTree`, with each element's line. External entities and DTDs are
/// not resolved (no file or network access from an uploaded file).
public enum XMLTreeParser {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    public static func parse(_ data: Data) throws(Failure) -> XMLTree {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Builder(parser: parser)
        parser.delegate = delegate
        let ok = parser.parse()
        guard ok, let root = delegate.root else {
            let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "the file is not well-formed XML"
            throw Failure(line: parser.lineNumber, column: parser.columnNumber, reason: "not well-formed XML (\(error))")
        }
        return root
    }

    /// Collects elements on a stack; each closed element is appended to its parent.
    private final class Builder: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        var stack: [XMLTree] = []
        var root: XMLTree?

        init(parser: XMLParser) { self.parser = parser }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            var plain: [String: String] = [:]
            for (key, value) in attributes { plain[key.split(separator: ":").last.map(String.init) ?? key] = value }
            stack.append(XMLTree(name: local, namespace: namespaceURI?.isEmpty == false ? namespaceURI : nil, attributes: plain, line: parser.lineNumber))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty, let text = String(data: CDATABlock, encoding: .utf8) else { return }
            stack[stack.count - 1].text += text
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
