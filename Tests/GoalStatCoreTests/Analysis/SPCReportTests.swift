import Foundation
import Testing
@testable import GoalStatCore

/// The JSON of `goalstat spc` (SPEC §5): exact keys, explicit nulls, order by unit then period.
@Suite("SPC report JSON")
struct SPCReportTests {
    static let pointKeys: Set<String> = [
        "period", "orgUnit", "value", "group", "mean", "lowerLimit", "upperLimit", "lowerNearLimit", "upperNearLimit",
        "specialCause", "pointType", "trialLimits",
    ]
    static let groupKeys: Set<String> = [
        "orgUnit", "group", "from", "to", "n", "mean", "lowerLimit", "upperLimit", "movingRangeMean", "trialLimits",
        "variation", "assurance",
    ]
    static let periods = (1...9).map { "2025-0\($0)" }
    static let values: [Double] = [10, 11, 10, 12, 11, 12, 20, 21, 20]

    static func json(_ report: SPCReport) throws -> [String: Any] {
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func rows(_ object: [String: Any], _ key: String) throws -> [[String: Any]] {
        try #require(object[key] as? [[String: Any]])
    }

    @Test("without org units: exact keys and explicit nulls")
    func singleUnit() throws {
        let result = XmRChart.compute(
            values: Self.values, rebaseStarts: [6], options: XmROptions(direction: .increase, target: 25)
        )
        let object = try Self.json(SPCReport.make(units: [(orgUnit: nil, periods: Self.periods, result: result)]))
        #expect(Set(object.keys) == ["groups", "points"])

        let points = try Self.rows(object, "points")
        #expect(points.count == 9)
        for point in points {
            #expect(Set(point.keys) == Self.pointKeys)
            #expect(point["orgUnit"] is NSNull)
        }
        #expect(points.map { $0["period"] as? String } == Self.periods)
        #expect(points.map { $0["group"] as? Int } == [0, 0, 0, 0, 0, 0, 1, 1, 1])
        #expect(points[0]["specialCause"] is NSNull)
        #expect(points[0]["pointType"] as? String == "commonCause")
        #expect(points[0]["trialLimits"] as? Bool == true)
        #expect(points[0]["value"] as? Double == 10)

        let groups = try Self.rows(object, "groups")
        #expect(groups.count == 2)
        for group in groups {
            #expect(Set(group.keys) == Self.groupKeys)
            #expect(group["orgUnit"] is NSNull)
        }
        #expect(groups.map { $0["from"] as? String } == ["2025-01", "2025-07"])
        #expect(groups.map { $0["to"] as? String } == ["2025-06", "2025-09"])
        #expect(groups.map { $0["n"] as? Int } == [6, 3])
        #expect(groups[0]["assurance"] is NSNull)
        #expect(groups[1]["assurance"] as? String == "consistentFail")
        #expect(groups[1]["mean"] as? Double == result.groups[1].mean)
        #expect(groups[1]["movingRangeMean"] as? Double == 1)
    }

    @Test("a special cause is written by its name")
    func specialCauseName() throws {
        let values = XmRRuleTests.calm + [16]
        let result = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .decrease, baseline: 12))
        let periods = values.indices.map { String(format: "2024-%02d-01", $0 + 1) }
        let points = try Self.rows(Self.json(SPCReport.make(units: [(nil, periods, result)])), "points")
        #expect(points.last?["specialCause"] as? String == "aboveUpperLimit")
        #expect(points.last?["pointType"] as? String == "concern")
        let groups = try Self.rows(Self.json(SPCReport.make(units: [(nil, periods, result)])), "groups")
        #expect(groups.first?["variation"] as? String == "concern")
        #expect(groups.first?["trialLimits"] as? Bool == false)
    }

    @Test("with org units: one chart per unit, in the order given, groups counted from 0 in each")
    func severalUnits() throws {
        let options = XmROptions(direction: .neutral, target: 12)
        let a = XmRChart.compute(values: Array(Self.values[..<4]), rebaseStarts: [], options: options)
        let b = XmRChart.compute(values: Self.values, rebaseStarts: [3], options: options)
        let report = SPCReport.make(units: [
            (orgUnit: "NORTH", periods: Array(Self.periods[..<4]), result: a),
            (orgUnit: "SOUTH", periods: Self.periods, result: b),
        ])
        #expect(report.points.count == 13)
        #expect(report.groups.map(\.orgUnit) == ["NORTH", "SOUTH", "SOUTH"])
        #expect(report.groups.map(\.group) == [0, 0, 1])
        #expect(report.groups.allSatisfy { $0.assurance == nil })

        let object = try Self.json(report)
        let points = try Self.rows(object, "points")
        #expect(points.map { $0["orgUnit"] as? String } == Array(repeating: "NORTH", count: 4) + Array(repeating: "SOUTH", count: 9))
        #expect(try Self.rows(object, "groups").allSatisfy { $0["assurance"] is NSNull })
    }

    @Test("an empty input gives empty arrays")
    func empty() throws {
        let object = try Self.json(SPCReport.make(units: []))
        #expect(try Self.rows(object, "groups").isEmpty && Self.rows(object, "points").isEmpty)
    }
}
