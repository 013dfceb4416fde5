import Foundation
@testable import GoalStatCore
import Testing

@Suite("Risk register: scores, history, heat map")
struct RiskRegisterTests {
    private func risk(_ likelihood: Int, _ impact: Int, status: RiskStatus = .open) -> Risk {
        RiskRules.opened(Risk(goal: "G1", title: "Examiners retire", likelihood: likelihood, impact: impact, status: status, openedOn: ""), on: "2026-01-10", by: "a@example.gov")
    }

    @Test("the score is likelihood × impact, banded low, medium, high, very high")
    func scoreAndBands() {
        #expect(risk(1, 4).score == 4)
        #expect(risk(1, 4).level == .low)
        #expect(risk(1, 5).level == .medium)
        #expect(risk(3, 3).level == .medium)
        #expect(risk(2, 5).level == .high)
        #expect(risk(4, 4).level == .high)
        #expect(risk(4, 5).level == .veryHigh)
        #expect(RiskLevel.low < .veryHigh)
    }

    @Test("likelihood and impact outside 1–5 are refused by their field; a bad review date too")
    func rules() {
        var bad = risk(0, 6)
        bad.title = " "
        bad.reviewOn = "2026-02-30"
        let fields = Set(RiskRules.problems(in: bad).map(\.field))
        #expect(fields == ["title", "likelihood", "impact", "reviewOn"])
        #expect(RiskRules.problems(in: risk(5, 5)).isEmpty)
    }

    @Test("a changed score adds to the history; the same day's second change replaces that day's; other edits add nothing")
    func history() {
        let opened = risk(2, 3)
        #expect(opened.history.map(\.score) == [6])
        var edited = opened
        edited.mitigation = "Cross-train two clerks"
        #expect(RiskRules.revised(opened, to: edited, on: "2026-02-01", by: nil, note: nil).history.count == 1)
        edited.likelihood = 4
        let rose = RiskRules.revised(opened, to: edited, on: "2026-02-01", by: "b@example.gov", note: "Retirement letters arrived")
        #expect(rose.history.map(\.score) == [6, 12])
        #expect(rose.history.last?.note == "Retirement letters arrived")
        edited.likelihood = 5
        let again = RiskRules.revised(rose, to: edited, on: "2026-02-01", by: "b@example.gov", note: nil)
        #expect(again.history.map(\.score) == [6, 15])
        #expect(again.openedOn == "2026-01-10")
    }

    @Test("the change since a review: risen, fallen, new since, or not told for a closed risk")
    func changeSince() {
        var current = risk(2, 3)
        current.likelihood = 4
        current = RiskRules.revised(risk(2, 3), to: current, on: "2026-03-01", by: nil, note: nil)
        #expect(current.score(on: "2026-01-09") == nil)
        #expect(current.score(on: "2026-02-01") == 6)
        #expect(current.change(since: "2026-02-01") == 6)
        #expect(current.change(since: "2026-03-02") == 0)
        #expect(current.change(since: "2025-12-31") == nil)
        current.status = .closed
        #expect(current.change(since: "2026-02-01") == nil)
    }

    @Test("the heat map counts open risks per cell and leaves closed ones out")
    func heatMap() {
        let map = RiskHeatMap([risk(2, 3), risk(2, 3), risk(5, 5), risk(1, 1, status: .closed)])
        #expect(map.count(likelihood: 2, impact: 3) == 2)
        #expect(map.count(likelihood: 5, impact: 5) == 1)
        #expect(map.count(likelihood: 1, impact: 1) == 0)
        #expect(map.total == 3)
    }
}

@Suite("Capacity requests: decided, then followed up until delivered")
struct CapacityRulesTests {
    private let asked = CapacityRequest(orgUnit: "DMV-FO", kind: .staff, title: "One more examiner", justification: "Queues", requestedOn: "2026-01-05")

    @Test("a request needs what and why")
    func problems() {
        var empty = asked
        empty.title = ""
        empty.justification = "  "
        #expect(Set(CapacityRules.problems(in: empty).map(\.field)) == ["title", "justification"])
        #expect(CapacityRules.problems(in: asked).isEmpty)
    }

    @Test("a decision grants, partly grants or declines, with its reason; follow-up comes after it and never reopens")
    func lifecycle() throws {
        #expect(throws: FrameworkIssue.self) { try CapacityRules.decided(asked, status: .delivered, decision: "x", on: "2026-01-10", by: nil, review: nil) }
        #expect(throws: FrameworkIssue.self) { try CapacityRules.decided(asked, status: .granted, decision: " ", on: "2026-01-10", by: nil, review: nil) }
        #expect(throws: FrameworkIssue.self) { try CapacityRules.followedUp(asked, with: CapacityUpdate(on: "2026-01-11", by: nil, text: "x", status: .delivered)) }
        let granted = try CapacityRules.decided(asked, status: .granted, decision: "From the April budget", on: "2026-01-10", by: "pio@example.gov", review: nil)
        #expect(granted.isOpen)
        #expect(granted.decidedOn == "2026-01-10")
        #expect(throws: FrameworkIssue.self) { try CapacityRules.followedUp(granted, with: CapacityUpdate(on: "2026-02-01", by: nil, text: "x", status: .open)) }
        let delivered = try CapacityRules.followedUp(granted, with: CapacityUpdate(on: "2026-04-02", by: nil, text: " Started on 1 April ", status: .delivered))
        #expect(!delivered.isOpen)
        #expect(delivered.updates.map(\.text) == ["Started on 1 April"])
    }
}

