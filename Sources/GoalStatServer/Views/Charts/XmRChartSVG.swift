import Foundation
import GoalStatCore

/// The process behaviour (XmR) chart of an indicator (SPEC §4): the values as a line with a marker per point; for each
/// rebase group its centre line (solid), process limits (dashed) and near-limit lines (dotted), drawn only across that
/// group's periods; every point coloured by its type in the NHS "Making Data Count" palette *and* shaped by it
/// (circle, square, diamond, triangle), so that colour is never the only cue; the target as a red dashed line.
///
/// Hand-written, like `LineChartSVG`, because there is no server-side charting library in Swift and the pages do
/// without JavaScript. Colours are presentation attributes, so the SVG also stands alone at
/// `/api/v1/indicators/{key}/chart.svg`; the classes let the page's stylesheet adjust it. All text is escaped here.
enum XmRChartSVG {
    /// The fill of a point type's marker and icon ring, and a darker shade of it for glyphs and text on white.
    struct Palette: Sendable {
        var fill: String
        var ink: String
    }

    /// NHS Making Data Count: improvement blue, concern orange, neutral purple, common cause grey. The light fills
    /// get a dark outline on the chart (and dark glyphs in the icons), which keeps them 3:1 against white.
    static func colours(for type: PointType) -> Palette {
        switch type {
        case .commonCause: Palette(fill: "#7b7d7d", ink: "#4d5050")
        case .improvement: Palette(fill: "#289de0", ink: "#0f5f8f")
        case .concern: Palette(fill: "#fab428", ink: "#8a5300")
        case .neutralHigh, .neutralLow: Palette(fill: "#361475", ink: "#361475")
        }
    }

    static let targetColour = "#c8102e"
    static let lineColour = "#6b7580"
    static let centreColour = "#1b1f24"
    static let limitColour = "#3d4751"
    static let nearColour = "#9aa5b1"
    static let markerOutline = "#1b1f24"
    static let inkColour = ChartAxes.inkColour

    static func render(
        _ analysis: IndicatorAnalysis, title: String, unit: String, decimals: Int, width: Int = 720, height: Int = 320
    ) -> String {
        let points = analysis.chart.points
        let format = Format(unit: unit, decimals: decimals)
        let groups = groups(of: points)
        var frame = Self.frame(width: width, height: height, count: points.count)
        let legendRows = points.isEmpty ? [] : layoutLegend(legendEntries(analysis, groups), width: frame.plotWidth)
        frame.bottom = 34 + Double(legendRows.count) * 18 + (legendRows.isEmpty ? 0 : 6)
        frame.height = max(frame.height, Int((frame.top + frame.bottom + 80).rounded(.up)))

        let id = "xmr-" + idFragment(analysis.indicator + (analysis.orgUnit.map { "-" + $0 } ?? ""))
        var body = SVGMarkup.text("title", ["id": id + "-title"], title)
        body += SVGMarkup.text("desc", ["id": id + "-desc"], describe(analysis, format: format))
        if let scale = Scale(numbers: numbers(points, groups, targets(analysis)), divisions: 5, reachForZero: false) {
            body += ChartAxes.grid(frame, scale, unit: format.unit, unitLabelRise: 12)
            body += limitLines(frame, scale, groups, points)
            body += targetLines(frame, scale, targets(analysis))
            body += valueLine(frame, scale, points)
            body += markers(frame, scale, points, format)
            body += ChartAxes.axisLine(frame)
            body += ChartAxes.periodLabels(frame, points.map(\.period))
            body += legend(frame, legendRows)
        } else {
            body += ChartAxes.empty(frame)
        }
        return ChartAxes.document(class: "xmr-chart", frame: frame, id: id, content: body)
    }

    // MARK: - Words

