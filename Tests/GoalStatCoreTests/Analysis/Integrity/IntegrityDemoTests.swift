import Testing
@testable import GoalStatCore

/// All checks on the whole demo agency (data through October 2026, today 23 November 2026): every planted case of
/// `DemoMeasurements.plantedCases` is flagged by its check, and nothing else is. The demo has no revisions, so
/// the late-revision check must stay silent here (its fixed vectors are in `LateRevisionCheckTests`).
@Suite("Integrity: the demo agency")
struct IntegrityDemoTests {
    let flags = IntegrityChecks.run(IntegrityDemoInput.input)
    let planted = DemoMeasurements.plantedCases(through: IntegrityDemoInput.lastMonth)

    func flags(_ check: IntegrityCheck, _ indicator: String) -> [IntegrityFlag] {
        flags.filter { $0.check == check && $0.indicator == indicator }
    }

    @Test func theScanFindsTheWholeFramework() {
        let input = IntegrityDemoInput.input
        #expect(input.indicators.count == 57 && input.links.count == 23)
        #expect(input.targets.values.map(\.versions.count).reduce(0, +) == 157)
        #expect(input.indicators.filter(\.guardrail).count == 5)
    }

    @Test func everyPlantedCaseIsFlaggedByItsCheck() {
        for planted in planted {
            let check = IntegrityCheck(rawValue: planted.check.rawValue)
            #expect(check != nil, "\(planted.check)")
            let found = flags.filter { $0.check == check && $0.indicator == planted.indicator }
            #expect(!found.isEmpty, "\(planted.check) \(planted.indicator)")
            if let related = planted.relatedIndicator {
                #expect(found.allSatisfy { $0.relatedIndicator == related }, "\(planted.indicator)")
            }
        }
    }

    @Test func nothingButThePlantedCasesIsFlagged() {
        let expected = Set(planted.map { "\($0.check.rawValue) \($0.indicator)" })
        let raised = Set(flags.map { "\($0.check.rawValue) \($0.indicator)" })
        #expect(raised == expected)
        #expect(!flags.contains { $0.check == .lateRevision })
    }

    @Test("asking about a few series finds what the whole scan finds for them, the others read only for comparison")
    func askingAboutSomeSeries() {
        // Every planted case's series, and one unit of each: the guardrail's partners and the units of a total
        // that sums are read for comparison but not asked about.
        var only = Set(flags.map { IntegritySeriesKey(indicator: $0.indicator, orgUnit: $0.orgUnit) })
        only.insert(IntegritySeriesKey(indicator: "FO-WAIT-MEDIAN"))
        for asked in [only, [IntegritySeriesKey(indicator: "FO-WALKOUTS", orgUnit: "DMV-FO-SOUTH")]] {
            var input = IntegrityDemoInput.input
            input.only = asked
            let some = IntegrityChecks.run(input)
            #expect(!some.isEmpty)
            #expect(some == flags.filter { asked.contains(IntegritySeriesKey(indicator: $0.indicator, orgUnit: $0.orgUnit)) })
        }
    }

    @Test func theGuardrailCaseIsFoundInTheSouthernRegion() throws {
        let south = try #require(flags(.guardrailWorsens, "FO-WALKOUTS").first { $0.orgUnit == "DMV-FO-SOUTH" })
        #expect(try #require(south.evidence["guardrailAfter"]) > 5)
        #expect(try #require(south.evidence["targetAfter"]) < south.evidence["targetBefore"]!)
        #expect(!flags.contains { $0.orgUnit == "DMV-FO-NORTH" })
    }

    @Test func theFlagsNameThePlantedPeriods() throws {
        let bunching = try #require(flags(.bunchingAtTarget, "VS-TITLE-TIMELY").first)
        #expect(bunching.from == .month(year: 2024, month: 10) && bunching.evidence["target"] == 95)
        let step = try #require(flags(.stepAfterTarget, "HR-TIME-TO-HIRE").first)
        #expect(step.from == .month(year: 2024, month: 10) && step.evidence["target"] == 60)
        let gap = try #require(flags(.missingData, "SAFE-MED-BACKLOG").first)
        #expect(gap.from == .month(year: 2025, month: 4) && gap.to == .month(year: 2025, month: 6))
        let late = try #require(flags(.missingData, "INV-FRAUD-REFERRALS").first)
        #expect(late.from == .month(year: 2026, month: 10) && late.evidence["latePeriods"] == 1)
        let digits = try #require(flags(.digitPreference, "SAFE-OUTREACH-STUDENTS").first)
        #expect(try #require(digits.evidence["shareEndingIn0or5"]) > 0.8)
    }

    @Test func everyFlagAsksAQuestion() {
        for flag in flags {
            #expect(flag.question.hasSuffix("?"), "\(flag.question)")
            #expect(!flag.evidence.isEmpty)
        }
    }
}
