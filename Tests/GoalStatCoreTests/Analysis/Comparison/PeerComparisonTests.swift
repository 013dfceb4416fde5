import Foundation
import Testing
@testable import GoalStatCore

@Suite("A unit beside its peers")
struct PeerComparisonTests {
    static let units = [
        OrgUnit(code: "DMV", name: "Agency", kind: .agency),
        OrgUnit(code: "FO", name: "Field Operations", kind: .office, parent: "DMV"),
        OrgUnit(code: "NORTH", name: "North", kind: .office, parent: "FO"),
        OrgUnit(code: "SOUTH", name: "South", kind: .office, parent: "FO"),
        OrgUnit(code: "EAST", name: "East", kind: .office, parent: "FO"),
        OrgUnit(code: "DS", name: "Digital", kind: .office, parent: "DMV"),
        OrgUnit(code: "OTHER", name: "Another agency", kind: .agency),
    ]

    static let wait = Indicator(code: "WAIT", name: "Median wait", unit: .days, direction: .decrease, frequency: .monthly, stage: .intermediateOutcome, orgUnit: "FO")
    static let perHour = Indicator(
        code: "PER-HOUR", name: "Served per hour", direction: .increase, frequency: .monthly, aggregation: .ratio,
        stage: .output, orgUnit: "FO", formula: "[SERVED] / [HOURS]"
    )
    static let calendar = FiscalCalendar(startMonth: 10)

    /// A stored verdict as the read model keeps it (JSON), with what the comparison reads.
    static func verdict(_ indicator: String, _ unit: String, _ period: String, _ value: Double, _ status: IndicatorStatus = .onTrack) -> IndicatorVerdict {
        let json: [String: Any] = [
            "indicator": indicator, "orgUnit": unit, "latestPeriod": period, "latestValue": value,
            "status": status.rawValue, "reasons": ["\(unit) is \(status.rawValue)."], "sparkline": [value],
        ]
        return try! JSONDecoder().decode(IndicatorVerdict.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test("peers are the other units under the same parent; top units are each other's peers")
    func peers() {
        #expect(PeerGroup.peers(of: "NORTH", in: Self.units) == ["SOUTH", "EAST"])
        #expect(PeerGroup.peers(of: "FO", in: Self.units) == ["DS"])
        #expect(PeerGroup.peers(of: "DMV", in: Self.units) == ["OTHER"])
        #expect(PeerGroup.peers(of: "NOPE", in: Self.units) == nil)
    }

    @Test("the league ranks by direction for the latest period; a unit behind is listed, not ranked, and says by how much")
    func league() throws {
        let comparison = try #require(PeerComparison.compare(indicator: Self.wait, verdicts: [
            "NORTH": Self.verdict("WAIT", "NORTH", "2026-09", 14, .onTrack),
            "SOUTH": Self.verdict("WAIT", "SOUTH", "2026-09", 19, .offTrack),
            "EAST": Self.verdict("WAIT", "EAST", "2026-07", 9, .onTrack),
        ], calendar: Self.calendar))
        #expect(comparison.period == "2026-09")
        #expect(comparison.standings.map(\.unit) == ["NORTH", "SOUTH", "EAST"])
        #expect(comparison.standings.map(\.rank) == [1, 2, nil])
        #expect(comparison.standings.map(\.periodsBehind) == [0, 0, 2])
        #expect(comparison.standings[1].status == .offTrack)
        #expect(comparison.standings[1].reason == "SOUTH is offTrack.")
        #expect(comparison.funnel == nil)
        #expect(comparison.funnelNote.contains("not a ratio of two counts"))
        // Higher is better turns the table round.
        var served = Self.wait
        served.direction = .increase
        let turned = try #require(PeerComparison.compare(indicator: served, verdicts: [
            "NORTH": Self.verdict("WAIT", "NORTH", "2026-09", 14), "SOUTH": Self.verdict("WAIT", "SOUTH", "2026-09", 19),
        ], calendar: Self.calendar))
        #expect(turned.standings.map(\.unit) == ["SOUTH", "NORTH"])
    }

    @Test("fewer than two units with values: nothing to compare")
    func alone() {
        #expect(PeerComparison.compare(indicator: Self.wait, verdicts: ["NORTH": Self.verdict("WAIT", "NORTH", "2026-09", 14)], calendar: Self.calendar) == nil)
    }

    @Test("a ratio of counts gets a funnel of the ranked units whose counts are for the period compared")
    func funnel() throws {
        let comparison = try #require(PeerComparison.compare(
            indicator: Self.perHour,
            verdicts: [
                "NORTH": Self.verdict("PER-HOUR", "NORTH", "2026-09", 5), "SOUTH": Self.verdict("PER-HOUR", "SOUTH", "2026-09", 4),
                "EAST": Self.verdict("PER-HOUR", "EAST", "2026-09", 6),
            ],
            numerators: [
                "NORTH": Self.verdict("SERVED", "NORTH", "2026-09", 5000), "SOUTH": Self.verdict("SERVED", "SOUTH", "2026-09", 4000),
                "EAST": Self.verdict("SERVED", "EAST", "2026-08", 600),
            ],
            denominators: [
                "NORTH": Self.verdict("HOURS", "NORTH", "2026-09", 1000), "SOUTH": Self.verdict("HOURS", "SOUTH", "2026-09", 1000),
                "EAST": Self.verdict("HOURS", "EAST", "2026-09", 100),
            ],
            calendar: Self.calendar
        ))
        let funnel = try #require(comparison.funnel)
        // East's count of customers is for August: it is ranked but not on the funnel.
        #expect(funnel.units.map(\.unit) == ["NORTH", "SOUTH"])
        #expect(funnel.measure == .rate)
        #expect(abs(funnel.centre - 4.5) < 1e-12)
        #expect(comparison.funnelScale == 1)
        #expect(comparison.funnelNote.contains("rates with Poisson limits"))
        #expect(comparison.standings.map(\.unit) == ["EAST", "NORTH", "SOUTH"])
    }

    @Test("a ratio's parts and scale are read from its formula; only [A] / [B] (× k) qualifies")
    func ratioParts() {
        let share = FunnelPlot.ratioParts(of: "[ONLINE] / [ALL] * 100")
        #expect(share?.numerator == "ONLINE" && share?.denominator == "ALL" && share?.scale == 100)
        #expect(FunnelPlot.ratioParts(of: "[A] / [B]")?.scale == 1)
        #expect(FunnelPlot.ratioParts(of: "[A] + [B]") == nil)
        #expect(FunnelPlot.ratioParts(of: "([A] - [C]) / [B]") == nil)
        #expect(FunnelPlot.ofCounts([("N", 30, 100), ("S", 50, 100)], scale: 100).measure == .proportion)
    }
}
