import Foundation

/// The few bits of SVG writing the charts share: elements with escaped attributes, and short coordinates.
enum SVGMarkup {
    /// `<name a="1" b="2"/>`, or with `content` (already markup) `<name …>content</name>`. Values are escaped.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, content: String? = nil) -> String {
        var tag = "<" + name
        for (key, value) in attributes {
            tag += " \(key)=\"\(Escaping.xml(value))\""
        }
        guard let content else { return tag + "/>" }
        return tag + ">" + content + "</" + name + ">"
    }

    /// `<name …>text</name>` with the text escaped.
    static func text(_ name: String, _ attributes: KeyValuePairs<String, String>, _ text: String) -> String {
        element(name, attributes, content: Escaping.xml(text))
    }

    /// A coordinate written short: one decimal place, no trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e9 { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
