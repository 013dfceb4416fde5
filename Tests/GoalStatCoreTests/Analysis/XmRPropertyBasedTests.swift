@testable import GoalStatCore
import PropertyBased
import Testing

/// Invariants of the XmR engine checked on generated series (with shrinking to a minimal counterexample on failure).
@Suite("XmR properties (swift-property-based)")
struct XmRPropertyBasedTests {
    private static let series = Gen.double(in: -1_000...1_000).array(of: 2...60)

    @Test("the process limits and near-limit lines are symmetric about the centre line")
    func limitsAreSymmetric() async {
        await propertyCheck(input: Self.series) { values in
            let result = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .increase))
            for point in result.points {
                let tolerance = 1e-9 * max(1, abs(point.mean), abs(point.upperLimit))
                #expect(abs((point.upperLimit - point.mean) - (point.mean - point.lowerLimit)) <= tolerance)
                #expect(abs((point.upperNearLimit - point.mean) - (point.mean - point.lowerNearLimit)) <= tolerance)
                #expect(point.lowerLimit <= point.lowerNearLimit && point.upperNearLimit <= point.upperLimit)
            }
        }
    }

    @Test("flipping increase and decrease swaps improvement and concern and changes no special cause")
    func flippingDirectionSwapsTypes() async {
        await propertyCheck(input: Self.series) { values in
            let up = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .increase))
            let down = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .decrease))
            for (a, b) in zip(up.points, down.points) {
                #expect(a.specialCause == b.specialCause)
                switch a.pointType {
                case .improvement: #expect(b.pointType == .concern)
                case .concern: #expect(b.pointType == .improvement)
                default: #expect(a.pointType == b.pointType)
                }
            }
        }
    }

    @Test("a neutral direction never calls a point improvement or concern, and never gives assurance")
    func neutralIsNeutral() async {
        await propertyCheck(input: Self.series, Gen.double(in: -1_000...1_000)) { values, target in
            let result = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .neutral, target: target))
            #expect(result.points.allSatisfy { $0.pointType != .improvement && $0.pointType != .concern })
            #expect(result.groups.allSatisfy { $0.assurance == nil })
        }
    }

    @Test("rebasing splits the series into groups that tile it, each judged on its own limits")
    func rebasingTilesTheSeries() async {
        await propertyCheck(input: Self.series, Gen.int(in: 1...59)) { values, cut in
            let start = min(cut, values.count - 1)
            let result = XmRChart.compute(values: values, rebaseStarts: start > 0 ? [start] : [], options: XmROptions(direction: .increase))
            #expect(result.groups.map(\.n).reduce(0, +) == values.count)
            #expect(result.points.count == values.count)
            #expect(result.points[start].group == (start > 0 ? 1 : 0))
        }
    }
}
