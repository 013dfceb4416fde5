/// A league table of org units on one indicator (SPEC §4, practice 5: everyone knows how everyone is doing).
public enum LeagueTable {
    /// Ranks `values` best first by `direction`; units with a non-finite value are left out.
    ///
    /// Rank 1 is the highest value for `increase` and the lowest for `decrease`; `neutral` has no better end, so
    /// its table simply runs from high to low. Equal values share a rank and the next rank skips (1, 2, 2, 4).
    /// Quartile 1 is the best quarter: a unit of rank r among n is in quartile ⌊4(r − 1)/n⌋ + 1, so tied units
    /// always share a quartile. A league table ranks noise too: read it next to a funnel plot.
    public static func rank(
        values: [(unit: String, value: Double)], direction: ImprovementDirection
    ) -> [LeagueRow] {
        let entries = values.filter { $0.value.isFinite }
        let better: (Double, Double) -> Bool = direction == .decrease ? { $0 < $1 } : { $0 > $1 }
        let ordered = entries.sorted {
            $0.value != $1.value ? better($0.value, $1.value) : $0.unit < $1.unit
        }
        let count = ordered.count
        let sharing = Dictionary(ordered.map { ($0.value, 1) }, uniquingKeysWith: +)
        var rows: [LeagueRow] = []
        rows.reserveCapacity(count)
        for (index, entry) in ordered.enumerated() {
            let rank = index > 0 && ordered[index - 1].value == entry.value ? rows[index - 1].rank : index + 1
            rows.append(LeagueRow(
                unit: entry.unit, value: entry.value, rank: rank, quartile: 4 * (rank - 1) / count + 1,
                tiedWith: sharing[entry.value, default: 1] - 1
            ))
        }
        return rows
    }
}

/// One org unit's place in a league table.
public struct LeagueRow: Sendable, Equatable, Codable {
    public var unit: String
    public var value: Double
    /// 1 is best; tied units share a rank.
    public var rank: Int
    /// 1 (best quarter) to 4.
    public var quartile: Int
    /// How many other units have exactly the same value.
    public var tiedWith: Int

    public init(unit: String, value: Double, rank: Int, quartile: Int, tiedWith: Int) {
        self.unit = unit
        self.value = value
        self.rank = rank
        self.quartile = quartile
        self.tiedWith = tiedWith
    }
}
