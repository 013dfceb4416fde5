import Foundation

/// The open data (issue 12 item 2): what the portal offers for download, column by column, built only from the
/// published framework (`FrameworkDocument.published()`) and the read model's verdicts of published indicators.
/// The data dictionary page is generated from the same column lists, so it cannot drift from the files.
public enum OpenData {
    /// One cell: text, a number (a JSON number, CSV in the shortest form that reads back the same) or a list.
    public enum Cell: Sendable, Equatable {
        case text(String?)
        case number(Double?)
        case list([String])
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var meaning: String
    }

    public struct Table: Sendable, Equatable {
        /// The file's stem: `goals` for goals.csv and goals.json.
        public var name: String
        public var title: String
        public var description: String
        public var columns: [Column]
    }

    public static let goals = Table(name: "goals", title: "Goals", description: "Every published goal of the plan, with its status.", columns: [
        Column(name: "code", meaning: "The goal's permanent code; its page is /public/goals/{code}."),
        Column(name: "name", meaning: "The goal's name."),
        Column(name: "kind", meaning: "strategicGoal, strategicObjective, performanceGoal, priorityGoal or crossAgencyGoal."),
        Column(name: "parent", meaning: "The code of the goal it serves, if any."),
        Column(name: "statement", meaning: "What the goal sets out to achieve."),
        Column(name: "leader", meaning: "The public name of the goal's leader."),
        Column(name: "periodFrom", meaning: "First period the goal covers."),
        Column(name: "periodTo", meaning: "Last period the goal covers."),
        Column(name: "status", meaning: "onTrack, atRisk, offTrack, noTarget or noData: the goal's status rolled up from its indicators and milestones."),
        Column(name: "statusText", meaning: "The status in words, as the portal shows it."),
    ])

    public static let indicators = Table(name: "indicators", title: "Indicators", description: "Every published indicator: its definition, how it is measured, the data-quality statement, and where it stands.", columns: [
        Column(name: "code", meaning: "The indicator's permanent code; its page is /public/indicators/{code}."),
        Column(name: "name", meaning: "The indicator's name."),
        Column(name: "goals", meaning: "Codes of the published goals it measures (separated by ; in CSV)."),
        Column(name: "definition", meaning: "What is counted or measured."),
        Column(name: "methodology", meaning: "How the value is worked out."),
        Column(name: "source", meaning: "Where the data comes from."),
        Column(name: "unit", meaning: "count, percent, currency, days, hours, rate or a unit in words."),
        Column(name: "decimals", meaning: "Decimal places the values are reported with."),
        Column(name: "direction", meaning: "increase or decrease (which way is better), or neutral."),
        Column(name: "frequency", meaning: "weekly, monthly, quarterly or annual."),
        Column(name: "stage", meaning: "Where it sits on the value chain: input, activity, output, immediateOutcome, intermediateOutcome, ultimateOutcome."),
        Column(name: "verification", meaning: "Data quality: how values are verified."),
        Column(name: "validation", meaning: "Data quality: how values are validated."),
        Column(name: "accuracy", meaning: "Data quality: the accuracy needed."),
        Column(name: "limitations", meaning: "Data quality: known limitations."),
        Column(name: "compensation", meaning: "Data quality: how the limitations are compensated."),
        Column(name: "latestPeriod", meaning: "The latest period judged."),
        Column(name: "latestValue", meaning: "Its value (empty for a qualitative indicator)."),
        Column(name: "latestLevel", meaning: "Its level, for a qualitative indicator."),
        Column(name: "targetPeriod", meaning: "The period of the target in force for the latest period."),
        Column(name: "target", meaning: "That target's value (empty for a range)."),
        Column(name: "targetMin", meaning: "The lower end of a target range."),
        Column(name: "targetMax", meaning: "The upper end of a target range."),
        Column(name: "status", meaning: "onTrack, atRisk, offTrack, noTarget or noData."),
        Column(name: "statusText", meaning: "The status in words, as the portal shows it."),
    ])

