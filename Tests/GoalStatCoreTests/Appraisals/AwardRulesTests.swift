import Foundation
import Testing
@testable import GoalStatCore

@Suite("Award limits (5 U.S.C. 4502, 4505a, 5336; 5 CFR 451, 531.504)")
struct AwardRulesTests {
    private let policy = AwardPolicy.standard

    private func refusal(_ proposal: AwardProposal, policy: AwardPolicy = .standard) -> AppraisalRuleViolation? {
        do {
            _ = try policy.check(proposal)
            return nil
        } catch {
            return error
        }
    }

    @Test("4505a(a)(2): a rating-based award is at most 10% of basic pay; 11% is refused with the reason")
    func tenPercentOfBasicPay_4505a_a2() throws {
        let refused = refusal(AwardProposal(kind: .ratingBased, ratingOfRecord: 5, basicPay: 100_000, amount: 11_000))
        #expect(refused?.field == "amount")
        #expect(refused?.section == "5 U.S.C. 4505a(a)(2)")
        #expect(refused?.reason.contains("$11,000 is 11% of $100,000 (at most $10,000)") == true, "\(String(describing: refused))")
        #expect(try policy.check(AwardProposal(kind: .ratingBased, ratingOfRecord: 5, basicPay: 100_000, amount: 10_000)).approvals.isEmpty)
    }

    @Test("4505a(a)(2): up to 20% when the agency head finds exceptional performance, and never above")
    func twentyPercentWithExceptionalDetermination_4505a_a2() throws {
        let allowed = try policy.check(AwardProposal(kind: .ratingBased, ratingOfRecord: 5, basicPay: 100_000, amount: 11_000, exceptionalDetermination: true))
        #expect(allowed.approvals.map(\.approver) == ["OPM"])
        #expect(refusal(AwardProposal(kind: .ratingBased, ratingOfRecord: 5, basicPay: 100_000, amount: 20_001, exceptionalDetermination: true))?.field == "amount")
    }

    @Test("4505a(a)(1): the latest rating of record must be Level 3 (Fully Successful) or higher")
    func eligibilityByRatingOfRecord_4505a_a1() {
        let refused = refusal(AwardProposal(kind: .ratingBased, ratingOfRecord: 2, basicPay: 80_000, amount: 1_000))
        #expect(refused?.field == "ratingOfRecord")
        #expect(refused?.section?.contains("5 U.S.C. 4505a(a)(1)") == true)
        #expect(refusal(AwardProposal(kind: .ratingBased, basicPay: 80_000, amount: 1_000))?.field == "ratingOfRecord")
        #expect(refusal(AwardProposal(kind: .ratingBased, ratingOfRecord: 3, basicPay: 80_000, amount: 1_000)) == nil)
    }

    @Test("4502(b), 451.107: above $10,000 needs OPM's approval, above $25,000 the President's too")
    func approvalThresholds_4502b_451_107() throws {
        #expect(AwardPolicy.approvals(for: 10_000).isEmpty)
        #expect(AwardPolicy.approvals(for: 10_000.01).map(\.approver) == ["OPM"])
        #expect(AwardPolicy.approvals(for: 25_000).map(\.approver) == ["OPM"])
        #expect(AwardPolicy.approvals(for: 25_001).map(\.approver) == ["OPM", "President"])
        #expect(try policy.check(AwardProposal(kind: .specialAct, amount: 30_000)).approvals.count == 2)
    }

    @Test("451.104(f) and agency caps: time off is in hours, never cash, within the per-contribution and leave-year caps")
    func timeOffCaps_451_104f() throws {
        #expect(try policy.check(AwardProposal(kind: .timeOff, hours: 40)).approvals.isEmpty)
        #expect(refusal(AwardProposal(kind: .timeOff, hours: 41))?.field == "hours")
        #expect(refusal(AwardProposal(kind: .timeOff, hours: 24, hoursThisLeaveYear: 60))?.reason.contains("80 hours") == true)
        #expect(refusal(AwardProposal(kind: .timeOff, hours: 8, convertToCash: true))?.section == "5 CFR 451.104(f)")
        #expect(refusal(AwardProposal(kind: .timeOff, amount: 500, hours: 8))?.field == "amount")
        let agency = AwardPolicy(timeOffHoursPerContribution: 16, timeOffHoursPerLeaveYear: 40)
        #expect(refusal(AwardProposal(kind: .timeOff, hours: 20), policy: agency)?.reason.contains("at most 16 hours") == true)
    }

