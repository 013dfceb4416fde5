import Foundation
@testable import GoalStatCore

/// The demo agency as the integrity checks see it, on the clock of 23 November 2026 (data through October 2026).
/// The test target has no YAML library: indicators come from `DemoFrameworkScan`, and links and targets from a
/// line scan of the same file, which keeps one link per line and one `key: value` per line inside each target.
enum IntegrityDemoInput {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)
    static let lastMonth = (year: 2026, month: 10)

    static let indicators: [Indicator] = DemoFrameworkScan.indicators.map { declared in
        let fields = declared.fields
        return Indicator(
            code: declared.code, name: unquoted(fields["name"] ?? declared.code),
            unit: IndicatorUnit(fields["unit"] ?? "count"), per: fields["per"].flatMap { Int($0.replacingOccurrences(of: "_", with: "")) },
            decimals: declared.decimals, direction: ImprovementDirection(rawValue: fields["direction"] ?? "") ?? .neutral,
            frequency: Frequency(rawValue: declared.frequency ?? "") ?? .monthly,
            aggregation: Aggregation(rawValue: declared.aggregation ?? "") ?? .sum,
            stage: ValueChainStage(rawValue: fields["stage"] ?? "") ?? .output, orgUnit: fields["orgUnit"] ?? "DMV",
            guardrail: declared.isGuardrail, levels: declared.levels, goals: list(fields["goals"])
        )
    }

    static let links: [IndicatorLink] = section("links").compactMap { line in
        guard line.hasPrefix("  - {") else { return nil }
        let fields = flowMap(line)
        guard let driver = fields["driver"], let result = fields["result"],
              let sign = fields["expectedSign"].flatMap(LinkSign.init(rawValue:)) else { return nil }
        return IndicatorLink(driver: driver, result: result, expectedSign: sign, lagPeriods: Int(fields["lagPeriods"] ?? "") ?? 0)
    }

    static let targets: [Target] = {
        var entries: [[String: String]] = []
        for line in section("targets") {
            let content = String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
            if content.hasPrefix("  - indicator:") {
                entries.append(["indicator": value(of: content)])
            } else if content.hasPrefix("    "), !content.hasPrefix("     "), let colon = content.firstIndex(of: ":"), !entries.isEmpty {
                entries[entries.count - 1][content[..<colon].trimmingCharacters(in: .whitespaces)] = value(of: content)
            }
        }
        return entries.compactMap { entry in
            guard let indicator = entry["indicator"], let period = entry["period"], let setOn = entry["setOn"] else { return nil }
            let range = entry["range"].map(flowMap).flatMap { map -> TargetRange? in
                guard let low = map["min"].flatMap(Double.init), let high = map["max"].flatMap(Double.init) else { return nil }
                return TargetRange(min: low, max: high)
            }
            return Target(
                indicator: indicator, orgUnit: entry["orgUnit"], period: unquoted(period),
                value: entry["value"].flatMap(Double.init), range: range, setOn: setOn
            )
        }
    }()

    /// The generated rows as stored measurements: first entries (revision 0), entered five days after each period.
    static let measurements: [GoalStatCore.Measurement] = {
        let frequencies = Dictionary(indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { a, _ in a })
        return DemoMeasurements.generate(through: lastMonth).compactMap { row in
            guard let frequency = frequencies[row.indicator],
                  let period = try? Period.parse(row.period, for: frequency, calendar: .federal) else { return nil }
            let entered = Date(timeIntervalSince1970: Double(period.end.adding(days: 5).daysSinceEpoch) * 86_400)
            return GoalStatCore.Measurement(
                indicator: row.indicator, orgUnit: row.orgUnit, period: period, value: row.value, level: row.level,
                status: row.status, source: MeasurementSource(kind: .demo, label: "demo", enteredBy: nil, enteredAt: entered)
            )
        }
    }()

    static let input = IntegrityInput(
        indicators: indicators, links: links, targets: targets, measurements: measurements, today: today, calendar: .federal
    )

    /// The lines of one top-level section of the file, without the section's own line.
    private static func section(_ name: String) -> [String] {
        var lines: [String] = []
        var inside = false
        for raw in DemoFrameworkScan.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let first = line.first, first != " ", first != "#" {
                inside = line.hasPrefix("\(name):")
                continue
            }
            if inside { lines.append(line) }
        }
        return lines
    }

    /// `{ driver: A, result: B }` (or a line holding one) as a dictionary.
    private static func flowMap(_ text: String) -> [String: String] {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}") else { return [:] }
        var map: [String: String] = [:]
        for pair in text[text.index(after: open)..<close].split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { map[parts[0]] = unquoted(parts[1]) }
        }
        return map
    }

    private static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func value(of line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    private static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}
