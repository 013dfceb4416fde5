/// The parts every chart draws the same way: the document element, the value grid with its labels, the base axis,
/// the thinned period labels and the empty-chart message. Shared by the values chart and the process behaviour chart.
enum ChartAxes {
    static let inkColour = "#3d4751"
    static let gridColour = "#d5dbe1"

    /// The `<svg>` element around a chart's `content`, labelled by its `<title>` and `<desc>` (ids `id-title`, `id-desc`).
    static func document(class className: String, frame: ChartFrame, id: String, content: String) -> String {
        SVGMarkup.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": className, "width": String(frame.width), "height": String(frame.height),
            "viewBox": "0 0 \(frame.width) \(frame.height)", "role": "img", "aria-labelledby": "\(id)-title \(id)-desc",
            "font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "font-size": "12",
        ], content: content)
    }

    /// Horizontal grid lines at the scale's ticks, their labels, and the unit above them when the labels do not carry it.
    static func grid(_ frame: ChartFrame, _ scale: ChartScale, unit: String, unitLabelRise: Double) -> String {
        var lines = ""
        var labels = ""
        for tick in scale.ticks {
            let y = scale.y(tick, in: frame)
            lines += SVGMarkup.element("line", ["x1": n(frame.left), "y1": n(y), "x2": n(frame.left + frame.plotWidth), "y2": n(y)])
            labels += SVGMarkup.text("text", ["x": n(frame.left - 8), "y": n(y + 4)], ValueFormatting.axisLabel(tick, decimals: scale.tickDecimals, unit: unit))
        }
        var svg = SVGMarkup.element("g", ["class": "chart-grid", "stroke": gridColour, "stroke-width": "1"], content: lines)
        svg += SVGMarkup.element("g", ["class": "chart-y-labels", "fill": inkColour, "text-anchor": "end"], content: labels)
        if !["percent", "currency", "count", ""].contains(unit) {
            svg += SVGMarkup.text("text", [
                "class": "chart-unit", "x": n(frame.left - 8), "y": n(frame.top - unitLabelRise), "text-anchor": "end", "fill": inkColour,
            ], unit)
        }
        return svg
    }

    /// The base line of the plot area.
    static func axisLine(_ frame: ChartFrame) -> String {
        SVGMarkup.element("line", [
            "class": "chart-axis", "x1": n(frame.left), "y1": n(frame.bottomY), "x2": n(frame.left + frame.plotWidth), "y2": n(frame.bottomY),
            "stroke": inkColour, "stroke-width": "1",
        ])
    }

    /// Period labels, thinned so they do not overlap; counted back from the latest, which is always labelled.
    static func periodLabels(_ frame: ChartFrame, _ periods: [String]) -> String {
        let count = periods.count
        guard count > 0 else { return "" }
        let longest = periods.map(\.count).max() ?? 0
        let fitting = max(Int(frame.plotWidth / (Double(longest) * 7 + 12)), 1)
        let every = max(Int((Double(count) / Double(fitting)).rounded(.up)), 1)
        var labels = ""
        for (index, period) in periods.enumerated() where (count - 1 - index) % every == 0 {
            labels += SVGMarkup.text("text", ["x": n(frame.centre(index)), "y": n(frame.bottomY + 18)], period)
        }
        return SVGMarkup.element("g", ["class": "chart-x-labels", "fill": inkColour, "text-anchor": "middle"], content: labels)
    }

    /// The axis and a "No values yet" message, for a chart with nothing to plot.
    static func empty(_ frame: ChartFrame) -> String {
        axisLine(frame) + SVGMarkup.text("text", [
            "class": "chart-empty", "x": n(frame.left + frame.plotWidth / 2), "y": n(frame.top + frame.plotHeight / 2),
            "text-anchor": "middle", "fill": inkColour,
        ], "No values yet")
    }

    private static func n(_ value: Double) -> String {
        SVGMarkup.number(value)
    }
}
