import GoalStatCore

/// A funnel plot drawn by hand as SVG (no server-side charting library in Swift): each unit's value against its
/// denominator, with the centre line and the 95% and 99.8% limits that narrow as the denominator grows. Both axes
/// are labelled (`valueLabel`, `sizeLabel`) with ticks, and each point is named (`names`, else its code). Values are
/// drawn times `scale` (100 for a proportion shown as a percent).
enum FunnelPlotSVG {
    static func render(
        _ funnel: FunnelPlot, title: String, valueLabel: String = "Value", sizeLabel: String = "Denominator (size of the unit)",
        scale: Double = 1, names: [String: String] = [:], width: Int = 720, height: Int = 340
    ) -> String {
        let left = 84.0, right = Double(width) - 120, top = 24.0, bottom = Double(height) - 56
        guard let maxDenominator = funnel.units.map(\.denominator).max(), maxDenominator > 0 else {
            return SVGMarkup.element("svg", ["xmlns": "http://www.w3.org/2000/svg", "role": "img", "aria-label": "\(title): no units to compare"])
        }
        let curve = funnel.limitCurve(denominators: (1...60).map { maxDenominator * Double($0) / 60 })
        let values = funnel.units.map(\.value) + curve.flatMap { [$0.lower99, $0.upper99] } + [funnel.centre]
        let low = values.min() ?? 0, high = values.max() ?? 1
        let span = high > low ? high - low : 1
        func x(_ denominator: Double) -> Double { left + (right - left) * denominator / maxDenominator }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * (value - low) / span }
        func path(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { index, point in "\(index == 0 ? "M" : "L")\(SVGMarkup.number(x(point.0))) \(SVGMarkup.number(y(point.1)))" }.joined()
        }
        var parts: [String] = []
        parts.append(SVGMarkup.text("title", [:], title))
        parts.append(SVGMarkup.text("desc", [:], "Funnel plot of \(funnel.units.count) units: centre \(ValueFormatting.compact(funnel.centre * scale)); \(funnel.units.filter { $0.flag != .within }.count) units lie outside the 95% limits."))
        for (band, dash, label) in [("95", "6 4", "lower95"), ("998", "2 3", "lower99")] {
            let lower = curve.map { ($0.denominator, label == "lower95" ? $0.lower95 : $0.lower99) }
            let upper = curve.map { ($0.denominator, label == "lower95" ? $0.upper95 : $0.upper99) }
            for line in [lower, upper] {
                parts.append(SVGMarkup.element("path", ["class": "funnel-limit funnel-limit-\(band)", "d": path(line), "fill": "none", "stroke": "#3d4751", "stroke-dasharray": dash]))
            }
        }
        parts.append(SVGMarkup.element("line", ["class": "funnel-centre", "x1": SVGMarkup.number(left), "x2": SVGMarkup.number(right), "y1": SVGMarkup.number(y(funnel.centre)), "y2": SVGMarkup.number(y(funnel.centre)), "stroke": "#1b1f24"]))
        for unit in funnel.units {
            let colour = unit.flag == .within ? "#7b7d7d" : (unit.flag == .above95 || unit.flag == .above99 ? "#289de0" : "#fab428")
            parts.append(SVGMarkup.element(
                "circle", ["class": "funnel-unit funnel-\(unit.flag.rawValue)", "cx": SVGMarkup.number(x(unit.denominator)), "cy": SVGMarkup.number(y(unit.value)), "r": "4", "fill": colour, "stroke": "#1b1f24"],
                content: SVGMarkup.text("title", [:], "\(names[unit.unit] ?? unit.unit): \(ValueFormatting.compact(unit.value * scale)) at \(ValueFormatting.compact(unit.denominator))")
            ))
        }
        for unit in funnel.units {
            parts.append(SVGMarkup.text("text", [
                "class": "funnel-name", "x": SVGMarkup.number(x(unit.denominator) + 7), "y": SVGMarkup.number(y(unit.value) + 4), "fill": "#1b1f24",
            ], names[unit.unit] ?? unit.unit))
        }
        // Axes: ticks at five even steps of each scale, the base and the side line, and what each axis measures.
        var ticks = ""
        for step in 0...4 {
            let value = low + span * Double(step) / 4
            ticks += SVGMarkup.text("text", ["x": SVGMarkup.number(left - 8), "y": SVGMarkup.number(y(value) + 4), "text-anchor": "end"], ValueFormatting.compact(value * scale))
            let size = maxDenominator * Double(step) / 4
            ticks += SVGMarkup.text("text", ["x": SVGMarkup.number(x(size)), "y": SVGMarkup.number(bottom + 18), "text-anchor": "middle"], ValueFormatting.compact(size))
        }
        parts.append(SVGMarkup.element("g", ["class": "funnel-ticks", "fill": "#3d4751"], content: ticks))
        parts.append(SVGMarkup.element("path", ["class": "funnel-axes", "d": "M\(SVGMarkup.number(left)) \(SVGMarkup.number(top))V\(SVGMarkup.number(bottom))H\(SVGMarkup.number(right))", "fill": "none", "stroke": "#3d4751"]))
        parts.append(SVGMarkup.text("text", ["class": "funnel-x-label", "x": SVGMarkup.number((left + right) / 2), "y": SVGMarkup.number(bottom + 42), "text-anchor": "middle", "fill": "#3d4751"], sizeLabel))
        parts.append(SVGMarkup.text("text", [
            "class": "funnel-y-label", "x": "0", "y": "0", "text-anchor": "middle", "fill": "#3d4751",
            "transform": "translate(16 \(SVGMarkup.number((top + bottom) / 2))) rotate(-90)",
        ], valueLabel))
        return SVGMarkup.element(
            "svg",
            ["xmlns": "http://www.w3.org/2000/svg", "class": "funnel-chart", "width": "\(width)", "height": "\(height)", "viewBox": "0 0 \(width) \(height)", "role": "img", "font-size": "12"],
            content: parts.joined()
        )
    }
}
