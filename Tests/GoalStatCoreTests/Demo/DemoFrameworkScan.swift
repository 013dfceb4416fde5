import Foundation
import GoalStatCore

/// What the demo framework file declares about one indicator, read by a line scan: the test target has
/// no YAML library, and the file keeps one `key: value` per line inside each indicator.
struct DemoDeclaredIndicator {
    var code: String
    var fields: [String: String] = [:]

    var frequency: String? { fields["frequency"] }
    var unit: String? { fields["unit"] }
    var aggregation: String? { fields["aggregation"] }
    var decimals: Int { fields["decimals"].flatMap { Int($0) } ?? 0 }
    var isGuardrail: Bool { fields["guardrail"] == "true" }

    /// `levels: [red, amber, green]` as a list, or nil for a numeric indicator.
    var levels: [String]? {
        guard let text = fields["levels"] else { return nil }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// The demo framework file as text, and its indicators by a line scan.
enum DemoFrameworkScan {
    static let text: String = (try? DemoFramework.yamlText()) ?? ""

    /// Indicators under the top-level `indicators:` key, in file order.
    static let indicators: [DemoDeclaredIndicator] = {
        var result: [DemoDeclaredIndicator] = []
        var inside = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let first = line.first, first != " ", first != "#" {
                inside = line.hasPrefix("indicators:")
                continue
            }
            guard inside else { continue }
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if content.hasPrefix("  - code:") {
                result.append(DemoDeclaredIndicator(code: value(of: content)))
            } else if content.hasPrefix("    "), !content.hasPrefix("     "), let colon = content.firstIndex(of: ":"),
                      !result.isEmpty {
                let key = content[..<colon].trimmingCharacters(in: .whitespaces)
                result[result.count - 1].fields[key] = value(of: content)
            }
        }
        return result
    }()

    static let byCode: [String: DemoDeclaredIndicator] = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    private static func value(of line: Substring) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