    @Test("531.504: a quality step increase needs Level 5, or the highest level and a finding where there is no Level 5")
    func qualityStepIncrease_531_504() {
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 5)) == nil)
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 4))?.section == "5 CFR 531.504(a)")
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 4, programHighestLevel: 4))?.section == "5 CFR 531.504(b)(2)")
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 4, programHighestLevel: 4, sustainedHighQuality: true)) == nil)
    }

    @Test("5336(a): no step increase at the top step, nor a second one within 52 weeks")
    func qualityStepIncreaseLimits_5336a() {
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 5, atMaximumStep: true))?.section == "5 U.S.C. 5336(a)")
        #expect(refusal(AwardProposal(kind: .qualityStepIncrease, ratingOfRecord: 5, qualityStepIncreaseWithin52Weeks: true))?.field == "qualityStepIncreaseWithin52Weeks")
    }

    @Test("appointees whose awards are frozen by policy get none, with the reason")
    func frozenAwards() {
        let refused = refusal(AwardProposal(kind: .specialAct, amount: 500, awardsFrozen: true))
        #expect(refused?.field == "awardsFrozen")
        #expect(refused?.reason.contains("frozen") == true)
    }

    @Test("the JSON of goalstat appraisal award: unknown fields and wrong types are refused by name")
    func awardRequestJSON() throws {
        let parsed = try AppraisalRequests.award(from: Data(#"{"kind": "ratingBased", "ratingOfRecord": 5, "basicPay": 100000, "amount": 11000, "exceptionalDetermination": false}"#.utf8))
        #expect(parsed.proposal == AwardProposal(kind: .ratingBased, ratingOfRecord: 5, basicPay: 100_000, amount: 11_000))
        #expect(requestRefusal { _ = try AppraisalRequests.award(from: Data(#"{"kind": "specialAct", "ammount": 5}"#.utf8)) }?.field == "ammount")
        #expect(requestRefusal { _ = try AppraisalRequests.award(from: Data(#"{"kind": "specialAct", "amount": "5"}"#.utf8)) }?.field == "amount")
        #expect(requestRefusal { _ = try AppraisalRequests.award(from: Data(#"{"kind": "bonus"}"#.utf8)) }?.field == "kind")
    }

    @Test("the JSON of goalstat appraisal derive: fields are named, the method has a default")
    func derivationRequestJSON() throws {
        let parsed = try AppraisalRequests.derivation(from: Data(#"{"pattern": "H", "critical": [1, 5, 5], "nonCritical": [5]}"#.utf8))
        #expect(parsed.rules == DerivationRules(pattern: .H, method: .average))
        #expect(parsed.ratings == ElementRatings(critical: [1, 5, 5], nonCritical: [5]))
        #expect(requestRefusal { _ = try AppraisalRequests.derivation(from: Data(#"{"pattern": "I", "critical": [3]}"#.utf8)) }?.section == "5 CFR 430.208(d)(1)")
        #expect(requestRefusal { _ = try AppraisalRequests.derivation(from: Data(#"{"pattern": "H", "critical": [3, 2.5]}"#.utf8)) }?.field == "critical[1]")
        #expect(requestRefusal { _ = try AppraisalRequests.derivation(from: Data(#"{"pattern": "H"}"#.utf8)) }?.section == "5 CFR 430.206(b)(4)")
        #expect(requestRefusal { _ = try AppraisalRequests.derivation(from: Data(#"{"pattern": "H", "critical": [3], "method": "median"}"#.utf8)) }?.field == "method")
        #expect(requestRefusal { _ = try AppraisalRequests.derivation(from: Data("[1]".utf8)) }?.field == "(document)")
    }

    private func requestRefusal(_ work: () throws -> Void) -> AppraisalRuleViolation? {
        do {
            try work()
            return nil
        } catch {
            return error as? AppraisalRuleViolation
        }
    }
}
