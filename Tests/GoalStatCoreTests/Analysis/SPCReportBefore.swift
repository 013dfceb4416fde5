import Foundation
@testable import GoalStatCore

/// The `goalstat spc` output as the command made it before it read its input as a stream: `SPCInput.read` of the
/// whole input, each unit charted, and every field printed through `String`s and `DoubleFormatting.shortest` as the
/// writer of commit b0eb074 did. The streamed output must be byte for byte the same.
enum SPCReportBefore {
    static func output(
        _ input: String, format: SPCReportWriter.Format, options: XmROptions, rebaseAt: [Period] = []
    ) -> Result<String, EntryIssues> {
        let read: SPCInput
        switch SPCInput.read(Array(input.utf8)) {
        case .success(let whole): read = whole
        case .failure(let issues): return .failure(issues)
        }
        let units = read.series.map { SPCStream<SPCBytes>.chart($0, rebaseAt: rebaseAt, options: options) }
        var text = ""
        switch format {
        case .json:
            let groups = units.flatMap(groups).map { "{" + $0 + "}" }
            let points = units.flatMap(points).map { "{" + $0 + "}" }
            text = "{\"groups\":[" + groups.joined(separator: ",") + "],\"points\":[" + points.joined(separator: ",") + "]}\n"
        case .jsonl:
            for unit in units {
                for group in groups(of: unit) { text += "{\"kind\":\"group\"," + group + "}\n" }
                for point in points(of: unit) { text += "{\"kind\":\"point\"," + point + "}\n" }
            }
        case .csv:
            text = "org_unit,period,value,group,mean,lower_limit,upper_limit,lower_near_limit,upper_near_limit,special_cause,point_type,trial_limits\n"
            for unit in units {
                for (period, point) in zip(unit.periods, unit.result.points) {
                    let numbers = [point.value, point.mean, point.lowerLimit, point.upperLimit, point.lowerNearLimit, point.upperNearLimit]
                        .map { DoubleFormatting.shortest($0) ?? "" }
                    let fields = [csv(unit.orgUnit ?? ""), csv(period), numbers[0], String(point.group)] + numbers.dropFirst()
                        + [point.specialCause?.rawValue ?? "", point.pointType.rawValue, point.trialLimits ? "true" : "false"]
                    text += fields.joined(separator: ",") + "\n"
                }
            }
        }
        return .success(text)
    }

    private static func groups(of unit: SPCReport.Unit) -> [String] {
        unit.result.groups.map { group in
            [
                "\"orgUnit\":" + json(unit.orgUnit), "\"group\":\(group.group)",
                "\"from\":" + json(unit.periods[group.indices.lowerBound]),
                "\"to\":" + json(unit.periods[group.indices.upperBound - 1]), "\"n\":\(group.n)",
                "\"mean\":" + number(group.mean), "\"lowerLimit\":" + number(group.lowerLimit),
                "\"upperLimit\":" + number(group.upperLimit), "\"movingRangeMean\":" + number(group.movingRangeMean),
                "\"trialLimits\":\(group.trialLimits)", "\"variation\":" + json(group.variation.rawValue),
                "\"assurance\":" + json(group.assurance?.rawValue),
            ].joined(separator: ",")
        }
    }

    private static func points(of unit: SPCReport.Unit) -> [String] {
        zip(unit.periods, unit.result.points).map { period, point in
            [
                "\"period\":" + json(period), "\"orgUnit\":" + json(unit.orgUnit), "\"value\":" + number(point.value),
                "\"group\":\(point.group)", "\"mean\":" + number(point.mean), "\"lowerLimit\":" + number(point.lowerLimit),
                "\"upperLimit\":" + number(point.upperLimit), "\"lowerNearLimit\":" + number(point.lowerNearLimit),
                "\"upperNearLimit\":" + number(point.upperNearLimit), "\"specialCause\":" + json(point.specialCause?.rawValue),
                "\"pointType\":" + json(point.pointType.rawValue), "\"trialLimits\":\(point.trialLimits)",
            ].joined(separator: ",")
        }
    }

    private static func number(_ value: Double) -> String {
        DoubleFormatting.shortest(value) ?? "null"
    }

    private static func json(_ text: String?) -> String {
        guard let text else { return "null" }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u00" + String(repeating: "0", count: 2 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    private static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
