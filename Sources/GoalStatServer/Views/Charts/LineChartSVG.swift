import Foundation

/// The indicator chart: values by period as a line with a marker per value, the target as a dashed stepped line
/// (and a shaded band for a range), round y-axis ticks and thinned period labels.
///
/// Hand-written because there is no charting library for server-side SVG in Swift, and a chart drawn in the browser
/// would need JavaScript, which these pages do without. Colours are SVG presentation attributes (which the
/// Content-Security-Policy allows, unlike `style=`) so that the same SVG also stands alone at
/// `SiteURL.indicatorChart`, where no stylesheet applies; the classes let the page's stylesheet adjust it.
/// All text is escaped here: the result goes into pages as raw markup.
enum LineChartSVG {
    static let valueColour = "#1f5fa8"
    static let targetColour = "#2e6b30"
    static let inkColour = ChartAxes.inkColour

    static func render(_ chart: ChartModel, width: Int = 720, height: Int = 300) -> String {
        let frame = Frame(width: max(width, 200), height: max(height, 140), count: chart.points.count, right: 32, top: 36, bottom: 44)
        let id = "chart-" + slug(chart.title)
        var body = SVGMarkup.text("title", ["id": id + "-title"], chart.title)
        body += SVGMarkup.text("desc", ["id": id + "-desc"], describe(chart))
        if let scale = Scale(
            numbers: chart.points.flatMap { [$0.value, $0.targetLow, $0.targetHigh] }.compactMap { $0 }, divisions: 4, reachForZero: true
        ) {
            body += ChartAxes.grid(frame, scale, unit: chart.unit, unitLabelRise: 14)
            body += targets(frame, scale, chart)
            body += valueLine(frame, scale, chart)
            body += markers(frame, scale, chart)
            body += ChartAxes.axisLine(frame)
            body += ChartAxes.periodLabels(frame, chart.points.map(\.label))
            body += legend(frame, hasTarget: chart.points.contains { finite($0.targetLow) != nil || finite($0.targetHigh) != nil })
        } else {
            body += ChartAxes.empty(frame)
        }
        return ChartAxes.document(class: "line-chart", frame: frame, id: id, content: body)
    }

    /// The chart in words, for `<desc>`: range, latest value and target.
    static func describe(_ chart: ChartModel) -> String {
        let known = chart.points.filter { $0.value?.isFinite == true }
        guard let first = chart.points.first, let last = chart.points.last, let latest = known.last, let value = latest.value else {
            return "No values yet."
        }
        let values = known.compactMap(\.value)
        var text = "Line chart of \(known.count) value\(known.count == 1 ? "" : "s") from \(first.label) to \(last.label)"
        let gaps = chart.points.count - known.count
        if gaps > 0 { text += ", with \(gaps) period\(gaps == 1 ? "" : "s") without a value" }
        text += ". Latest: \(format(value, chart)) in \(latest.label)."
        if let low = values.min(), let high = values.max(), values.count > 1 {
            text += " Lowest \(format(low, chart)), highest \(format(high, chart))."
        }
        if let target = targetText(latest, chart) ?? chart.points.last(where: { $0.targetLow != nil || $0.targetHigh != nil }).flatMap({ targetText($0, chart) }) {
            text += " Target: \(target), drawn as a dashed line."
        }
        return text + " The table next to the chart lists every value."
    }

    // MARK: - Layout

    typealias Frame = ChartFrame
    typealias Scale = ChartScale

    // MARK: - Layers

    /// The target as a dashed line stepped per period (it may change between periods), and a band for a range.
    private static func targets(_ frame: Frame, _ scale: Scale, _ chart: ChartModel) -> String {
        var band = ""
        for (index, point) in chart.points.enumerated() {
            guard let low = finite(point.targetLow), let high = finite(point.targetHigh), low < high else { continue }
            let top = scale.y(high, in: frame)
            band += SVGMarkup.element("rect", [
                "x": n(frame.bandStart(index)), "y": n(top), "width": n(frame.band), "height": n(scale.y(low, in: frame) - top),
            ])
        }
        let lowEdge = chart.points.map { finite($0.targetLow) ?? finite($0.targetHigh) }
        let highEdge = chart.points.map { point -> Double? in
            guard let low = finite(point.targetLow), let high = finite(point.targetHigh), low < high else { return nil }
            return high
        }
        let paths = [steppedPath(lowEdge, frame, scale), steppedPath(highEdge, frame, scale)].filter { !$0.isEmpty }
        guard !band.isEmpty || !paths.isEmpty else { return "" }
        var svg = ""
        if !band.isEmpty {
            svg += SVGMarkup.element("g", ["class": "chart-target-band", "fill": targetColour, "fill-opacity": "0.12"], content: band)
        }
        for path in paths {
            svg += SVGMarkup.element("path", [
                "class": "chart-target-line", "d": path, "fill": "none", "stroke": targetColour, "stroke-width": "2", "stroke-dasharray": "6 4",
            ])
        }
        return SVGMarkup.element("g", ["class": "chart-target"], content: svg)
    }