    /// The chart in words, for `<desc>`: how many values, the limits, what the latest points signal, the target.
    static func describe(_ analysis: IndicatorAnalysis, format: Format) -> String {
        let points = analysis.chart.points
        guard let first = points.first, let last = points.last else { return "Process behaviour chart: no values yet." }
        var text = "Process behaviour chart of \(count(points.count, "value")) from \(first.period) to \(last.period)"
        let groups = groups(of: points)
        if groups.count == 1 {
            text += "; " + limitsText(first, format: format)
            if first.trialLimits { text += " (trial limits: 12 or fewer points)" }
        } else {
            text += ", in \(groups.count) groups (the chart was rebased): "
            text += groups.map { group in
                let point = points[group.lowerBound]
                let from = point.period, to = points[group.upperBound - 1].period
                return "\(from == to ? from : "\(from) to \(to)"), " + limitsText(point, format: format)
                    + (point.trialLimits ? " (trial limits)" : "")
            }.joined(separator: "; ")
        }
        text += ". " + signalText(points) + "."
        let targets = targets(analysis)
        if let target = analysis.target, !targets.isEmpty {
            text += " Target \(targetText(target, format: format)), drawn as a red dashed line"
            if let assurance = analysis.assurance { text += ": " + assurance.title.lowercased() }
            text += "."
        }
        return text + " The table next to the chart lists every point."
    }

    /// "mean 29.8, limits 27.3 to 32.3"; a group that does not vary has no limits to speak of.
    private static func limitsText(_ point: SPCReport.Point, format: Format) -> String {
        guard point.upperLimit > point.lowerLimit else {
            return "mean \(format.statistic(point.mean)), no spread to set limits from"
        }
        return "mean \(format.statistic(point.mean)), limits \(format.statisticRange(point.lowerLimit, point.upperLimit))"
    }

    /// What the end of the chart says: the run of signalling points it ends in, or common-cause variation.
    private static func signalText(_ points: [SPCReport.Point]) -> String {
        guard let last = points.last else { return "" }
        guard let cause = last.specialCause else {
            let signals = points.filter { $0.specialCause != nil }.count
            let earlier = signals == 0 ? "" : "; \(count(signals, "earlier point")) signal\(signals == 1 ? "s" : "") a special cause"
            return "The latest point shows common-cause variation" + earlier
        }
        let run = points.reversed().prefix { $0.pointType == last.pointType && $0.specialCause != nil && $0.orgUnit == last.orgUnit }
        let rules = Set(run.compactMap(\.specialCause))
        let subject = run.count == 1 ? "The latest point is" : "The last \(run.count) points are"
        return "\(subject) a \(last.pointType.phrase) (\(rules.count == 1 ? "" : "the latest: ")\(cause.phrase))"
    }