@Suite("Review schedule: GPRA quarterly reviews, the strategic review, any cadence")
struct ReviewScheduleTests {
    private let goals = [
        Goal(code: "APG1", kind: .priorityGoal, name: "Faster service", leader: "k@example.gov"),
        Goal(code: "APG2", kind: .priorityGoal, name: "Safer roads"),
    ]

    @Test("each priority goal gets a review per quarter of the federal fiscal year, 30 days after the quarter ends, its leader chairing")
    func quarterly() {
        let reviews = ReviewSchedule.quarterly(priorityGoals: goals, fiscalYear: 2027, calendar: .federal)
        #expect(reviews.count == 8)
        #expect(Set(reviews.map(\.date)) == ["2027-01-30", "2027-04-30", "2027-07-30", "2027-10-30"])
        #expect(reviews.filter { $0.goals == ["APG1"] }.allSatisfy { $0.chair == "k@example.gov" && $0.kind == .quarterly })
        #expect(reviews.first?.title == "Faster service: quarterly review, Q1 FY2027")
        // Scheduling again adds nothing.
        #expect(ReviewSchedule.quarterly(priorityGoals: goals, fiscalYear: 2027, calendar: .federal, existing: reviews).isEmpty)
    }

    @Test("the strategic review covers every strategic goal and objective once, after the fiscal year")
    func strategic() {
        let strategic = [Goal(code: "SG1", kind: .strategicGoal, name: "Service"), Goal(code: "SO1.1", kind: .strategicObjective, name: "Wait less")]
        let reviews = ReviewSchedule.strategic(strategicGoals: strategic, fiscalYear: 2026, calendar: .federal)
        #expect(reviews.count == 1)
        #expect(reviews.first?.goals == ["SG1", "SO1.1"])
        #expect(reviews.first?.date == "2026-12-29")
        #expect(ReviewSchedule.strategic(strategicGoals: [], fiscalYear: 2026, calendar: .federal).isEmpty)
    }

    @Test("any scope every N months up to a date, month ends clamped")
    func repeating() throws {
        let first = Review(kind: .other, title: "Monthly ops", date: "2027-01-31", orgUnits: ["DMV"])
        let reviews = ReviewSchedule.repeating(first, everyMonths: 1, until: try CalendarDate.parse("2027-04-30"))
        #expect(reviews.map(\.date) == ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"])
        #expect(Set(reviews.map(\.id)).count == 4)
    }
}

@Suite("Reminders about actions from reviews")
struct ActionReminderTests {
    private let owner = ReminderRecipient(email: "K.Osei@example.gov", name: "Kwame Osei")

    private func reminders(due: String, today: String, status: ActionStatus = .open) throws -> [Reminder] {
        let action = ActionItem(review: UUID(), title: "Hire two clerks", owner: "k.osei@example.gov", due: due, status: status)
        return ActionReminders.reminders(for: action, owner: owner, link: "/actions/x", today: try CalendarDate.parse(today), policy: .standard)
    }

    @Test("before the due date, on it and once late, each with its own key; none for a closed action or long before")
    func stages() throws {
        #expect(try reminders(due: "2027-01-31", today: "2027-01-01").isEmpty)
        let before = try reminders(due: "2027-01-31", today: "2027-01-30")
        #expect(before.first?.stage == .beforeDue)
        #expect(before.first?.subject == "Action due on 2027-01-31: Hire two clerks")
        #expect(try reminders(due: "2027-01-31", today: "2027-01-31").first?.stage == .onDueDate)
        let late = try reminders(due: "2027-01-31", today: "2027-02-20")
        #expect(late.first?.stage == .late)
        #expect(late.first?.body.contains("20 days late") == true)
        #expect(late.first?.dedupeKey.hasPrefix("action|k.osei@example.gov|") == true)
        #expect(try reminders(due: "2027-01-31", today: "2027-02-20", status: .done).isEmpty)
    }
}

@Suite("Follow-up: what the previous review left comes back")
struct ReviewFollowUpTests {
    @Test("an action closed or an ask answered before the previous review's own date still comes back once; older ones only when closed since")
    func recordedAhead() {
        let older = Review(kind: .quarterly, title: "Q3", date: "2026-07-20", goals: ["G1"])
        let previous = Review(kind: .quarterly, title: "Q4", date: "2026-12-18", goals: ["G1"])
        let next = Review(kind: .quarterly, title: "Q1", date: "2027-03-14", goals: ["G1"])
        let closedEarly = ActionItem(review: previous.id, title: "Leaflets", owner: "k", due: "2027-01-18", status: .done, closedOn: "2026-12-05")
        let closedLongAgo = ActionItem(review: older.id, title: "Old", owner: "k", due: "2026-08-01", status: .done, closedOn: "2026-08-02")
        let answered = GoalAssessment(review: previous.id, goal: "G1", category: .atRisk, ask: AskForHelp(orgUnit: "FO", request: "Help", answer: "Yes", answeredOn: "2026-12-05"))
        let open = GoalAssessment(review: older.id, goal: "G1", category: .someRisk, ask: AskForHelp(orgUnit: "FO", request: "Still?"))
        let followUp = ReviewFollowUp.make(for: next, earlier: [older, previous], actions: [closedEarly, closedLongAgo], assessments: [answered, open])
        #expect(followUp.previous?.id == previous.id)
        #expect(followUp.closedSinceLastReview.map(\.title) == ["Leaflets"])
        #expect(followUp.answeredSinceLastReview.map(\.goal) == ["G1"])
        #expect(followUp.answeredSinceLastReview.first?.ask?.answer == "Yes")
        #expect(followUp.openAsks.map { $0.ask?.request } == ["Still?"])
    }
}
