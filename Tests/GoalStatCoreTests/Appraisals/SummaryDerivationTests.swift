import Foundation
import Testing
@testable import GoalStatCore

@Suite("Summary levels and their derivation (5 CFR 430.206, 430.208)")
struct SummaryDerivationTests {
    private func derive(_ pattern: SummaryLevelPattern, _ method: DerivationMethod = .average, critical: [Int], nonCritical: [Int] = []) throws(AppraisalRuleViolation) -> SummaryDerivation {
        try DerivationRules(pattern: pattern, method: method).derive(ElementRatings(critical: critical, nonCritical: nonCritical))
    }

    @Test("430.208(d)(1): the eight patterns use the levels of the regulation's table, each with Levels 1 and 3")
    func patternsOf430_208d() {
        let table: [SummaryLevelPattern: [Int]] = [
            .A: [1, 3], .B: [1, 3, 5], .C: [1, 3, 4], .D: [1, 2, 3], .E: [1, 3, 4, 5], .F: [1, 2, 3, 5], .G: [1, 2, 3, 4], .H: [1, 2, 3, 4, 5],
        ]
        for pattern in SummaryLevelPattern.allCases {
            #expect(pattern.levels.map(\.number) == table[pattern])
        }
        #expect(SummaryLevel.fullySuccessful.name == "Fully Successful")
        #expect(SummaryLevel.unacceptable.seniorExecutiveName == "Unsatisfactory")
    }

    @Test("430.208(b)(1): one critical element at Level 1 makes the summary Level 1, whatever the others are")
    func criticalUnacceptableGivesLevel1_430_208b1() throws {
        for pattern in SummaryLevelPattern.allCases {
            for method in DerivationMethod.allCases {
                let nonCritical = pattern.allowsNonCriticalElements ? [5] : []
                let derived = try derive(pattern, method, critical: [1, 5, 5], nonCritical: nonCritical)
                #expect(derived.summaryLevel == .unacceptable)
                #expect(derived.needsHigherLevelReview)
                #expect(derived.steps.contains { $0.contains("5 CFR 430.208(b)(1)") })
            }
        }
    }

    @Test("430.208(b)(1), only if: with no critical element at Level 1 the summary is never Level 1")
    func noCriticalUnacceptableNeverLevel1_430_208b1() throws {
        for pattern in SummaryLevelPattern.allCases {
            for method in DerivationMethod.allCases {
                for low in 2...5 {
                    let derived = try derive(pattern, method, critical: [low, 2, 2])
                    #expect(derived.summaryLevel != .unacceptable, "\(pattern) \(method) \(low)")
                }
            }
        }
    }

    @Test("430.208(b)(2): non-critical elements at Level 1 never make the summary Level 1")
    func nonCriticalNeverLevel1_430_208b2() throws {
        for pattern in SummaryLevelPattern.allCases where pattern.allowsNonCriticalElements {
            for method in DerivationMethod.allCases {
                let derived = try derive(pattern, method, critical: [2], nonCritical: [1, 1, 1, 1, 1, 1])
                #expect(derived.summaryLevel > .unacceptable)
                #expect(pattern.uses(derived.summaryLevel))
            }
        }
    }

    @Test("430.208(d): the summary is always one of the pattern's levels, for every input")
    func resultAlwaysAPatternLevel_430_208d() throws {
        let levels = [1, 2, 3, 4, 5]
        for pattern in SummaryLevelPattern.allCases {
            for method in DerivationMethod.allCases {
                for a in levels {
                    for b in levels {
                        for n in pattern.allowsNonCriticalElements ? levels : [] {
                            let derived = try derive(pattern, method, critical: [a, b], nonCritical: [n])
                            #expect(pattern.uses(derived.summaryLevel), "\(pattern) \(method) \(a) \(b) \(n)")
                            #expect((derived.summaryLevel == .unacceptable) == (a == 1 || b == 1))
                        }
                    }
                }
            }
        }
    }

