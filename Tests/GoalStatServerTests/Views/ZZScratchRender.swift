import Foundation
@testable import GoalStatServer
import GoalStatCore
import Testing

@Test func scratchRenderPages() throws {
    let ok = StatusAssessment(status: .onTrack, reason: "14.2 minutes is within the target of 15 minutes")
    let bad = StatusAssessment(status: .offTrack, reason: "Latest value 18 \"minutes\" <worse> & target 15")
    let summary = IndicatorSummary(code: "DMV-WAIT", name: "Median wait", unit: "minutes", stage: .immediateOutcome, rank: .key, guardrail: false, direction: .decrease, latestPeriod: "2026-10", latestValue: "14.2 minutes", target: "15.0 minutes", status: ok, sparkline: (0..<24).map { 11 + Double($0) * 0.14 })
    var guardrail = summary; guardrail.code = "DMV-ERR"; guardrail.name = "Error rate"; guardrail.guardrail = true; guardrail.rank = .supporting; guardrail.status = bad
    let cards = [
        GoalCard(code: "G1", name: "Serve people faster", kind: .strategicGoal, depth: 0, status: bad, isFocus: false, isPublic: true, leaderName: "Ana Ruiz", perspective: "Public/Customer", keyIndicators: [summary]),
        GoalCard(code: "G1.1", name: "Cut wait times", kind: .strategicObjective, depth: 1, status: bad, isFocus: true, isPublic: false, leaderName: nil, perspective: nil, keyIndicators: [summary, guardrail]),
        GoalCard(code: "G1.1.1", name: "Counter staffing", kind: .performanceGoal, depth: 2, status: ok, isFocus: false, isPublic: true, leaderName: nil, perspective: nil, keyIndicators: []),
        GoalCard(code: "G2", name: "Steward money", kind: .strategicGoal, depth: 0, status: ok, isFocus: false, isPublic: true, leaderName: nil, perspective: nil, keyIndicators: []),
    ]
    let dash = DashboardPageModel(planName: "Strategic Plan FY2026–FY2029", mission: "Serve & protect", vision: "A state <where> ...", values: [PlanValue(name: "Integrity", kind: .process, description: "We do right"), PlanValue(name: "Safety", kind: .outcome)], goals: cards, today: CalendarDate(year: 2026, month: 11, day: 23))
    try dash.render().write(toFile: "/tmp/gsv/dashboard.html", atomically: true, encoding: .utf8)

    let goal = Goal(code: "G1.1", kind: .strategicObjective, parent: "G1", name: "Cut wait times", statement: "Cut the median wait.\nSecond line.", orgUnit: "DMV", leader: "ana", deputies: ["bo"], period: PeriodSpan(from: "FY2026", to: "FY2029"), perspective: "Public/Customer", focus: true, public: false)
    let goalPage = GoalPageModel(goal: goal, status: bad, parent: ("G1", "Serve people faster"), children: [cards[2]], orgUnitName: "Department of Motor Vehicles", leaderName: "Ana Ruiz", deputyNames: ["Bo Li"], stages: ValueChainStage.allCases.map { stage in (stage, stage == .immediateOutcome ? [guardrail, summary] : []) }, links: [LinkRow(driverCode: "DMV-STAFF", driverName: "Counter staff hours", resultCode: "DMV-WAIT", resultName: "Median wait", expectedSign: .negative, lagPeriods: 1)], milestones: [MilestoneRow(milestone: Milestone(code: "M1", goal: "G1.1", name: "Open new office", due: "2026-03-31", status: .inProgress), overdue: true)], narratives: [Narrative(goal: "G1.1", period: "2026-Q3", accomplishments: "Hired 3", challenges: "Budget", nextSteps: "More", author: "Ana")])
    try goalPage.render().write(toFile: "/tmp/gsv/goal.html", atomically: true, encoding: .utf8)

    let indicator = Indicator(code: "DMV-WAIT", name: "Median wait", definition: "Median minutes", unit: .other("minutes"), decimals: 1, direction: .decrease, frequency: .monthly, stage: .immediateOutcome, orgUnit: "DMV", rank: .key, formula: "[A] / [B] * 100", goals: ["G1.1"], dataQuality: DataQuality(verification: "Audited", limitations: "Sampling"))
    var points: [ChartModel.Point] = []
    for i in 0..<24 {
        let label = String(format: "%d-%02d", 2025 + (i / 12), i % 12 + 1)
        let bump: Double = i % 3 == 0 ? 0.4 : 0
        let value: Double? = i == 7 ? nil : 11 + Double(i) * 0.14 + bump
        let low: Double = i < 12 ? 14 : 13
        let high: Double = i < 12 ? 14 : 13.5
        points.append(ChartModel.Point(label: label, value: value, targetLow: low, targetHigh: high))
    }
    let rows = points.reversed().map { ValueRow(period: $0.label, value: $0.value.map { ValueFormatting.format($0, decimals: 1, unit: "minutes") } ?? "missing", status: $0.value == nil ? .missing : .final, note: nil, revision: 0, source: "import", target: "14.0 minutes") }
    let target = TargetRow(period: "FY2027", orgUnit: nil, value: "14.0 minutes", rationale: "Because", setOn: "2026-01-01", setBy: "Ana", benchmark: nil, inForce: true)
    var old = target; old.inForce = false
    let ind = IndicatorPageModel(indicator: indicator, goals: [("G1.1", "Cut wait times")], orgUnitName: "DMV", stewardName: "Cy", status: ok, selectedOrgUnit: "EAST", orgUnitsWithValues: ["EAST", "WEST & CO"], asOf: CalendarDate(year: 2026, month: 5, day: 1), chart: ChartModel(title: "Median wait, monthly", unit: "minutes", decimals: 1, points: points), rows: rows, currentTargets: [target], targetHistory: [target, old], revisions: [RevisionRow(period: "2026-01", revision: 0, value: "12 minutes", status: .provisional, note: "typo", source: "form", supersededAt: "2026-02-03")])
    try ind.render().write(toFile: "/tmp/gsv/indicator.html", atomically: true, encoding: .utf8)
    try LineChartSVG.render(ind.chart).write(toFile: "/tmp/gsv/chart.svg", atomically: true, encoding: .utf8)

    let form = TargetFormPageModel(indicatorCode: "DMV-WAIT", indicatorName: "Median wait", unit: "minutes", period: "FY2027", orgUnit: "", value: "abc\"><b>", rangeMin: "", rangeMax: "", rationale: "", setOn: "2026-11-23", setBy: "", people: [("a@x.gov", "Ana")], orgUnits: [("EAST", "East office")], errors: ["value": "'abc' is not a number", "rationale": "say why", "benchmark": "odd"], currentTargets: [target])
    try form.render().write(toFile: "/tmp/gsv/target.html", atomically: true, encoding: .utf8)

    let entry = DataEntryPageModel(stewards: [("a@x.gov", "Ana")], steward: "a@x.gov", month: "2026-10", rows: [
        DataEntryRow(code: "DMV-WAIT", name: "Median wait", unit: "minutes", frequency: .monthly, period: "2026-10", value: "1,2", level: nil, levels: nil, status: .final, note: "", previous: "2026-09: 14.1 minutes"),
        DataEntryRow(code: "DMV-Q", name: "Quality", unit: "level", frequency: .quarterly, period: "2026-Q4", value: "", level: "Good", levels: ["Poor", "Fair", "Good"], status: .provisional, note: "n", previous: nil),
    ], errors: ["DMV-WAIT": "'1,2' is not a number"], savedMessage: "Saved: 1 added")
    try entry.render().write(toFile: "/tmp/gsv/entry.html", atomically: true, encoding: .utf8)
    try ErrorPage(status: .unprocessableEntity, message: "2 problems found; nothing was stored", details: [APIErrorDetail(file: "m.csv", line: 3, column: "value", field: "value", reason: "not a number")]).render(status: .unprocessableEntity).write(toFile: "/tmp/gsv/error.html", atomically: true, encoding: .utf8)
}