    private static func targetText(_ target: AnalysedTarget, format: Format) -> String {
        if let min = target.min, let max = target.max { return "\(format.value(min)) to \(format.value(max))" }
        return target.value.map { format.value($0) } ?? ""
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// Values in the indicator's unit and decimals; centre and limits with one decimal more, so that a value shown
    /// as equal to a limit is not read as being on it.
    struct Format: Sendable {
        var unit: String
        var decimals: Int

        func value(_ value: Double) -> String {
            ValueFormatting.format(value, decimals: decimals, unit: unit)
        }

        func statistic(_ value: Double) -> String {
            ValueFormatting.format(value, decimals: statisticDecimals, unit: unit)
        }

        /// "20.08 to 27.52 minutes": a worded unit once, a sign (`%`, `$`) on both ends.
        func statisticRange(_ low: Double, _ high: Double) -> String {
            let start = ["percent", "currency"].contains(unit)
                ? statistic(low) : ValueFormatting.grouped(low, decimals: statisticDecimals)
            return "\(start) to \(statistic(high))"
        }

        private var statisticDecimals: Int { min(decimals + 1, 6) }
    }

    // MARK: - Layout

    typealias Frame = ChartFrame

    /// The plot area for a chart of `count` points (the bottom margin grows with the legend).
    static func frame(width: Int, height: Int, count: Int) -> Frame {
        Frame(width: max(width, 240), height: max(height, 180), count: count, right: 24, top: 28, bottom: 40)
    }

    /// Unlike the values chart, the axis does not reach for zero: an XmR chart is about the variation, which a zero
    /// baseline would flatten.
    typealias Scale = ChartScale

    /// The index ranges of the points that share limits: one per rebase group (and org unit, should a report hold
    /// several).
    static func groups(of points: [SPCReport.Point]) -> [Range<Int>] {
        guard !points.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        for index in points.indices.dropFirst()
        where points[index].group != points[index - 1].group || points[index].orgUnit != points[index - 1].orgUnit {
            ranges.append(start..<index)
            start = index
        }
        ranges.append(start..<points.count)
        return ranges
    }

    /// The target as the levels to draw: one value, or both ends of a range.
    private static func targets(_ analysis: IndicatorAnalysis) -> [Double] {
        guard let target = analysis.target else { return [] }
        let levels = target.min != nil || target.max != nil ? [target.min, target.max] : [target.value]
        return levels.compactMap { $0 }.filter(\.isFinite)
    }

    private static func numbers(_ points: [SPCReport.Point], _ groups: [Range<Int>], _ targets: [Double]) -> [Double] {
        var numbers = points.map(\.value)
        for group in groups {
            let point = points[group.lowerBound]
            numbers += [point.mean, point.lowerLimit, point.upperLimit]
        }
        return numbers + targets
    }

    // MARK: - Layers

    /// Per group, across its own periods only: near-limit lines (dotted), process limits (dashed), centre (solid);
    /// and a divider where a new group starts. A group whose values do not vary has no limits to draw.
    private static func limitLines(_ frame: Frame, _ scale: Scale, _ groups: [Range<Int>], _ points: [SPCReport.Point]) -> String {
        var svg = ""
        for (number, group) in groups.enumerated() {
            let point = points[group.lowerBound]
            let x1 = n(frame.bandStart(group.lowerBound))
            let x2 = n(frame.bandStart(group.upperBound))
            func line(_ className: String, _ level: Double, stroke: String, width: String, dashes: String) -> String {
                let y = n(scale.y(level, in: frame))
                return SVGMarkup.element("line", [
                    "class": className, "x1": x1, "y1": y, "x2": x2, "y2": y,
                    "stroke": stroke, "stroke-width": width, "stroke-dasharray": dashes,
                ])
            }
            var lines = ""
            if point.upperLimit > point.lowerLimit {
                lines += line("xmr-near xmr-near-lower", point.lowerNearLimit, stroke: nearColour, width: "1", dashes: "2 3")
                lines += line("xmr-near xmr-near-upper", point.upperNearLimit, stroke: nearColour, width: "1", dashes: "2 3")
                lines += line("xmr-limit xmr-limit-lower", point.lowerLimit, stroke: limitColour, width: "1.5", dashes: "6 4")
                lines += line("xmr-limit xmr-limit-upper", point.upperLimit, stroke: limitColour, width: "1.5", dashes: "6 4")
            }
            lines += line("xmr-centre", point.mean, stroke: centreColour, width: "1.5", dashes: "none")
            svg += SVGMarkup.element("g", [
                "class": point.trialLimits ? "xmr-group xmr-group-trial" : "xmr-group", "data-group": String(number),
            ], content: lines)
            if number > 0 {
                let x = n(frame.bandStart(group.lowerBound))
                svg += SVGMarkup.element("line", [
                    "class": "xmr-rebase", "x1": x, "y1": n(frame.top), "x2": x, "y2": n(frame.bottomY),
                    "stroke": inkColour, "stroke-width": "1", "stroke-dasharray": "1 3",
                ])
                svg += SVGMarkup.text("text", [
                    "class": "xmr-rebase-label", "x": n(frame.bandStart(group.lowerBound) + 3), "y": n(frame.top - 4),
                    "font-size": "10", "fill": inkColour,
                ], "Rebased")
            }
        }
        return SVGMarkup.element("g", ["class": "xmr-limits"], content: svg)
    }

    /// The target across the whole chart: it is the one in force for the latest period.
    private static func targetLines(_ frame: Frame, _ scale: Scale, _ levels: [Double]) -> String {
        guard !levels.isEmpty else { return "" }
        var svg = ""
        for level in levels {
            let y = n(scale.y(level, in: frame))
            svg += SVGMarkup.element("line", [
                "class": "xmr-target", "x1": n(frame.left), "y1": y, "x2": n(frame.left + frame.plotWidth), "y2": y,
                "stroke": targetColour, "stroke-width": "2", "stroke-dasharray": "8 4",
            ])
        }
        return svg
    }

    /// The values joined in order; broken only where one org unit's series ends and another's begins.
    private static func valueLine(_ frame: Frame, _ scale: Scale, _ points: [SPCReport.Point]) -> String {
        var d = ""
        for (index, point) in points.enumerated() where point.value.isFinite {
            let joins = index > 0 && points[index - 1].orgUnit == point.orgUnit && points[index - 1].value.isFinite
            d += "\(joins ? "L" : "M")\(n(frame.centre(index))) \(n(scale.y(point.value, in: frame)))"
        }
        guard !d.isEmpty else { return "" }
        return SVGMarkup.element("path", [
            "class": "xmr-line", "d": d, "fill": "none", "stroke": lineColour, "stroke-width": "1.5",
            "stroke-linejoin": "round", "stroke-linecap": "round",
        ])
    }

    /// One marker per point, coloured and shaped by its type, with the period, value and signal as its tooltip.
    private static func markers(_ frame: Frame, _ scale: Scale, _ points: [SPCReport.Point], _ format: Format) -> String {
        var svg = ""
        for (index, point) in points.enumerated() where point.value.isFinite {
            var tip = "\(point.period): \(format.value(point.value)). \(point.pointType.title)"
            if let cause = point.specialCause { tip += " (\(cause.phrase))" }
            var className = "xmr-point xmr-point-\(point.pointType.rawValue)"
            if let cause = point.specialCause { className += " xmr-cause-\(cause.rawValue)" }
            svg += marker(point.pointType, className: className, x: frame.centre(index), y: scale.y(point.value, in: frame), tip: tip)
        }
        return SVGMarkup.element("g", ["class": "xmr-points", "stroke": markerOutline, "stroke-width": "1"], content: svg)
    }

    /// A point's marker, with its class and tooltip.
    private static func marker(_ type: PointType, className: String, x: Double, y: Double, tip: String) -> String {
        let fill = colours(for: type).fill
        let title = SVGMarkup.text("title", [:], tip)
        guard let d = shape(type, x: x, y: y) else {
            return SVGMarkup.element("circle", ["class": className, "cx": n(x), "cy": n(y), "r": "3.5", "fill": fill], content: title)
        }
        return SVGMarkup.element("path", ["class": className, "d": d, "fill": fill], content: title)
    }

    /// The outline of a marker centred on (x, y): improvement a square, concern a diamond, neutral a triangle pointing
    /// up or down; nil for common cause, which is a circle.
    private static func shape(_ type: PointType, x: Double, y: Double) -> String? {
        switch type {
        case .commonCause: nil
        case .improvement: "M\(n(x - 4.5)) \(n(y - 4.5))h9v9h-9z"
        case .concern: "M\(n(x)) \(n(y - 6))l6 6l-6 6l-6-6z"
        case .neutralHigh: "M\(n(x)) \(n(y - 6.5))l5.8 10h-11.6z"
        case .neutralLow: "M\(n(x)) \(n(y + 6.5))l5.8-10h-11.6z"
        }
    }

    // MARK: - Legend

    enum LegendSwatch {
        case line(stroke: String, width: String, dashes: String)
        case marker(PointType)
        case note
    }

    struct LegendEntry {
        var label: String
        var swatch: LegendSwatch

        /// The width it takes, estimated from its text: about 6.4 px a character at 12 px.
        var width: Double {
            let swatchWidth: Double = switch swatch {
            case .line: 26
            case .marker: 16
            case .note: 0
            }
            return swatchWidth + Double(label.count) * 6.4 + 18
        }
    }

    /// What the chart draws, in the order a reader meets it; the marker types a chart of this direction can have;
    /// and which groups have trial limits.
    static func legendEntries(_ analysis: IndicatorAnalysis, _ groups: [Range<Int>]) -> [LegendEntry] {
        var entries = [
            LegendEntry(label: "Values", swatch: .line(stroke: lineColour, width: "1.5", dashes: "none")),
            LegendEntry(label: "Centre", swatch: .line(stroke: centreColour, width: "1.5", dashes: "none")),
            LegendEntry(label: "Process limits", swatch: .line(stroke: limitColour, width: "1.5", dashes: "6 4")),
            LegendEntry(label: "Near limits", swatch: .line(stroke: nearColour, width: "1", dashes: "2 3")),
        ]
        if !targets(analysis).isEmpty {
            entries.append(LegendEntry(label: "Target", swatch: .line(stroke: targetColour, width: "2", dashes: "8 4")))
        }
        let types: [PointType] = analysis.direction == .neutral
            ? [.commonCause, .neutralHigh, .neutralLow]
            : [.commonCause, .improvement, .concern]
        entries += types.map { LegendEntry(label: $0.shortTitle, swatch: .marker($0)) }
        let points = analysis.chart.points
        let trial = groups.enumerated().filter { points[$0.element.lowerBound].trialLimits }.map { $0.offset + 1 }
        if groups.count == 1, trial == [1] {
            entries.append(LegendEntry(label: "Trial limits (12 or fewer points)", swatch: .note))
        } else if !trial.isEmpty {
            let list = trial.map(String.init).joined(separator: ", ")
            entries.append(LegendEntry(label: "Trial limits in group\(trial.count == 1 ? "" : "s") \(list) (12 or fewer points)", swatch: .note))
        }
        return entries
    }

    /// The entries flowed into rows that fit the plot's width, each with its x offset.
    static func layoutLegend(_ entries: [LegendEntry], width: Double) -> [[(entry: LegendEntry, x: Double)]] {
        var rows: [[(entry: LegendEntry, x: Double)]] = []
        var row: [(entry: LegendEntry, x: Double)] = []
        var x = 0.0
        for entry in entries {
            if !row.isEmpty, x + entry.width - 18 > width {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((entry, x))
            x += entry.width
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    private static func legend(_ frame: Frame, _ rows: [[(entry: LegendEntry, x: Double)]]) -> String {
        var svg = ""
        for (number, row) in rows.enumerated() {
            let y = frame.bottomY + 40 + Double(number) * 18
            for (entry, offset) in row {
                let x = frame.left + offset
                switch entry.swatch {
                case let .line(stroke, width, dashes):
                    svg += SVGMarkup.element("line", [
                        "x1": n(x), "y1": n(y - 4), "x2": n(x + 20), "y2": n(y - 4),
                        "stroke": stroke, "stroke-width": width, "stroke-dasharray": dashes,
                    ])
                    svg += SVGMarkup.text("text", ["x": n(x + 26), "y": n(y)], entry.label)
                case let .marker(type):
                    svg += SVGMarkup.element("g", ["stroke": markerOutline, "stroke-width": "1"], content: legendMarker(type, x: x + 5, y: y - 4))
                    svg += SVGMarkup.text("text", ["x": n(x + 16), "y": n(y)], entry.label)
                case .note:
                    svg += SVGMarkup.text("text", ["class": "xmr-legend-trial", "x": n(x), "y": n(y), "font-style": "italic"], entry.label)
                }
            }
        }
        return SVGMarkup.element("g", ["class": "chart-legend xmr-legend", "fill": inkColour], content: svg)
    }

    /// A legend marker: the same shape and colour as on the chart, without a point's class or tooltip.
    private static func legendMarker(_ type: PointType, x: Double, y: Double) -> String {
        let fill = colours(for: type).fill
        guard let d = shape(type, x: x, y: y) else {
            return SVGMarkup.element("circle", ["cx": n(x), "cy": n(y), "r": "3.5", "fill": fill])
        }
        return SVGMarkup.element("path", ["d": d, "fill": fill])
    }

    // MARK: - Helpers

    private static func n(_ value: Double) -> String {
        SVGMarkup.number(value)
    }

    /// Letters, digits and hyphens from `text`, for element ids.
    private static func idFragment(_ text: String) -> String {
        var fragment = ""
        for scalar in text.lowercased().unicodeScalars.prefix(48) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                fragment.unicodeScalars.append(scalar)
            } else if !fragment.hasSuffix("-") {
                fragment += "-"
            }
        }
        return fragment.isEmpty ? "chart" : fragment
    }
}
