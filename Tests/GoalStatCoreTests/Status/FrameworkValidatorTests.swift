@testable import GoalStatCore
import Testing

@Suite("Framework validation (SPEC §3.2)")
struct FrameworkValidatorTests {
    @Test("references may point into the file or at stored records; unknown ones are named by path")
    func references() {
        let document = FrameworkDocument(
            goals: [Goal(code: "G1", kind: .strategicGoal, parent: "G0", name: "x", orgUnit: "DMV", leader: "a@example.gov")],
            indicators: [Indicator(code: "I1", name: "x", direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", formula: "[I2] / [I3]", goals: ["G1", "G9"])]
        )
        let issues = FrameworkValidator.validate(document, stored: FrameworkKeys(orgUnits: ["DMV"], people: ["a@example.gov"], goals: ["G0"], indicators: ["I2"]))
        #expect(issues.map { $0.field } == ["indicators[0].goals[1]", "indicators[0].formula"])
    }

    @Test("codes follow the SPEC pattern and are unique in a file")
    func codes() {
        #expect(Codes.isValid("FO-WAIT.median_2"))
        #expect(!Codes.isValid("-x"))
        #expect(!Codes.isValid("has space"))
        #expect(!Codes.isValid(String(repeating: "a", count: 65)))
        let document = FrameworkDocument(orgUnits: [OrgUnit(code: "A", name: "a", kind: .agency), OrgUnit(code: "A", name: "b", kind: .office)])
        #expect(FrameworkValidator.validate(document).map(\.field) == ["orgUnits[1].code"])
    }

    @Test("a target needs a value or a range, a valid period and date")
    func targets() {
        let document = FrameworkDocument(
            orgUnits: [OrgUnit(code: "A", name: "a", kind: .agency)],
            indicators: [Indicator(code: "I", name: "x", direction: .increase, frequency: .monthly, stage: .output, orgUnit: "A")],
            targets: [
                Target(indicator: "I", period: "FY2026", setOn: "2025-09-15"),
                Target(indicator: "I", period: "2026-Q5", value: 1, setOn: "2025-09-15"),
                Target(indicator: "I", period: "FY2027", value: 1, setOn: "15/09/2025"),
            ]
        )
        #expect(FrameworkValidator.validate(document).map(\.field) == ["targets[0]", "targets[1].period", "targets[2].setOn"])
    }

    @Test("formulas parse, evaluate, and refuse bad syntax")
    func formulas() throws {
        let formula = try Formula.parse("[A] / [B] * 100").get()
        #expect(formula.references == ["A", "B"])
        #expect(formula.evaluate(["A": 3, "B": 4]) == 75)
        #expect(formula.evaluate(["A": 3, "B": 0]) == nil)
        #expect(try Formula.parse("-([A] + 2) * 3").get().evaluate(["A": 1]) == -9)
        #expect((try? Formula.parse("[A] +").get()) == nil)
        #expect((try? Formula.parse("[A] [B]").get()) == nil)
    }
}
