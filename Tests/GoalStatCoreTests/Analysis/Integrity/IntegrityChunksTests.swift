import GoalStatCore
import Testing

@Suite("Integrity checks a group at a time")
struct IntegrityChunksTests {
    private func indicator(_ code: String, goals: [String]) -> Indicator {
        Indicator(code: code, name: code, direction: .increase, frequency: .monthly, stage: .output, orgUnit: "U", goals: goals)
    }

    @Test("indicators joined by a goal or a link stay in one group; groups are merged up to the size, never split")
    func groups() {
        // A0–A3 share goal GA; B0 links to A0; C0–C9 each have a goal of their own.
        let indicators = (0..<4).map { indicator("A\($0)", goals: ["GA"]) } + [indicator("B0", goals: ["GB"])]
            + (0..<10).map { indicator("C\($0)", goals: ["GC\($0)"]) }
        let links = [IndicatorLink(driver: "B0", result: "A0", expectedSign: .positive)]
        let chunks = IntegrityChunks.split(indicators, links: links, size: 3)
        #expect(chunks.flatMap { $0.map(\.code) }.sorted() == indicators.map(\.code).sorted(), "every indicator once")
        let group = chunks.first { $0.contains { $0.code == "A0" } }.map { Set($0.map(\.code)) } ?? []
        #expect(group.isSuperset(of: ["A0", "A1", "A2", "A3", "B0"]), "a group larger than the size stays whole")
        #expect(chunks.filter { !$0.contains { $0.code.hasPrefix("A") } }.allSatisfy { $0.count <= 3 })
        #expect(chunks.count == 1 + 4, "the ten loners in chunks of at most three")
    }
}
