import GoalStatCore
import Testing

/// The integrity problems planted for the later integrity checks (SPEC §4) are in the data, and the rest is clean.
@Suite("Demo planted integrity cases")
struct DemoPlantedCasesTests {
    let cases = DemoMeasurements.plantedCases(through: demoLastMonth)

    @Test func thereIsACaseForEveryCheckAndEachNamesAnIndicatorOfTheFile() {
        #expect(Set(cases.map(\.check)) == Set(DemoPlantedCase.Check.allCases))
        for planted in cases {
            #expect(DemoFrameworkScan.byCode[planted.indicator] != nil, "\(planted.indicator)")
            if let related = planted.relatedIndicator { #expect(DemoFrameworkScan.byCode[related] != nil) }
        }
    }

    @Test func guardrailWorsensWhileItsTargetIndicatorImproves() {
        #expect(DemoFrameworkScan.byCode["FO-WALKOUTS"]?.isGuardrail == true)
        #expect(DemoFrameworkScan.text.contains("{ driver: FO-WAIT-MEDIAN, result: FO-WALKOUTS, expectedSign: positive"))
        // Year over year, so that the summer peak cannot make or hide the change.
        let before = (from: "2024-11", to: "2025-10"), after = (from: "2025-11", to: "2026-10")
        let waitBefore = demoMean(demoValues("FO-WAIT-MEDIAN", from: before.from, to: before.to))
        let waitAfter = demoMean(demoValues("FO-WAIT-MEDIAN", from: after.from, to: after.to))
        let walkoutsBefore = demoMean(demoValues("FO-WALKOUTS", from: before.from, to: before.to))
        let walkoutsAfter = demoMean(demoValues("FO-WALKOUTS", from: after.from, to: after.to))
        #expect(waitAfter < waitBefore - 3)
        #expect(walkoutsAfter > walkoutsBefore + 0.5)
        // Since the planted change began (July 2025) the wait keeps improving and walk-outs keep rising.
        #expect(demoMean(demoValues("FO-WAIT-MEDIAN", from: "2026-05", to: "2026-10"))
            < demoMean(demoValues("FO-WAIT-MEDIAN", from: "2025-05", to: "2025-10")) - 2)
        #expect(demoMean(demoValues("FO-WALKOUTS", from: "2026-05", to: "2026-10"))
            > demoMean(demoValues("FO-WALKOUTS", from: "2025-05", to: "2025-10")) + 1)
        #expect(demoMean(demoValues("FO-WALKOUTS", "DMV-FO-SOUTH", from: "2026-05", to: "2026-10")) > 5)
        #expect(demoMean(demoValues("FO-WALKOUTS", "DMV-FO-NORTH", from: "2026-05", to: "2026-10")) < 2.6)
    }

    @Test func titleTimelinessIsBunchedJustPastItsTarget() {
        let bunched = demoValues("VS-TITLE-TIMELY", from: "2024-10")
        let earlier = demoValues("VS-TITLE-TIMELY", to: "2024-09").suffix(24)
        #expect(bunched.count == 25)
        #expect(bunched.allSatisfy { (95.0...95.4).contains($0) })
        #expect(demoStandardDeviation(bunched) < 0.12)
        #expect(demoStandardDeviation(Array(earlier)) > 0.7)
        #expect(earlier.allSatisfy { $0 < 95 })
    }

    @Test func timeToHireStepsDownTheMonthAfterItsTargetWasSet() {
        #expect(DemoFrameworkScan.text.contains("setOn: 2024-09-16"))
        let before = demoValues("HR-TIME-TO-HIRE", from: "2024-04", to: "2024-09")
        let after = demoValues("HR-TIME-TO-HIRE", from: "2024-10", to: "2025-03")
        #expect(demoMean(before) - demoMean(after) > 20)
        #expect(demoValues("HR-TIME-TO-HIRE", from: "2024-10", to: "2024-10")[0] < before.min()!)
    }

    @Test func medicalBacklogHasAGapAndReferralsAreLate() {
        let backlog = demoSeries("SAFE-MED-BACKLOG")
        #expect(!backlog.contains { $0.period == "2025-04" || $0.period == "2025-06" })
        let may = backlog.first { $0.period == "2025-05" }
        #expect(may?.status == .missing && may?.value == nil)
        #expect(demoSeries("INV-FRAUD-REFERRALS").last?.period == "2026-09")
    }

    @Test func outreachHeadCountsPreferZeroAndFiveAndNoOtherCountDoes() {
        func shareEndingInZeroOrFive(_ values: [Double]) -> Double {
            Double(values.filter { Int($0) % 5 == 0 }.count) / Double(values.count)
        }
        let outreach = demoValues("SAFE-OUTREACH-STUDENTS")
        #expect(shareEndingInZeroOrFive(outreach) > 0.6)
        // Small counts (releases, incidents, deaths) are left out: a last-digit test needs values of 100 or more.
        for declared in DemoFrameworkScan.indicators where declared.unit == "count" && declared.code != "SAFE-OUTREACH-STUDENTS" {
            let values = demoRows.filter { $0.indicator == declared.code }.compactMap(\.value).filter { $0 >= 100 }
            guard values.count >= 20 else { continue }
            #expect(shareEndingInZeroOrFive(values) < 0.35, "\(declared.code)")
        }
    }
}
