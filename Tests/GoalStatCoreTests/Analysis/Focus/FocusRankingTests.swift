import Testing
@testable import GoalStatCore

@Suite("Focus ranking of deficits")
struct FocusRankingTests {
    static func input(
        _ indicator: String, _ distance: Double, goal: GoalKind = .strategicGoal,
        stage: ValueChainStage = .output, rank: IndicatorRank = .supporting
    ) -> FocusInput {
        FocusInput(indicator: indicator, goal: "G-\(indicator)", goalKind: goal, stage: stage, rank: rank, distance: distance)
    }

    @Test("the formula writes out every factor with its name and the score")
    func formulaText() throws {
        let rows = FocusRanking.rank([Self.input("WAIT", 0.18, goal: .priorityGoal, stage: .intermediateOutcome, rank: .key)])
        let row = try #require(rows.first)
        #expect(row.formula == "0.18 × 3 (priority goal) × 2.5 (intermediate outcome) × 1.5 (key) = 2.03")
        #expect(abs(row.score - 2.025) < 1e-12)
        #expect(row.position == 1)
        #expect((row.goalWeight, row.stageWeight, row.rankWeight) == (3, 2.5, 1.5))
    }

    @Test("a smaller deficit on an outcome of a priority goal outranks a bigger one on an input")
    func outcomesOutweighInputs() {
        let rows = FocusRanking.rank([
            Self.input("BUDGET", 0.30, goal: .performanceGoal, stage: .input),
            Self.input("DEATHS", 0.10, goal: .priorityGoal, stage: .ultimateOutcome, rank: .key),
        ])
        // 0.30 × 1.5 × 1 × 1 = 0.45 against 0.10 × 3 × 3 × 1.5 = 1.35.
        #expect(rows.map(\.indicator) == ["DEATHS", "BUDGET"])
        #expect(rows.map(\.position) == [1, 2])
    }

    @Test("every goal kind, stage and rank has its standard weight")
    func standardWeights() {
        let w = FocusWeights.standard
        #expect(GoalKind.allCases.map(w.weight(of:)) == [2, 1.5, 1.5, 3, 3])
        #expect(ValueChainStage.allCases.map(w.weight(of:)) == [1, 1, 1.5, 2, 2.5, 3])
        #expect(IndicatorRank.allCases.map(w.weight(of:)) == [1.5, 1])
    }

    @Test("met targets score 0 and sink to the bottom; equal scores fall back to the indicator code")
    func orderingAndTies() {
        let rows = FocusRanking.rank([
            Self.input("MET", 0),
            Self.input("B", 0.2),
            Self.input("A", 0.2),
            Self.input("BAD", -.infinity),
        ])
        #expect(rows.map(\.indicator) == ["A", "B", "MET"])
        #expect(rows.last?.formula == "0.00 × 2 (strategic goal) × 1.5 (output) × 1 (supporting) = 0.00")
    }

    @Test("custom weights change the order")
    func customWeights() {
        var weights = FocusWeights.standard
        weights.input = 10
        let deficits = [Self.input("IN", 0.1, stage: .input), Self.input("OUT", 0.1, stage: .ultimateOutcome)]
        #expect(FocusRanking.rank(deficits).map(\.indicator) == ["OUT", "IN"])
        #expect(FocusRanking.rank(deficits, weights: weights).map(\.indicator) == ["IN", "OUT"])
    }

    @Test("a tiny deficit still shows in the formula rather than printing as 0")
    func tinyDistance() throws {
        let row = try #require(FocusRanking.rank([Self.input("X", 0.0042)]).first)
        #expect(row.formula.hasPrefix("0.0042 × 2 (strategic goal)"))
    }

    @Test("distance is the shortfall over the size of the target, 0 when met, by direction")
    func normalisedDistance() {
        #expect(FocusInput.normalisedDistance(value: 82, target: 100...100, direction: .increase) == 0.18)
        #expect(FocusInput.normalisedDistance(value: 120, target: 100...100, direction: .increase) == 0)
        #expect(FocusInput.normalisedDistance(value: 12, target: 10...10, direction: .decrease) == 0.2)
        #expect(FocusInput.normalisedDistance(value: 8, target: 10...10, direction: .decrease) == 0)
        #expect(FocusInput.normalisedDistance(value: -6, target: -5...(-5), direction: .decrease) == 0)
        #expect(FocusInput.normalisedDistance(value: -4, target: -5...(-5), direction: .decrease) == 0.2)
        #expect(FocusInput.normalisedDistance(value: 45, target: 50...60, direction: .neutral) == 0.1)
        #expect(FocusInput.normalisedDistance(value: 66, target: 50...60, direction: .neutral) == 0.1)
        #expect(FocusInput.normalisedDistance(value: 55, target: 50...60, direction: .neutral) == 0)
        #expect(FocusInput.normalisedDistance(value: 3, target: 0...0, direction: .decrease) == nil)
        #expect(FocusInput.normalisedDistance(value: 0, target: 0...0, direction: .decrease) == 0)
    }

    @Test("an input is built from an indicator, its goal, the latest value and the target")
    func fromModel() throws {
        let indicator = Indicator(
            code: "ED-4HR", name: "Seen within 4 hours", direction: .increase, frequency: .monthly,
            stage: .immediateOutcome, orgUnit: "HOSP", rank: .key
        )
        let goal = Goal(code: "G1", kind: .priorityGoal, name: "Timely emergency care", focus: true)
        let target = TargetVersion(
            target: Target(indicator: "ED-4HR", period: "2019", value: 0.95, setOn: "2018-04-01"),
            period: .calendarYear(2019), setOn: CalendarDate(year: 2018, month: 4, day: 1)
        )
        let input = try #require(FocusInput(indicator: indicator, goal: goal, value: 0.76, target: target))
        #expect(abs(input.distance - 0.2) < 1e-12)
        #expect(input.goalKind == .priorityGoal && input.stage == .immediateOutcome && input.rank == .key)
        #expect(input.declaredFocus)
        let row = try #require(FocusRanking.rank([input]).first)
        #expect(row.formula == "0.20 × 3 (priority goal) × 2 (immediate outcome) × 1.5 (key) = 1.80")
        #expect(row.declaredFocus)
    }
}
