import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GoalStatServer
import Testing

@Suite("Line chart SVG")
struct LineChartSVGTests {
    private func chart(_ values: [Double?], title: String = "Median wait", target: Double? = nil) -> ChartModel {
        ChartModel(
            title: title, unit: "minutes", decimals: 1,
            points: values.enumerated().map { index, value in
                ChartModel.Point(label: String(format: "2026-%02d", index + 1), value: value, targetLow: target, targetHigh: target)
            }
        )
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The SVG is also served on its own as `image/svg+xml`, where a single stray `<` or `&` breaks the whole image.
    private func isWellFormedXML(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    @Test func drawsOneMarkerPerValueAndNoneForGaps() {
        let svg = LineChartSVG.render(chart([11.0, nil, 12.5, 14.2, nil]))
        #expect(count(#"class="chart-point""#, in: svg) == 3)
    }

    @Test func breaksTheLineAtAGapInsteadOfBridgingIt() throws {
        let svg = LineChartSVG.render(chart([11.0, nil, 12.5, 14.2]))
        let path = try #require(svg.components(separatedBy: #"class="chart-line" d=""#).dropFirst().first)
        let d = String(path.prefix { $0 != "\"" })
        #expect(count("M", in: d) == 2)
        #expect(count("L", in: d) == 1)
    }

    @Test func escapesMarkupInTheTitleAndLabels() {
        var model = chart([1, 2], title: #"Wait <median> & "peak""#)
        model.points[0].label = "Q1 <draft>"
        let svg = LineChartSVG.render(model)
        #expect(svg.contains("Wait &lt;median&gt; &amp; &quot;peak&quot;"))
        #expect(!svg.contains("<median>"))
        #expect(!svg.contains("<draft>"))
        #expect(isWellFormedXML(svg))
    }

    @Test func rendersAnEmptyChartWithoutMarkers() {
        let svg = LineChartSVG.render(chart([]))
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("No values yet"))
        #expect(count(#"class="chart-point""#, in: svg) == 0)
        #expect(isWellFormedXML(svg))
    }

    @Test func rendersPeriodsThatAllLackValues() {
        let svg = LineChartSVG.render(chart([nil, nil]))
        #expect(count(#"class="chart-point""#, in: svg) == 0)
        #expect(!svg.contains(#"="nan"#) && !svg.contains(#"="-nan"#))
        #expect(isWellFormedXML(svg))
    }

    @Test func rendersASinglePointWithItsTarget() {
        let svg = LineChartSVG.render(chart([14.2], target: 12))
        #expect(count(#"class="chart-point""#, in: svg) == 1)
        #expect(svg.contains(#"class="chart-target-line""#))
        #expect(!svg.contains(#"="nan"#) && !svg.contains(#"="inf"#))
        #expect(isWellFormedXML(svg))
    }

    @Test func drawsTheTargetAsADashedLineSteppingWhereItChanges() throws {
        var model = chart([10, 11, 12, 13], target: 12)
        model.points[2].targetLow = 11
        model.points[2].targetHigh = 11
        model.points[3].targetLow = 11
        model.points[3].targetHigh = 11
        let svg = LineChartSVG.render(model)
        let path = try #require(svg.components(separatedBy: #"class="chart-target-line" d=""#).dropFirst().first)
        let d = String(path.prefix { $0 != "\"" })
        #expect(count("M", in: d) == 1)
        #expect(count("V", in: d) == 1)
        #expect(svg.contains(#"stroke-dasharray="6 4""#))
    }

    @Test func labelsTheChartForAssistiveTechnology() {
        let svg = LineChartSVG.render(chart([11.0, 14.2]))
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains("<title id="))
        #expect(svg.contains("<desc id="))
        #expect(svg.contains("Latest: 14.2 minutes in 2026-02"))
        #expect(!svg.contains("style="))
    }
}
