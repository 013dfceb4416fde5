import Foundation
import GoalStatCore

/// Writes indicator values the way people read them: `14.2 minutes`, `93.4%`, `$1,200`, `12,034`.
///
/// The grouping and decimal marks are fixed (US English) rather than taken from the server's locale, so a page reads
/// the same on every server and in every test.
enum ValueFormatting {
    /// `value` rounded to `decimals` places with thousands separators and the unit: `14.2 minutes`, `93.4%`.
    static func format(_ value: Double, decimals: Int, unit: String, per: Int? = nil) -> String {
        guard value.isFinite else { return "—" }
        let number = grouped(value, decimals: decimals)
        switch unit {
        case "percent":
            return number + "%"
        case "currency":
            return number.hasPrefix("-") ? "-$" + number.dropFirst() : "$" + number
        case "count", "":
            return number
        case "rate":
            return per.map { "\(number) per \(grouped(Double($0), decimals: 0))" } ?? number
        case "days", "hours":
            return "\(number) \(number == "1" ? String(unit.dropLast()) : unit)"
        default:
            return "\(number) \(unit)"
        }
    }

    /// A value of `indicator` in its unit and decimals.
    static func format(_ value: Double, for indicator: Indicator) -> String {
        format(value, decimals: indicator.decimals, unit: indicator.unit.text, per: indicator.per)
    }

    /// A short axis label: the number with `%` or `$` but no worded unit, which the chart states once.
    static func axisLabel(_ value: Double, decimals: Int, unit: String) -> String {
        switch unit {
        case "percent", "currency": format(value, decimals: decimals, unit: unit)
        default: grouped(value, decimals: decimals)
        }
    }

    /// `1234.5` with 1 decimal → `1,234.5`; never `-0` (the same text as the analyses' reasons).
    static func grouped(_ value: Double, decimals: Int) -> String {
        NumberText.grouped(value, decimals: decimals)
    }

    /// Numbers in running text where no decimals are configured: at most two places, trailing zeros dropped
    /// (`11`, `14.2`, `0.05`).
    static func compact(_ value: Double) -> String {
        var text = grouped(value, decimals: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// Escaping for text and attribute values that we write ourselves: the SVG charts, and HTML attributes, which Plot
/// writes exactly as given.
enum Escaping {
    /// `text` safe inside XML or HTML text and in a double- or single-quoted attribute value (GoalStatCore's rule,
    /// which StratML uses too).
    static func xml(_ text: String) -> String {
        XMLText.escape(text)
    }

    /// `text` as one query-string value (`orgUnit=OPS%20EAST`).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// RFC 3986 unreserved characters; `CharacterSet.alphanumerics` would also pass non-ASCII letters through.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