    public static let targets = Table(name: "targets", title: "Targets", description: "Every version of every target of a published indicator: a revision adds a version and the earlier ones stay.", columns: [
        Column(name: "indicator", meaning: "The indicator's code."),
        Column(name: "orgUnit", meaning: "The org unit the target is for; empty for the indicator's total."),
        Column(name: "period", meaning: "The period the target is for."),
        Column(name: "value", meaning: "The target value (empty for a range)."),
        Column(name: "min", meaning: "The lower end of a target range."),
        Column(name: "max", meaning: "The upper end of a target range."),
        Column(name: "rationale", meaning: "Why this target."),
        Column(name: "setOn", meaning: "The date this version was recorded."),
    ])

    public static let values = Table(name: "values", title: "Values", description: "Every current value of every published indicator, in the measurements format of SPEC §3.1 (the same columns as the import); ?indicator={code} gives one indicator's.", columns: [
        Column(name: "indicator", meaning: "The indicator's code."),
        Column(name: "period", meaning: "The period, as 2026, FY2026, 2026-Q3, 2026-07, 2026-W07 or 2026-07-15."),
        Column(name: "value", meaning: "The value (empty for a qualitative indicator or a missing period)."),
        Column(name: "level", meaning: "The level of a qualitative indicator."),
        Column(name: "org_unit", meaning: "The org unit; empty for the indicator's total."),
        Column(name: "status", meaning: "final, provisional, estimated or missing (a period known to have no value)."),
        Column(name: "note", meaning: "A note on the value."),
    ])

    public static let tables = [goals, indicators, targets, values]

    public static func goalRows(_ published: FrameworkDocument, statuses: [String: IndicatorStatus]) -> [[Cell]] {
        published.goals.map { goal in
            let status = statuses[goal.code] ?? .noData
            return [
                .text(goal.code), .text(goal.name), .text(goal.kind.rawValue), .text(goal.parent), .text(goal.statement), .text(goal.leader),
                .text(goal.period?.from), .text(goal.period?.to), .text(status.rawValue), .text(PublicStatusWords.goalHeadline(status)),
            ]
        }
    }

    public static func indicatorRows(_ published: FrameworkDocument, verdicts: [String: IndicatorVerdict]) -> [[Cell]] {
        published.indicators.map { indicator in
            let verdict = verdicts[indicator.code]
            let quality = indicator.dataQuality
            return [
                .text(indicator.code), .text(indicator.name), .list(indicator.goals), .text(indicator.definition), .text(indicator.methodology),
                .text(indicator.source), .text(indicator.unit.text), .number(Double(indicator.decimals)), .text(indicator.direction.rawValue),
                .text(indicator.frequency.rawValue), .text(indicator.stage.rawValue),
                .text(quality?.verification), .text(quality?.validation), .text(quality?.accuracy), .text(quality?.limitations), .text(quality?.compensation),
                .text(verdict?.latestPeriod), .number(verdict?.latestValue), .text(verdict?.latestLevel),
                .text(verdict?.target?.period), .number(verdict?.target?.value), .number(verdict?.target?.min), .number(verdict?.target?.max),
                .text((verdict?.status ?? .noData).rawValue), .text(PublicStatusWords.headline(verdict, indicator: indicator)),
            ]
        }
    }

    public static func targetRows(_ published: FrameworkDocument) -> [[Cell]] {
        published.targets.map { target in
            [
                .text(target.indicator), .text(target.orgUnit), .text(target.period), .number(target.value), .number(target.range?.min),
                .number(target.range?.max), .text(target.rationale), .text(target.setOn),
            ]
        }
    }

    // MARK: Writing

    public static func csv(_ table: Table, rows: [[Cell]]) -> String {
        var text = table.columns.map(\.name).joined(separator: ",") + "\n"
        for row in rows {
            text += row.map { cell in
                switch cell {
                case .text(let value): field(value ?? "")
                case .number(let value): value.flatMap(DoubleFormatting.shortest) ?? ""
                case .list(let values): field(values.joined(separator: ";"))
                }
            }.joined(separator: ",") + "\n"
        }
        return text
    }

    public static func json(_ table: Table, rows: [[Cell]]) throws -> Data {
        let objects: [[String: JSONValue]] = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), row.map { cell in
                switch cell {
                case .text(let value): value.map(JSONValue.string) ?? .null
                case .number(let value): value.map(JSONValue.double) ?? .null
                case .list(let values): .array(values.map(JSONValue.string))
                }
            }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(["items": objects])
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). A field that a spreadsheet would
    /// run as a formula is prefixed with a quote mark, so that a downloaded file cannot run anything.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