    /// `M … H … V … H …`: flat across each period's band, a vertical step where the target changes, a break where
    /// a period has none.
    private static func steppedPath(_ levels: [Double?], _ frame: Frame, _ scale: Scale) -> String {
        var d = ""
        var previous: Double?
        for (index, level) in levels.enumerated() {
            guard let level else {
                previous = nil
                continue
            }
            let y = n(scale.y(level, in: frame))
            if previous == nil {
                d += "M\(n(frame.bandStart(index))) \(y)"
            } else if previous != level {
                d += "V\(y)"
            }
            d += "H\(n(frame.bandStart(index + 1)))"
            previous = level
        }
        return d
    }

    /// The value line, broken where a period has no value (a gap, not an invented slope).
    private static func valueLine(_ frame: Frame, _ scale: Scale, _ chart: ChartModel) -> String {
        var d = ""
        var drawing = false
        for (index, point) in chart.points.enumerated() {
            guard let value = finite(point.value) else {
                drawing = false
                continue
            }
            d += "\(drawing ? "L" : "M")\(n(frame.centre(index))) \(n(scale.y(value, in: frame)))"
            drawing = true
        }
        guard !d.isEmpty else { return "" }
        return SVGMarkup.element("path", [
            "class": "chart-line", "d": d, "fill": "none", "stroke": valueColour, "stroke-width": "2.5",
            "stroke-linejoin": "round", "stroke-linecap": "round",
        ])
    }

    /// One marker per value, with the period and value as its tooltip.
    private static func markers(_ frame: Frame, _ scale: Scale, _ chart: ChartModel) -> String {
        var circles = ""
        for (index, point) in chart.points.enumerated() {
            guard let value = finite(point.value) else { continue }
            var tip = "\(point.label): \(format(value, chart))"
            if let target = targetText(point, chart) { tip += "; target \(target)" }
            circles += SVGMarkup.element("circle", [
                "class": "chart-point", "cx": n(frame.centre(index)), "cy": n(scale.y(value, in: frame)), "r": "3.5",
            ], content: SVGMarkup.text("title", [:], tip))
        }
        return SVGMarkup.element("g", ["class": "chart-points", "fill": valueColour, "stroke": "white", "stroke-width": "1"], content: circles)
    }

    private static func legend(_ frame: Frame, hasTarget: Bool) -> String {
        let y = frame.top - 18
        let right = frame.left + frame.plotWidth
        func entry(_ label: String, x: Double, stroke: String, width: String, dashes: String) -> String {
            SVGMarkup.element("line", [
                "x1": n(x), "y1": n(y), "x2": n(x + 20), "y2": n(y), "stroke": stroke, "stroke-width": width, "stroke-dasharray": dashes,
            ]) + SVGMarkup.text("text", ["x": n(x + 26), "y": n(y + 4)], label)
        }
        var entries = entry("Value", x: hasTarget ? right - 150 : right - 60, stroke: valueColour, width: "2.5", dashes: "none")
        if hasTarget {
            entries += entry("Target", x: right - 70, stroke: targetColour, width: "2", dashes: "6 4")
        }
        return SVGMarkup.element("g", ["class": "chart-legend", "fill": inkColour], content: entries)
    }

    // MARK: - Helpers

    private static func n(_ value: Double) -> String {
        SVGMarkup.number(value)
    }

    private static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    private static func format(_ value: Double, _ chart: ChartModel) -> String {
        ValueFormatting.format(value, decimals: chart.decimals, unit: chart.unit)
    }

    /// "14.0 minutes", "90% to 95%", or nil without a target.
    private static func targetText(_ point: ChartModel.Point, _ chart: ChartModel) -> String? {
        switch (finite(point.targetLow), finite(point.targetHigh)) {
        case let (low?, high?) where low == high: format(low, chart)
        case let (low?, high?): "\(format(low, chart)) to \(format(high, chart))"
        case let (low?, nil): "at least \(format(low, chart))"
        case let (nil, high?): "at most \(format(high, chart))"
        case (nil, nil): nil
        }
    }

    /// An id fragment from the title, so that two charts on one page get different ids.
    private static func slug(_ title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars.prefix(48) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "values" : trimmed
    }
}
