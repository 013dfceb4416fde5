import GoalStatCore
@testable import GoalStatServer
import Testing

@Suite("Funnel plot SVG")
struct FunnelPlotSVGTests {
    @Test("one marker per unit, flagged by its position, limits and centre drawn, text escaped")
    func drawsUnits() {
        let funnel = FunnelPlot.proportions(units: [("A<1>", 90, 100), ("B", 500, 1000), ("C", 20, 400)])
        let svg = FunnelPlotSVG.render(funnel, title: "Share & more")
        #expect(svg.components(separatedBy: "class=\"funnel-unit").count - 1 == 3)
        #expect(svg.contains("funnel-limit-95"))
        #expect(svg.contains("funnel-limit-998"))
        #expect(svg.contains("funnel-centre"))
        #expect(svg.contains("A&lt;1&gt;"))
        #expect(svg.contains("Share &amp; more"))
        #expect(!svg.contains("A<1>"))
    }

    @Test("no units gives an empty, labelled image rather than a crash")
    func empty() {
        let svg = FunnelPlotSVG.render(FunnelPlot.proportions(units: []), title: "Nothing")
        #expect(svg.contains("no units to compare"))
    }
}
