import GoalStatCore

/// A funnel plot drawn by hand as SVG (no server-side charting library in Swift): each unit's value against its
/// denominator, with the centre line and the 95% and 99.8% limits that narrow as the denominator grows.
enum FunnelPlotSVG {
    static func render(_ funnel: FunnelPlot, title: String, width: Int = 720, height: Int = 320) -> String {
        let left = 64.0, right = Double(width) - 24, top = 24.0, bottom = Double(height) - 48
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
        parts.append(SVGMarkup.text("desc", [:], "Funnel plot of \(funnel.units.count) units: centre \(SVGMarkup.number(funnel.centre)); \(funnel.units.filter { $0.flag != .within }.count) units lie outside the 95% limits."))
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
                content: SVGMarkup.text("title", [:], "\(unit.unit): \(SVGMarkup.number(unit.value)) of \(SVGMarkup.number(unit.denominator))")
            ))
        }
        parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(right), "y": SVGMarkup.number(bottom + 32), "text-anchor": "end", "fill": "#3d4751"], "Denominator (size of the unit)"))
        return SVGMarkup.element(
            "svg",
            ["xmlns": "http://www.w3.org/2000/svg", "class": "funnel-chart", "width": "\(width)", "height": "\(height)", "viewBox": "0 0 \(width) \(height)", "role": "img", "font-size": "12"],
            content: parts.joined()
        )
    }
}
