import Testing
@testable import GoalStatCore

/// The unit vectors of `rule_helpers.json` run through the rule functions the engine itself uses.
@Suite("XmR rule helpers (reference vectors)")
struct XmRRuleHelperTests {
    @Test("the fixture holds the rule vectors and the assurance table")
    func fixtureLoads() throws {
        let file = try #require(XmRReferenceFixtures.ruleHelpers)
        #expect(file.ruleHelpers.count == 28)
        #expect(file.assurance.count == 3)
    }

    @Test("matches the reference helper", arguments: XmRReferenceFixtures.ruleHelpers?.ruleHelpers ?? [])
    func matchesHelper(_ vector: XmRRuleHelperFile.Vector) throws {
        let name = vector.functionName
        let actual: [Int]
        if name.hasPrefix("ptd_seven_point_one_side_mean") {
            let side = try Self.signs(vector.args["relative_to_mean"])
            var out = [Int8](repeating: 9, count: side.count)
            SpecialCauseRules.sevenPointOneSide(side, in: side.indices, into: &out)
            actual = out.map(Int.init)
        } else if name.hasPrefix("ptd_part_of_seven_trend") {
            var v = try Self.signs(vector.args["v"])
            SpecialCauseRules.markPartOfSeven(&v, in: v.indices)
            actual = v.map(Int.init)
        } else if name.hasPrefix("ptd_seven_point_trend") {
            let y = try #require(vector.args["y"])
            var out = [Int8](repeating: 9, count: y.count)
            SpecialCauseRules.sevenPointTrend(y, in: y.indices, into: &out)
            actual = out.map(Int.init)
        } else if name.hasPrefix("ptd_two_in_three") {
            let near = try #require(vector.args["close_to_limits"]).map { $0 != 0 }
            let side = try Self.signs(vector.args["relative_to_mean"])
            var out = [Bool](repeating: false, count: near.count)
            SpecialCauseRules.twoInThree(near: near, side: side, in: near.indices, into: &out)
            actual = out.map { $0 ? 1 : 0 }
        } else if name.hasPrefix("ptd_part_of_two_in_three") {
            let near = try #require(vector.args["v"]).map { $0 != 0 }
            let side = try Self.signs(vector.args["relative_to_mean"])
            var inWindow = [Bool](repeating: false, count: near.count)
            SpecialCauseRules.twoInThree(near: near, side: side, in: near.indices, into: &inWindow)
            actual = near.indices.map { SpecialCauseRules.partOfTwoInThree(inWindow[$0], near: near[$0]) ? 1 : 0 }
        } else {
            Issue.record("no rule function for \(name)")
            return
        }
        #expect(actual == vector.expected)
    }

    @Test("the rules see only their own range of a shared buffer")
    func rulesStayInsideTheirRange() {
        // Seven rising points split 3 | 4 across two ranges: neither range alone holds a trend.
        let y: [Double] = [1, 2, 3, 4, 5, 6, 7]
        var out = [Int8](repeating: 0, count: y.count)
        SpecialCauseRules.sevenPointTrend(y, in: 0..<3, into: &out)
        SpecialCauseRules.sevenPointTrend(y, in: 3..<7, into: &out)
        #expect(out == [0, 0, 0, 0, 0, 0, 0])
        SpecialCauseRules.sevenPointTrend(y, in: 0..<7, into: &out)
        #expect(out == [0, 0, 0, 0, 0, 0, 1])
        SpecialCauseRules.markPartOfSeven(&out, in: 0..<3)
        #expect(out == [0, 0, 0, 0, 0, 0, 1])
    }

    @Test("assurance table", arguments: XmRReferenceFixtures.ruleHelpers?.assurance ?? [])
    func assuranceTable(_ table: XmRRuleHelperFile.AssuranceTable) throws {
        for (limits, label) in zip(table.groups, table.expectedAssuranceType) {
            let expected = try #require(XmRReferenceFixtures.assurance(label))
            let actual = Assurance(
                target: table.target, direction: table.improvementDirection,
                lowerLimit: limits.lpl, upperLimit: limits.upl
            )
            #expect(actual == expected, "\(table.improvementDirection) facet \(limits.f)")
        }
    }

    @Test("groups of 12 or fewer points have trial limits, 13 or more do not")
    func shortGroupWarning() {
        let options = XmROptions(direction: .increase)
        let values = (0..<25).map { Double($0 % 3) }
        #expect(XmRChart.compute(values: Array(values[..<12]), rebaseStarts: [], options: options).groups[0].trialLimits)
        #expect(!XmRChart.compute(values: Array(values[..<13]), rebaseStarts: [], options: options).groups[0].trialLimits)
        let split = XmRChart.compute(values: values, rebaseStarts: [12], options: options)
        #expect(split.groups.map(\.trialLimits) == [true, false])
        #expect(split.points.map(\.trialLimits) == Array(repeating: true, count: 12) + Array(repeating: false, count: 13))
    }

    static func signs(_ values: [Double]?) throws -> [Int8] {
        try #require(values).map { Int8($0) }
    }
}
