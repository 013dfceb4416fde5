import Testing
@testable import GoalStatCore

@Suite("League table")
struct LeagueTableTests {
    static let values: [(unit: String, value: Double)] = [("D", 70), ("C", 90), ("B", 80), ("A", 90)]

    @Test("for an increase indicator the highest value ranks first and equal values share a rank")
    func increaseWithTies() {
        let rows = LeagueTable.rank(values: Self.values, direction: .increase)
        #expect(rows.map(\.unit) == ["A", "C", "B", "D"])
        #expect(rows.map(\.rank) == [1, 1, 3, 4])
        #expect(rows.map(\.tiedWith) == [1, 1, 0, 0])
        #expect(rows.map(\.quartile) == [1, 1, 3, 4])
    }

    @Test("for a decrease indicator the lowest value ranks first")
    func decrease() {
        let rows = LeagueTable.rank(values: Self.values, direction: .decrease)
        #expect(rows.map(\.unit) == ["D", "B", "A", "C"])
        #expect(rows.map(\.rank) == [1, 2, 3, 3])
    }

    @Test("a neutral indicator's table runs from high to low")
    func neutral() {
        let rows = LeagueTable.rank(values: Self.values, direction: .neutral)
        #expect(rows.map(\.value) == [90, 90, 80, 70])
    }

    @Test("quartiles split eight units two by two, best quarter first")
    func quartilesOfEight() {
        let values = (1...8).map { (unit: "U\($0)", value: Double($0)) }
        let rows = LeagueTable.rank(values: values, direction: .increase)
        #expect(rows.map(\.unit) == ["U8", "U7", "U6", "U5", "U4", "U3", "U2", "U1"])
        #expect(rows.map(\.quartile) == [1, 1, 2, 2, 3, 3, 4, 4])
    }

    @Test("a unit with no finite value is left out rather than ranked")
    func nonFiniteLeftOut() {
        let rows = LeagueTable.rank(values: [("A", 1), ("B", .nan), ("C", 2)], direction: .increase)
        #expect(rows.map(\.unit) == ["C", "A"])
        #expect(LeagueTable.rank(values: [], direction: .increase).isEmpty)
    }

    @Test("a single unit is first and in the best quartile")
    func singleUnit() {
        let rows = LeagueTable.rank(values: [("A", 5)], direction: .decrease)
        #expect(rows == [LeagueRow(unit: "A", value: 5, rank: 1, quartile: 1, tiedWith: 0)])
    }
}