    @Test("430.208(b): averaging with point ranges: 4.5 and up is Level 5, 3.5 Level 4, 2.5 Level 3, below Level 2")
    func averagingWithPointRanges_430_208b() throws {
        #expect(try derive(.H, critical: [5, 5, 4], nonCritical: [5]).summaryLevel == .outstanding)  // 4.75
        #expect(try derive(.H, critical: [4, 4, 3]).summaryLevel == .exceedsFullySuccessful)  // 3.67
        #expect(try derive(.H, critical: [3, 3, 2]).summaryLevel == .fullySuccessful)  // 2.67
        #expect(try derive(.H, critical: [2, 2, 3]).summaryLevel == .minimallySuccessful)  // 2.33
        let derived = try derive(.H, critical: [4, 5], nonCritical: [5])
        #expect(derived.steps.contains("Each element scores its level; the average of the 3 scores is 4.67."))
        let ranges = try PointRanges(outstanding: 4.8, exceedsFullySuccessful: 4, fullySuccessful: 3).validated()
        #expect(try DerivationRules(pattern: .H, pointRanges: ranges).derive(ElementRatings(critical: [5, 5, 4])).summaryLevel == .exceedsFullySuccessful)
    }

    @Test("430.208(d): a level the pattern lacks goes down to the pattern's next level, and never to Level 1")
    func fittingToThePattern_430_208d() throws {
        #expect(try derive(.B, critical: [4, 4]).summaryLevel == .fullySuccessful)
        #expect(try derive(.C, critical: [5, 5]).summaryLevel == .exceedsFullySuccessful)
        #expect(try derive(.E, critical: [2, 2]).summaryLevel == .fullySuccessful)
        #expect(try derive(.A, critical: [5, 5, 5]).summaryLevel == .fullySuccessful)
        #expect(try derive(.A, critical: [3, 1]).summaryLevel == .unacceptable)
        #expect(SummaryLevelPattern.F.fitting(.exceedsFullySuccessful) == .fullySuccessful)
    }

    @Test("430.208(b): counting critical elements: majority at 5 with none below 4, majority at 4 or more, a 2, else 3")
    func countingCriticalElements_430_208b() throws {
        #expect(try derive(.H, .counting, critical: [5, 5, 4]).summaryLevel == .outstanding)
        #expect(try derive(.H, .counting, critical: [5, 5, 3]).summaryLevel == .exceedsFullySuccessful)
        #expect(try derive(.H, .counting, critical: [4, 3, 3]).summaryLevel == .fullySuccessful)
        #expect(try derive(.H, .counting, critical: [5, 5, 2]).summaryLevel == .minimallySuccessful)
        // Non-critical elements averaging under 3 take one level off, never down to Level 1 (430.208(b)(2)).
        #expect(try derive(.H, .counting, critical: [5, 5, 4], nonCritical: [1, 2]).summaryLevel == .exceedsFullySuccessful)
        #expect(try derive(.H, .counting, critical: [2], nonCritical: [1]).summaryLevel == .minimallySuccessful)
    }

    @Test("430.206(b)(4): a plan with no critical element is refused")
    func noCriticalElementRefused_430_206b4() {
        #expect(throws: AppraisalRuleViolation(field: "critical", section: "5 CFR 430.206(b)(4)", reason: "a performance plan has at least one critical element")) {
            try derive(.H, critical: [], nonCritical: [5])
        }
    }

    @Test("430.206(b)(6): pattern A (two levels) may not have non-critical elements")
    func patternANoNonCritical_430_206b6() {
        #expect(throws: AppraisalRuleViolation.self) { try derive(.A, critical: [3], nonCritical: [3]) }
        do {
            _ = try derive(.A, critical: [3], nonCritical: [3])
        } catch {
            #expect(error.field == "nonCritical")
            #expect(error.section == "5 CFR 430.206(b)(6)")
        }
        #expect(SummaryLevelPattern.allCases.filter { !$0.allowsNonCriticalElements } == [.A])
    }

    @Test("430.208(d): an element rating outside 1–5 is refused, naming the element")
    func ratingOutOfRangeRefused_430_208d() {
        do {
            _ = try derive(.H, critical: [3, 6])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.field == "critical[1]")
            #expect(error.section == "5 CFR 430.208(d)")
        }
    }

    @Test("430.208(b): point ranges that do not rise with the level are refused")
    func badPointRanges_430_208b() {
        #expect(throws: AppraisalRuleViolation.self) { try PointRanges(outstanding: 3, exceedsFullySuccessful: 3.5, fullySuccessful: 2.5).validated() }
        #expect(throws: AppraisalRuleViolation.self) { try PointRanges(outstanding: 6, exceedsFullySuccessful: 3.5, fullySuccessful: 2.5).validated() }
    }
}
