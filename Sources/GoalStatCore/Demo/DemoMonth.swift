/// A calendar month as one integer (year × 12 + month − 1), so the demo generator can do month arithmetic.
struct DemoMonth: Sendable, Hashable, Comparable {
    /// The generator's time origin: trends and levels in the series table are stated as of January 2024.
    static let anchor = DemoMonth(2024, 1)

    let index: Int

    init(_ year: Int, _ month: Int) {
        index = year * 12 + (month - 1)
    }

    init(index: Int) {
        self.index = index
    }

    /// Years are positive here, so plain integer division is the floor.
    var year: Int { index / 12 }
    var month: Int { index - year * 12 + 1 }
    /// 1…4.
    var quarter: Int { (month - 1) / 3 + 1 }
    /// Years since the anchor, the time axis of every trend.
    var yearsSinceAnchor: Double { Double(index - Self.anchor.index) / 12 }

    func adding(_ months: Int) -> DemoMonth { DemoMonth(index: index + months) }

    /// The calendar month form of SPEC §3.1: `2025-07`.
    var periodText: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }

    static func < (lhs: DemoMonth, rhs: DemoMonth) -> Bool { lhs.index < rhs.index }
}
