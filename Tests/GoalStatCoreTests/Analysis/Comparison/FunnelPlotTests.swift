import Testing
@testable import GoalStatCore

@Suite("Funnel plot limits")
struct FunnelPlotTests {
    @Test("the centre is the pooled proportion, not the mean of the units' proportions")
    func pooledCentre() {
        let plot = FunnelPlot.proportions(units: [("A", 90, 100), ("B", 500, 1_000)])
        #expect(plot.centre == 590.0 / 1_100)
        #expect(plot.centreSource == .pooled)
        #expect(plot.measure == .proportion && plot.per == 1)
    }

    @Test("a target, when given, is the centre")
    func targetCentre() {
        let plot = FunnelPlot.proportions(units: [("A", 90, 100)], target: 0.95)
        #expect(plot.centre == 0.95)
        #expect(plot.centreSource == .target)
    }

    @Test("limits are p ± z·√(p(1−p)/n) and narrow as the denominator grows")
    func limitsNarrow() {
        let plot = FunnelPlot.proportions(units: [("A", 50, 100)], target: 0.5)
        let curve = plot.limitCurve(denominators: [25, 100, 400])
        #expect(abs(curve[1].upper95 - (0.5 + 1.959963984540054 * 0.05)) < 1e-15)
        #expect(abs(curve[1].lower99 - (0.5 - 3.090232306167813 * 0.05)) < 1e-15)
        let widths = curve.map { $0.upper99 - $0.lower99 }
        #expect(widths[0] > widths[1] && widths[1] > widths[2])
        #expect(abs(widths[0] - 2 * widths[1]) < 1e-12)
    }

    @Test("a small unit far from the centre stays within the limits; a large one as far is flagged")
    func smallUnitsAreNotShamedByNoise() {
        let plot = FunnelPlot.proportions(units: [("small", 7, 10), ("large", 7_000, 10_000)], target: 0.8)
        #expect(plot.units.map(\.flag) == [.within, .below99])
    }

    @Test("the flags follow the limits outward in both directions; a value on a limit is within")
    func flags() {
        let limits = FunnelLimits(denominator: 1, lower99: 1, lower95: 2, upper95: 3, upper99: 4)
        #expect([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5].map(limits.flag(for:))
            == [.below99, .below95, .below95, .within, .within, .within, .above95, .above95, .above99])
    }

    @Test("proportion limits are clipped to 0…1")
    func clipped() {
        let limits = FunnelPlot.proportions(units: [("A", 10, 10)], target: 0.99).limits(denominator: 10)
        #expect(limits.upper99 == 1 && limits.upper95 == 1)
        #expect(limits.lower99 > 0.89 && limits.lower99 < 0.9)
    }

    @Test("units with no usable denominator or an impossible numerator are listed as excluded")
    func excluded() {
        let plot = FunnelPlot.proportions(units: [("A", 5, 10), ("zero", 0, 0), ("over", 11, 10), ("neg", -1, 10)])
        #expect(plot.units.map(\.unit) == ["A"])
        #expect(plot.excluded == ["zero", "over", "neg"])
        #expect(plot.centre == 0.5)
    }

    @Test("rates use Poisson limits λ ± z·√(λ/E) on the per-N scale, clipped at 0")
    func rates() {
        let plot = FunnelPlot.rates(units: [("A", 20, 1_000), ("B", 0, 10), ("C", 60, 1_000)], per: 1_000)
        #expect(abs(plot.centre - 80.0 / 2_010 * 1_000) < 1e-12)
        let lambda = 80.0 / 2_010
        let a = plot.units[0]
        #expect(abs(a.value - 20) < 1e-12)
        #expect(abs(a.upper95 - 1_000 * (lambda + 1.959963984540054 * (lambda / 1_000).squareRoot())) < 1e-9)
        #expect(plot.units[1].lower99 == 0)
        #expect(plot.units[1].flag == .within)
        #expect(a.flag == .below99)
    }

    @Test("no units and no target give an empty plot centred on 0")
    func empty() {
        let plot = FunnelPlot.proportions(units: [])
        #expect(plot.units.isEmpty && plot.centre == 0)
    }
}
