import GoalStatCore

/// The risk register's 5 × 5 heat map: likelihood up, impact across, each cell coloured by the band of its score
/// and labelled with how many open risks fall in it. The table beside it holds the same counts for screen readers.
enum RiskHeatMapSVG {
    static let cell = 56.0
    static let left = 120.0
    static let top = 12.0
    static let bottom = 70.0

    static func render(_ map: RiskHeatMap, titleID: String) -> String {
        let width = left + 5 * cell + 12, height = top + 5 * cell + bottom
        var parts: [String] = []
        for likelihood in 1...5 {
            let y = top + Double(5 - likelihood) * cell
            parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(left - 8), "y": SVGMarkup.number(y + cell / 2 + 4), "text-anchor": "end", "class": "axis-label"],
                                        "\(likelihood) \(RiskScale.likelihood[likelihood - 1])"))
            for impact in 1...5 {
                let x = left + Double(impact - 1) * cell
                let count = map.count(likelihood: likelihood, impact: impact)
                let level = RiskLevel(score: likelihood * impact)
                parts.append(SVGMarkup.element("rect", [
                    "x": SVGMarkup.number(x), "y": SVGMarkup.number(y), "width": SVGMarkup.number(cell - 2), "height": SVGMarkup.number(cell - 2),
                    "class": "heat-cell \(level.cssClass)",
                ]))
                if count > 0 {
                    parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(x + cell / 2 - 1), "y": SVGMarkup.number(y + cell / 2 + 6), "text-anchor": "middle", "class": "heat-count"], String(count)))
                }
            }
        }
        for impact in 1...5 {
            let x = left + Double(impact - 1) * cell + cell / 2 - 1
            parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(x), "y": SVGMarkup.number(top + 5 * cell + 16), "text-anchor": "middle", "class": "axis-label"], String(impact)))
            parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(x), "y": SVGMarkup.number(top + 5 * cell + 30), "text-anchor": "middle", "class": "axis-note"], RiskScale.impact[impact - 1]))
        }
        parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(left + 2.5 * cell), "y": SVGMarkup.number(height - 8), "text-anchor": "middle", "class": "axis-title"], "Impact (1–5)"))
        parts.append(SVGMarkup.text("text", ["x": "14", "y": SVGMarkup.number(top + 2.5 * cell), "text-anchor": "middle", "class": "axis-title", "transform": "rotate(-90 14 \(SVGMarkup.number(top + 2.5 * cell)))"], "Likelihood (1–5)"))
        return SVGMarkup.element("svg", [
            "class": "chart heat-map", "viewBox": "0 0 \(SVGMarkup.number(width)) \(SVGMarkup.number(height))", "role": "img",
            "aria-labelledby": titleID, "xmlns": "http://www.w3.org/2000/svg",
        ], content: parts.joined())
    }
}

/// A risk's score over time: one point per assessment, on a 0–25 scale.
enum RiskScoreHistorySVG {
    static func render(_ history: [RiskAssessment], titleID: String) -> String {
        let (width, height, left, top, bottom) = (420.0, 180.0, 40.0, 10.0, 30.0)
        let plotWidth = width - left - 10, plotHeight = height - top - bottom
        let step = history.count > 1 ? plotWidth / Double(history.count - 1) : 0
        func y(_ score: Int) -> Double { top + plotHeight * (1 - Double(score) / 25) }
        var parts: [String] = []
        for tick in [0, 5, 10, 15, 20, 25] {
            parts.append(SVGMarkup.element("line", ["x1": SVGMarkup.number(left), "x2": SVGMarkup.number(width - 10), "y1": SVGMarkup.number(y(tick)), "y2": SVGMarkup.number(y(tick)), "class": "grid"]))
            parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(left - 6), "y": SVGMarkup.number(y(tick) + 4), "text-anchor": "end", "class": "axis-label"], String(tick)))
        }
        let points = history.enumerated().map { (left + Double($0.offset) * step, y($0.element.score)) }
        if points.count > 1 {
            parts.append(SVGMarkup.element("polyline", ["points": points.map { "\(SVGMarkup.number($0.0)),\(SVGMarkup.number($0.1))" }.joined(separator: " "), "class": "series"]))
        }
        for (index, point) in points.enumerated() {
            parts.append(SVGMarkup.element("circle", ["cx": SVGMarkup.number(point.0), "cy": SVGMarkup.number(point.1), "r": "4", "class": "point \(RiskLevel(score: history[index].score).cssClass)"]))
        }
        if let first = history.first, let last = history.last {
            parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(left), "y": SVGMarkup.number(height - 8), "class": "axis-label"], first.on))
            if history.count > 1 {
                parts.append(SVGMarkup.text("text", ["x": SVGMarkup.number(width - 10), "y": SVGMarkup.number(height - 8), "text-anchor": "end", "class": "axis-label"], last.on))
            }
        }
        return SVGMarkup.element("svg", [
            "class": "chart score-history", "viewBox": "0 0 \(SVGMarkup.number(width)) \(SVGMarkup.number(height))", "role": "img",
            "aria-labelledby": titleID, "xmlns": "http://www.w3.org/2000/svg",
        ], content: parts.joined())
    }
}
