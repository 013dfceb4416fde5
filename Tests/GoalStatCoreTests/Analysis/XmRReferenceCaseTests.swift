import Testing
@testable import GoalStatCore

/// Every case of `reference_cases.json` (NHSRplotthedots 0.2.2 output) reproduced number for number.
@Suite("XmR reference cases")
struct XmRReferenceCaseTests {
    @Test("the fixture holds all 22 reference cases")
    func fixtureLoads() {
        #expect(XmRReferenceFixtures.cases.count == 22)
    }

    @Test("reproduces the reference chart", arguments: XmRReferenceFixtures.cases)
    func reproducesReference(_ reference: XmRReferenceCase) throws {
        let input = reference.input
        let options = XmROptions(
            direction: input.improvementDirection,
            target: input.target,
            baseline: input.fixAfterNPoints,
            screenOutliers: input.screenOutliers
        )
        let units = Self.units(of: input)
        var pointsChecked = 0
        var groupsChecked = 0

        for unit in units {
            let values = unit.indices.map { input.values[$0] }
            let dates = unit.indices.map { input.dates[$0] }
            let starts = XmRChart.rebaseStarts(periods: dates, rebaseAt: input.rebase)
            let result = XmRChart.compute(values: values, rebaseStarts: starts, options: options)
            try #require(result.points.count == values.count)

            for (k, point) in result.points.enumerated() {
                let expected = try #require(
                    reference.expected.points.first { $0.facet == unit.facet && $0.date == dates[k] },
                    "no expected point for \(unit.facet ?? "-") \(dates[k])"
                )
                let at = "point \(expected.i)"
                #expect(point.value == expected.value, "\(at) value")
                #expect(point.group == expected.rebaseGroup, "\(at) group")
                #expect(XmRReferenceFixtures.close(point.mean, expected.mean), "\(at) mean \(point.mean) vs \(expected.mean)")
                #expect(XmRReferenceFixtures.close(point.lowerLimit, expected.lpl), "\(at) lpl \(point.lowerLimit) vs \(expected.lpl)")
                #expect(XmRReferenceFixtures.close(point.upperLimit, expected.upl), "\(at) upl \(point.upperLimit) vs \(expected.upl)")
                #expect(XmRReferenceFixtures.close(point.lowerNearLimit, expected.nlpl), "\(at) nlpl \(point.lowerNearLimit) vs \(expected.nlpl)")
                #expect(XmRReferenceFixtures.close(point.upperNearLimit, expected.nupl), "\(at) nupl \(point.upperNearLimit) vs \(expected.nupl)")
                let cause = try #require(XmRReferenceFixtures.specialCause(expected.specialCauseType), "\(at) label")
                #expect(point.specialCause == cause, "\(at) special cause (\(expected.specialCauseType))")
                #expect(point.pointType == XmRReferenceFixtures.pointType(expected.pointType), "\(at) point type")
                #expect(point.trialLimits == expected.shortGroupWarning, "\(at) trial limits")
                pointsChecked += 1
            }

            for group in result.groups {
                let expected = try #require(
                    reference.expected.groups.first { $0.facet == unit.facet && $0.rebaseGroup == group.group },
                    "no expected group \(unit.facet ?? "-")/\(group.group)"
                )
                let at = "group \(unit.facet ?? "-")/\(group.group)"
                #expect(group.n == expected.n, "\(at) n")
                #expect(XmRReferenceFixtures.close(group.mean, expected.mean), "\(at) mean")
                #expect(XmRReferenceFixtures.close(group.lowerLimit, expected.lpl), "\(at) lpl")
                #expect(XmRReferenceFixtures.close(group.upperLimit, expected.upl), "\(at) upl")
                #expect(
                    XmRReferenceFixtures.close(group.movingRangeMean, expected.mrBarAfterScreening),
                    "\(at) mR̄ \(group.movingRangeMean) vs \(expected.mrBarAfterScreening)"
                )
                #expect(group.variation == XmRReferenceFixtures.pointType(expected.variationTypeLastPoint), "\(at) variation")
                let assurance = try #require(XmRReferenceFixtures.assurance(expected.assuranceType), "\(at) assurance label")
                #expect(group.assurance == assurance, "\(at) assurance")
                groupsChecked += 1
            }
        }
        #expect(pointsChecked == reference.expected.points.count)
        #expect(groupsChecked == reference.expected.groups.count)
    }

    /// The case's series split by facet (each facet is one unit), each sorted by date as the reference sorts it.
    static func units(of input: XmRReferenceCase.Input) -> [(facet: String?, indices: [Int])] {
        var units: [(facet: String?, indices: [Int])] = []
        for i in input.values.indices {
            let facet = input.facets?[i]
            if let u = units.firstIndex(where: { $0.facet == facet }) {
                units[u].indices.append(i)
            } else {
                units.append((facet, [i]))
            }
        }
        return units.map { unit in (unit.facet, unit.indices.sorted { input.dates[$0] < input.dates[$1] }) }
    }
}
