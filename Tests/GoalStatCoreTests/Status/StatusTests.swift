@testable import GoalStatCore
import Testing

@Suite("Status with reasons (SPEC §4)")
struct StatusTests {
    private func measurement(_ value: Double?, month: Int = 10) -> Measurement {
        Measurement(indicator: "X", period: .month(year: 2026, month: month), value: value,
                    source: MeasurementSource(kind: .form, label: "", enteredBy: nil, enteredAt: .distantPast))
    }

    private func target(_ value: Double) -> TargetVersion {
        TargetVersion(Target(indicator: "X", period: "FY2027", value: value, setOn: "2026-09-01"), calendar: .federal)!
    }

    @Test("a met target is on track; a small shortfall is at risk; a large one off track; by direction")
    func valueAgainstTarget() {
        let rules = StatusRules()
        #expect(rules.assess(latest: measurement(21), target: target(20), direction: .increase).status == .onTrack)
        #expect(rules.assess(latest: measurement(19.5), target: target(20), direction: .increase).status == .atRisk)
        #expect(rules.assess(latest: measurement(15), target: target(20), direction: .increase).status == .offTrack)
        #expect(rules.assess(latest: measurement(19), target: target(20), direction: .decrease).status == .onTrack)
        #expect(rules.assess(latest: measurement(25), target: target(20), direction: .decrease).status == .offTrack)
        #expect(rules.assess(latest: nil, target: target(20), direction: .decrease).status == .noData)
        #expect(rules.assess(latest: measurement(3), target: nil, direction: .decrease).status == .noTarget)
        #expect(rules.assess(latest: measurement(15), target: target(20), direction: .increase).reason.contains("short by 5"))
    }

    @Test("a consistent fail makes a stable process off track even when the latest value passes")
    func consistentFail() {
        let basic = StatusAssessment(status: .onTrack, reason: "met")
        let stablePoint = XmRChart.compute(values: [1, 2, 1, 2, 1, 2], rebaseStarts: [], options: XmROptions(direction: .increase)).points.last
        let outcome = StatusWithAssurance.combine(basic, assurance: .consistentFail, latestPoint: stablePoint, direction: .increase)
        #expect(outcome.status == .offTrack)
        #expect(outcome.reasons.count >= 2)
    }

    @Test("after a special cause the limits no longer vouch: assurance does not override the value's status")
    func signalSuspendsAssurance() {
        let values: [Double] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30]
        let last = XmRChart.compute(values: values, rebaseStarts: [], options: XmROptions(direction: .increase)).points.last
        #expect(last?.specialCause == .aboveUpperLimit)
        let outcome = StatusWithAssurance.combine(StatusAssessment(status: .onTrack, reason: "met"), assurance: .consistentFail, latestPoint: last, direction: .increase)
        #expect(outcome.status == .onTrack)
        #expect(outcome.reasons.contains { $0.contains("rebase") })
        // The reason names the signal in words, not by its name in the API (issue 10: plain words on every page).
        #expect(outcome.reasons.contains("The latest value is a special cause of improvement (above the upper limit)."))
        #expect(!outcome.reasons.joined().contains("aboveUpperLimit"))
    }

    @Test("a goal is off track when a key indicator is, at risk when a milestone is overdue, and says why")
    func goalRollUp() {
        let overdue = Milestone(code: "M1", goal: "G", name: "x", due: "2026-01-01", status: .inProgress)
        let off = GoalStatusRollUp.assess(
            indicators: [.init(indicator: "A", name: "Median wait", rank: .key, status: .offTrack), .init(indicator: "B", rank: .supporting, status: .onTrack)],
            milestones: [], today: CalendarDate(year: 2026, month: 11, day: 23)
        )
        #expect(off.status == .offTrack)
        // Names, not codes, in the reasons (issue 10).
        #expect(off.reason.contains("Median wait"))
        let late = GoalStatusRollUp.assess(indicators: [.init(indicator: "A", rank: .key, status: .onTrack)], milestones: [overdue], today: CalendarDate(year: 2026, month: 11, day: 23))
        #expect(late.status == .atRisk)
        #expect(late.reason == "Milestone overdue: x.")
        let fine = GoalStatusRollUp.assess(indicators: [.init(indicator: "A", rank: .key, status: .onTrack)], milestones: [], today: CalendarDate(year: 2026, month: 11, day: 23))
        #expect(fine.status == .onTrack)
    }

    @Test("targets as of a date: a revision replaces the version in force from its date on, and both are kept")
    func targetAsOf() {
        let first = TargetVersion(Target(indicator: "X", period: "FY2026", value: 25, setOn: "2025-09-15"), calendar: .federal)!
        let second = TargetVersion(Target(indicator: "X", period: "FY2026", value: 22, setOn: "2026-01-20"), calendar: .federal)!
        let history = TargetHistory([second, first])
        #expect(history.asOf(CalendarDate(year: 2025, month: 12, day: 31)).map(\.target.value) == [25])
        #expect(history.asOf(CalendarDate(year: 2026, month: 1, day: 20)).map(\.target.value) == [22])
        #expect(history.asOf(CalendarDate(year: 2025, month: 1, day: 1)).isEmpty)
        #expect(history.versions.count == 2)
        #expect(history.revisions.map(\.target.value) == [25])
        #expect(history.applicable(to: .month(year: 2026, month: 3))?.target.value == 22)
        #expect(history.applicable(to: .month(year: 2026, month: 10)) == nil)
    }
}
