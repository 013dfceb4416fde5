/// A word-sized trend line (120×28) for lists of indicators. Hand-written SVG for the reasons given on `LineChartSVG`.
enum SparklineSVG {
    static let width = 120.0
    static let height = 28.0
    static let emptyColour = "#6b747d"

    /// An inline SVG of `values` (oldest first) named by `label` for screen readers; non-finite values are skipped.
    static func render(_ values: [Double], label: String) -> String {
        let values = values.filter(\.isFinite)
        let n = SVGMarkup.number
        var body = SVGMarkup.text("title", [:], label)
        if let low = values.min(), let high = values.max(), let last = values.last {
            let pad = 3.0
            let span = high - low
            func x(_ index: Int) -> Double {
                values.count == 1 ? width / 2 : pad + Double(index) * (width - 2 * pad) / Double(values.count - 1)
            }
            func y(_ value: Double) -> Double {
                span == 0 ? height / 2 : height - pad - (value - low) / span * (height - 2 * pad)
            }
            if values.count > 1 {
                body += SVGMarkup.element("polyline", [
                    "class": "sparkline-line", "fill": "none", "stroke": LineChartSVG.valueColour, "stroke-width": "1.5",
                    "stroke-linejoin": "round", "stroke-linecap": "round",
                    "points": values.indices.map { "\(n(x($0))),\(n(y(values[$0])))" }.joined(separator: " "),
                ])
            }
            body += SVGMarkup.element("circle", [
                "class": "sparkline-last", "cx": n(x(values.count - 1)), "cy": n(y(last)), "r": "2.5", "fill": LineChartSVG.valueColour,
            ])
        } else {
            body += SVGMarkup.element("line", [
                "class": "sparkline-empty", "x1": "2", "y1": n(height / 2), "x2": n(width - 2), "y2": n(height / 2),
                "stroke": emptyColour, "stroke-width": "1", "stroke-dasharray": "2 3",
            ])
        }
        return SVGMarkup.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "sparkline", "width": n(width), "height": n(height),
            "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img", "aria-label": label,
        ], content: body)
    }

    /// The trend in words, for the sparkline's label: "24 values from 11 to 14.2, rising".
    static func describe(_ values: [Double]) -> String {
        let values = values.filter(\.isFinite)
        guard let first = values.first, let last = values.last else { return "No values yet" }
        if values.count == 1 { return "1 value: \(ValueFormatting.compact(first))" }
        let change = last - first
        let scale = max(abs(first), abs(last), 1e-9)
        let direction = abs(change) / scale < 0.01 ? "about level" : change > 0 ? "rising" : "falling"
        return "\(values.count) values from \(ValueFormatting.compact(first)) to \(ValueFormatting.compact(last)), \(direction)"
    }
}
