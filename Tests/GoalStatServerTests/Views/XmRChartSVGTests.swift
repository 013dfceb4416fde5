import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GoalStatCore
@testable import GoalStatServer
import Testing

@Suite("XmR chart SVG")
struct XmRChartSVGTests {
    private static let calendar = FiscalCalendar.federal

    /// Monthly periods from January 2020, one per value.
    private static func labels(_ count: Int) -> [String] {
        (0..<count).map { String(format: "%04d-%02d", 2020 + $0 / 12, $0 % 12 + 1) }
    }

    /// The analysis of `values` through the analyzer, as the page and the API get it; optionally with a target for the
    /// latest period, and with the chart recomputed with rebases at the given indices.
    private func analysis(
        _ values: [Double], direction: ImprovementDirection = .decrease, target: Double? = nil, rebaseAt: [Int] = []
    ) throws -> IndicatorAnalysis {
        let indicator = Indicator(
            code: "WAIT", name: "Median wait", unit: .other("minutes"), decimals: 1, direction: direction,
            frequency: .monthly, stage: .output, orgUnit: "OPS"
        )
        let labels = Self.labels(values.count)
        let source = MeasurementSource(kind: .demo, label: "test", enteredBy: nil, enteredAt: Date(timeIntervalSince1970: 0))
        let series = try zip(labels, values).map { label, value in
            Measurement(indicator: "WAIT", period: try Period.parse(label, calendar: Self.calendar), value: value, source: source)
        }
        var versions: [TargetVersion] = []
        if let target, let last = labels.last {
            let version = Target(indicator: "WAIT", period: last, value: target, setOn: "2019-01-01")
            versions.append(try #require(TargetVersion(version, calendar: Self.calendar)))
        }
        var result = IndicatorAnalyzer(calendar: Self.calendar).analyze(
            indicator: indicator, series: series, targets: TargetHistory(versions), asOf: try CalendarDate.parse("2040-01-01")
        )
        if !rebaseAt.isEmpty {
            let unit = XmRChart.compute(values: values, rebaseStarts: rebaseAt, options: XmROptions(direction: direction, target: target))
            result.chart = SPCReport.make(units: [(nil, labels, unit)])
            result.variation = unit.groups.last?.variation
            result.assurance = unit.groups.last?.assurance
        }
        return result
    }

    private func render(_ analysis: IndicatorAnalysis, title: String = "Median wait") -> String {
        XmRChartSVG.render(analysis, title: title, unit: "minutes", decimals: 1)
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The SVG is also served on its own as `image/svg+xml`, where a single stray `<` or `&` breaks the whole image.
    private func isWellFormedXML(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    /// A stable process around 30 minutes, then 8 points around 20: a shift below the centre, and improvement for an
    /// indicator where lower is better.
    private static let improving: [Double] = [30, 31, 29, 30.5, 29.5, 31, 30, 29, 30.5, 31, 29.5, 30, 20, 20.5, 19.5, 20, 21, 19, 20.5, 20]

    @Test func drawsOneMarkerPerPoint() throws {
        let svg = render(try analysis(Self.improving))
        #expect(count(#"class="xmr-point "#, in: svg) == Self.improving.count)
        #expect(count("<title", in: svg) == 1 + Self.improving.count)
        #expect(svg.contains(#"role="img""#))
        #expect(isWellFormedXML(svg))
    }

    @Test func marksEachSpecialCauseWithItsTypeAndRule() throws {
        let analysis = try analysis(Self.improving)
        let svg = render(analysis)
        let signals = analysis.chart.points.filter { $0.specialCause != nil }
        try #require(!signals.isEmpty)
        for type in PointType.allCases {
            let expected = analysis.chart.points.filter { $0.pointType == type }.count
            #expect(count(#"class="xmr-point xmr-point-\#(type.rawValue)"#, in: svg) == expected, "\(type)")
        }
        for cause in Set(signals.compactMap(\.specialCause)) {
            let expected = signals.filter { $0.specialCause == cause }.count
            #expect(count("xmr-cause-\(cause.rawValue)\"", in: svg) == expected, "\(cause)")
        }
        // Shape, not only colour: common cause is a circle, a special cause of improvement a square path.
        #expect(count("<circle class=\"xmr-point xmr-point-commonCause\"", in: svg) == analysis.chart.points.filter { $0.pointType == .commonCause }.count)
        #expect(svg.contains("<path class=\"xmr-point xmr-point-improvement"))
    }

    @Test func describesTheLatestSignalInWords() throws {
        let analysis = try analysis(Self.improving)
        let svg = render(analysis)
        #expect(svg.contains("Process behaviour chart of 20 values from 2020-01 to 2021-08"))
        #expect(svg.contains("limits"))
        // The run of special causes of improvement the chart ends in, whichever rules flagged its points.
        let run = analysis.chart.points.reversed().prefix { $0.pointType == .improvement }
        try #require(run.count > 1)
        let cause = try #require(analysis.chart.points.last?.specialCause)
        let latest = Set(run.compactMap(\.specialCause)).count == 1 ? "" : "the latest: "
        #expect(svg.contains("The last \(run.count) points are a special cause of improvement (\(latest)\(cause.phrase))"))
    }

    @Test func drawsEachGroupsLimitsOnlyAcrossItsOwnPeriods() throws {
        let values: [Double] = [30, 31, 29, 30.5, 29.5, 31, 30, 29, 30.5, 31, 20, 20.5, 19.5, 20, 21, 19, 20.5, 20, 19.5, 20.5]
        let analysis = try analysis(values, rebaseAt: [10])
        #expect(Set(analysis.chart.points.map(\.group)) == [0, 1])
        let svg = render(analysis)
        let frame = XmRChartSVG.frame(width: 720, height: 320, count: values.count)
        let groups = svg.components(separatedBy: "<g class=\"xmr-group").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
        try #require(groups.count == 2)
        for (number, group) in groups.enumerated() {
            #expect(group.contains("data-group=\"\(number)\""))
            #expect(count("class=\"xmr-limit ", in: group) == 2)
            #expect(count("class=\"xmr-near ", in: group) == 2)
            #expect(count("class=\"xmr-centre\"", in: group) == 1)
            let x1 = numbers(of: "x1", in: group)
            let x2 = numbers(of: "x2", in: group)
            #expect(x1.count == 5 && x2.count == 5)
            let first = number == 0 ? 0 : 10
            let last = number == 0 ? 9 : 19
            for x in x1 {
                #expect(x <= frame.centre(first))
                if first > 0 { #expect(x > frame.centre(first - 1)) }
            }
            for x in x2 {
                #expect(x >= frame.centre(last))
                if last < values.count - 1 { #expect(x < frame.centre(last + 1)) }
            }
        }
        // The two groups have their own centre lines, at different heights.
        let centres = groups.map { group in numbers(of: "y1", in: group.components(separatedBy: "class=\"xmr-centre\"")[1]).first }
        #expect(centres[0] != centres[1])
        #expect(count("class=\"xmr-rebase\"", in: svg) == 1)
        #expect(svg.contains("in 2 groups (the chart was rebased)"))
        #expect(svg.contains("Trial limits in groups 1, 2 (12 or fewer points)"))
        #expect(isWellFormedXML(svg))
    }

    @Test func drawsTheTargetLineOnlyWhenThereIsATarget() throws {
        let with = render(try analysis(Self.improving, target: 25))
        #expect(count(#"class="xmr-target""#, in: with) == 1)
        #expect(with.contains("Target 25.0 minutes, drawn as a red dashed line"))
        #expect(with.contains(">Target</text>"))
        let without = render(try analysis(Self.improving))
        #expect(!without.contains("xmr-target"))
        #expect(!without.contains(">Target</text>"))
    }

    @Test func notesTrialLimitsForASmallGroup() throws {
        let small = render(try analysis([12, 13, 11, 12.5, 12]))
        #expect(small.contains("Trial limits (12 or fewer points)"))
        #expect(small.contains("(trial limits: 12 or fewer points)"))
        let large = render(try analysis(Self.improving))
        #expect(!large.contains("Trial limits"))
    }

    @Test func drawsNoLimitsForAFlatSeries() throws {
        let svg = render(try analysis([14, 14, 14, 14]))
        #expect(count(#"class="xmr-limit "#, in: svg) == 0)
        #expect(count(#"class="xmr-centre""#, in: svg) == 1)
        #expect(count(#"class="xmr-point "#, in: svg) == 4)
        #expect(!svg.contains("nan") && !svg.contains("inf\""))
        #expect(isWellFormedXML(svg))
    }

    @Test func escapesMarkupInTheTitleAndPeriods() throws {
        var analysis = try analysis([1, 2, 3])
        analysis.chart.points[0].period = "Q1 <draft> & \"x\""
        let svg = render(analysis, title: #"Wait <median> & "peak""#)
        #expect(svg.contains("Wait &lt;median&gt; &amp; &quot;peak&quot;"))
        #expect(svg.contains("Q1 &lt;draft&gt; &amp; &quot;x&quot;"))
        #expect(!svg.contains("<median>"))
        #expect(!svg.contains("<draft>"))
        #expect(isWellFormedXML(svg))
    }

    @Test func rendersAnEmptyChartWithoutMarkers() throws {
        let analysis = try analysis([])
        let svg = render(analysis)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("No values yet"))
        #expect(count(#"class="xmr-point "#, in: svg) == 0)
        #expect(isWellFormedXML(svg))
        #expect(XmRIcons.Variation(analysis) == nil)
    }

    @Test func rendersASinglePoint() throws {
        let svg = render(try analysis([14.2], target: 12))
        #expect(count(#"class="xmr-point "#, in: svg) == 1)
        #expect(svg.contains(#"class="xmr-target""#))
        #expect(!svg.contains("nan") && !svg.contains("inf\""))
        #expect(isWellFormedXML(svg))
    }

    @Test func drawsEveryIconAsLabelledWellFormedSVG() throws {
        for variation in XmRIcons.Variation.allCases {
            let svg = XmRIcons.variation(variation)
            #expect(svg.contains(#"role="img""#))
            #expect(svg.contains("aria-label=\"Variation: \(variation.title)\""))
            #expect(isWellFormedXML(svg))
        }
        for assurance in Assurance.allCases {
            let svg = XmRIcons.assurance(assurance)
            #expect(svg.contains(#"role="img""#))
            #expect(svg.contains("aria-label=\"Assurance: \(assurance.title)\""))
            #expect(isWellFormedXML(svg))
        }
        #expect(XmRIcons.variation(.improvementHigh).contains(">H</text>"))
        #expect(XmRIcons.variation(.concernLow).contains(">L</text>"))
        #expect(XmRIcons.assurance(.consistentPass).contains(">P</text>"))
        #expect(XmRIcons.assurance(.consistentFail).contains(">F</text>"))
    }

    @Test func readsTheVariationIconFromTheLastPoint() throws {
        let improving = try analysis(Self.improving)
        #expect(XmRIcons.Variation(improving) == .improvementLow)
        let concern = try analysis(Self.improving, direction: .increase)
        #expect(XmRIcons.Variation(concern) == .concernLow)
        let neutral = try analysis(Self.improving, direction: .neutral)
        #expect(XmRIcons.Variation(neutral) == .neutralLow)
        #expect(render(neutral).contains(">Neutral, high</text>"))
    }

    /// The numbers of every `name="…"` attribute in `markup`.
    private func numbers(of name: String, in markup: String) -> [Double] {
        markup.components(separatedBy: " \(name)=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }
}
