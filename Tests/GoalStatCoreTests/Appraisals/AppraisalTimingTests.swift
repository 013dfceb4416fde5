import Testing
@testable import GoalStatCore

@Suite("Appraisal timing: plans, minimum period, progress reviews (5 CFR 430.206–430.208) and the SES (430.304)")
struct AppraisalTimingTests {
    private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }
    private var cycle: AppraisalCycle { AppraisalCycle(start: day("2025-10-01"), end: day("2026-09-30")) }

    @Test("430.206(b)(2): a plan is due within 30 days of the start; missing or late plans are warned about")
    func planInTime_430_206b2() {
        let timing = AppraisalTiming.standard
        #expect(timing.planDeadline(cycle: cycle, coveredFrom: day("2025-10-01")) == day("2025-10-31"))
        #expect(timing.planDeadline(cycle: cycle, coveredFrom: day("2026-02-10")) == day("2026-03-12"))
        let missing = timing.warnings(cycle: cycle, status: AppraisalStatus(coveredFrom: cycle.start, planEstablished: nil, progressReviews: 0, rated: false), today: day("2025-11-03"))
        #expect(missing.first == .planMissing(deadline: day("2025-10-31")))
        #expect(missing.first?.section == "5 CFR 430.206(b)(2)")
        let onTime = timing.warnings(cycle: cycle, status: AppraisalStatus(coveredFrom: cycle.start, planEstablished: day("2025-10-20"), progressReviews: 0, rated: false), today: day("2025-11-03"))
        #expect(onTime.isEmpty)
        let late = timing.warnings(cycle: cycle, status: AppraisalStatus(coveredFrom: cycle.start, planEstablished: day("2025-11-15"), progressReviews: 0, rated: false), today: day("2025-12-01"))
        #expect(late == [.planLate(deadline: day("2025-10-31"), givenOn: day("2025-11-15"))])
    }

    @Test("430.207(a): under the minimum period by the end of the cycle there is no rating, and a warning says so")
    func minimumPeriod_430_207a() {
        let timing = AppraisalTiming.standard
        // A plan given on 15 July 2026 covers 78 days to 30 September: under 90.
        let status = AppraisalStatus(coveredFrom: day("2026-07-01"), planEstablished: day("2026-07-15"), progressReviews: 1, rated: false)
        #expect(timing.daysUnderPlan(cycle: cycle, planEstablished: day("2026-07-15")) == 78)
        #expect(timing.warnings(cycle: cycle, status: status, today: day("2026-08-01")).contains(.underMinimumPeriod(daysUnderPlan: 78, minimumDays: 90)))
        #expect(!timing.mayRate(cycle: cycle, planEstablished: day("2026-07-15"), on: day("2026-10-05")))
        #expect(timing.mayRate(cycle: cycle, planEstablished: day("2026-07-02"), on: day("2026-10-05")))
        #expect(!timing.mayRate(cycle: cycle, planEstablished: day("2025-10-15"), on: day("2026-09-01")))
    }

    @Test("430.207(b): at least one progress review: due after the midpoint, missing after the end")
    func progressReview_430_207b() {
        let timing = AppraisalTiming.standard
        let status = AppraisalStatus(coveredFrom: cycle.start, planEstablished: day("2025-10-10"), progressReviews: 0, rated: false)
        #expect(timing.warnings(cycle: cycle, status: status, today: day("2026-03-01")).isEmpty)
        #expect(timing.warnings(cycle: cycle, status: status, today: day("2026-04-15")) == [.progressReviewDue(midpoint: day("2026-04-01"))])
        #expect(timing.warnings(cycle: cycle, status: status, today: day("2026-10-10")) == [.noProgressReview, .ratingDue(end: day("2026-09-30"))])
    }

    @Test("430.304(c)(1)(i): an SES program's minimum period is at least 90 days; 430.207(a) any program's at most a year")
    func sesMinimumPeriod_430_304c1i() {
        #expect(throws: AppraisalRuleViolation.self) { try AppraisalTiming(planDeadlineDays: 30, minimumPeriodDays: 60).validated(seniorExecutive: true) }
        #expect(throws: Never.self) { try AppraisalTiming(planDeadlineDays: 30, minimumPeriodDays: 60).validated(seniorExecutive: false) }
        #expect(throws: AppraisalRuleViolation.self) { try AppraisalTiming(planDeadlineDays: 30, minimumPeriodDays: 400).validated(seniorExecutive: false) }
    }

    @Test("430.304(c)(1)(iii): no rating of a career appointee within 120 days after a new President's term begins")
    func ses120DayRule_430_304c1iii() {
        let terms = [day("2025-01-20")]
        #expect(throws: AppraisalRuleViolation.self) { try SeniorExecutiveRules.checkRatingDate(day("2025-01-20"), careerAppointee: true, newPresidentTerms: terms) }
        #expect(throws: AppraisalRuleViolation.self) { try SeniorExecutiveRules.checkRatingDate(day("2025-05-19"), careerAppointee: true, newPresidentTerms: terms) }
        #expect(throws: Never.self) { try SeniorExecutiveRules.checkRatingDate(day("2025-05-20"), careerAppointee: true, newPresidentTerms: terms) }
        #expect(throws: Never.self) { try SeniorExecutiveRules.checkRatingDate(day("2025-03-01"), careerAppointee: false, newPresidentTerms: terms) }
        #expect(throws: Never.self) { try SeniorExecutiveRules.checkRatingDate(day("2024-12-31"), careerAppointee: true, newPresidentTerms: terms) }
        do {
            try SeniorExecutiveRules.checkRatingDate(day("2025-02-01"), careerAppointee: true, newPresidentTerms: terms)
        } catch {
            #expect(error.section == "5 CFR 430.304(c)(1)(iii)")
            #expect(error.reason.contains("2025-05-20"))
        }
    }

    @Test("430.304(c)(2): the SES uses five summary levels with its own names")
    func sesFiveLevels_430_304c2() {
        #expect(SeniorExecutiveRules.pattern.levels.count == 5)
        #expect(SeniorExecutiveRules.pattern.levels.map(\.seniorExecutiveName) == ["Unsatisfactory", "Minimally Satisfactory", "Fully Successful", "Exceeds Fully Successful", "Outstanding"])
    }

    @Test("430.304(b)(4): the organization's results of the goals an executive leads are summed up beside the rating")
    func organizationalResults_430_304b4() {
        let results = [
            OrganizationalResult(goalCode: "G1", goalName: "Faster service", status: "On track", onTrack: true),
            OrganizationalResult(goalCode: "G2", goalName: "Safer roads", status: "Off track", onTrack: false),
            OrganizationalResult(goalCode: "G3", goalName: "Open data", status: "No data", onTrack: nil),
        ]
        #expect(results.organizationalSummary == "1 of 3 goals led on track at the end of the period; 1 without data.")
        #expect([OrganizationalResult]().organizationalSummary.contains("no goals"))
    }
}
