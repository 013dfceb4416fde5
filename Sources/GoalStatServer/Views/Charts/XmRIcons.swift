import GoalStatCore

/// The variation and assurance icons of a process behaviour chart, drawn here as small inline SVGs.
///
/// They follow the idea of NHS England's "Making Data Count" icons — a ring in the signal's colour with a glyph that
/// says what kind of signal it is — but are our own drawings: a zigzag for common-cause variation, an arrow and H or L
/// for a special cause, P or F for consistent pass or fail, and a zigzag across a dashed target line for a target hit
/// and missed at random. Colour is never the only cue: the glyphs differ, every icon has an `aria-label` in words, and
/// the page shows its caption as text beside it.
enum XmRIcons {
    /// The variation icon: the type of the chart's latest point, and for a special cause whether it is high or low.
    enum Variation: String, CaseIterable, Sendable {
        case commonCause, improvementHigh, improvementLow, concernHigh, concernLow, neutralHigh, neutralLow

        init(pointType: PointType, cause: SpecialCause?) {
            let high = cause?.isHigh ?? true
            switch pointType {
            case .commonCause: self = .commonCause
            case .improvement: self = high ? .improvementHigh : .improvementLow
            case .concern: self = high ? .concernHigh : .concernLow
            case .neutralHigh: self = .neutralHigh
            case .neutralLow: self = .neutralLow
            }
        }

        /// The icon of the analysis's last group (its last point); nil when there is nothing to chart.
        init?(_ analysis: IndicatorAnalysis) {
            guard let type = analysis.variation else { return nil }
            self.init(pointType: type, cause: analysis.chart.points.last?.specialCause)
        }

        var pointType: PointType {
            switch self {
            case .commonCause: .commonCause
            case .improvementHigh, .improvementLow: .improvement
            case .concernHigh, .concernLow: .concern
            case .neutralHigh: .neutralHigh
            case .neutralLow: .neutralLow
            }
        }

        var isHigh: Bool {
            switch self {
            case .improvementHigh, .concernHigh, .neutralHigh: true
            case .commonCause, .improvementLow, .concernLow, .neutralLow: false
            }
        }
    }

    static let size = 48

    /// The variation icon as an inline SVG.
    static func variation(_ variation: Variation) -> String {
        let palette = XmRChartSVG.colours(for: variation.pointType)
        var glyph: String
        if variation == .commonCause {
            glyph = zigzag(stroke: palette.ink)
        } else {
            glyph = arrow(up: variation.isHigh, colour: palette.ink)
            glyph += letter(variation.isHigh ? "H" : "L", x: 31, colour: palette.ink, size: 17)
        }
        return icon(class: "xmr-icon xmr-icon-variation xmr-icon-\(variation.rawValue)",
                    label: "Variation: \(variation.title)", ring: palette.fill, content: glyph)
    }

    /// The assurance icon as an inline SVG.
    static func assurance(_ assurance: Assurance) -> String {
        let ring: String
        let glyph: String
        switch assurance {
        case .consistentPass:
            let palette = XmRChartSVG.colours(for: .improvement)
            ring = palette.fill
            glyph = letter("P", x: 24, colour: palette.ink, size: 22)
        case .consistentFail:
            let palette = XmRChartSVG.colours(for: .concern)
            ring = palette.fill
            glyph = letter("F", x: 24, colour: palette.ink, size: 22)
        case .inconsistent:
            let palette = XmRChartSVG.colours(for: .commonCause)
            ring = palette.fill
            glyph = SVGMarkup.element("line", [
                "x1": "8", "y1": "24", "x2": "40", "y2": "24",
                "stroke": XmRChartSVG.targetColour, "stroke-width": "2", "stroke-dasharray": "4 3",
            ]) + zigzag(stroke: palette.ink)
        }
        return icon(class: "xmr-icon xmr-icon-assurance xmr-icon-\(assurance.rawValue)",
                    label: "Assurance: \(assurance.title)", ring: ring, content: glyph)
    }

    // MARK: - Drawing

    private static func icon(class className: String, label: String, ring: String, content: String) -> String {
        SVGMarkup.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": className, "width": String(size), "height": String(size),
            "viewBox": "0 0 48 48", "role": "img", "aria-label": label, "focusable": "false",
        ], content: SVGMarkup.element("circle", [
            "cx": "24", "cy": "24", "r": "21", "fill": "white", "stroke": ring, "stroke-width": "3",
        ]) + content)
    }

    /// A run of values going up and down around a level: variation with no signal.
    private static func zigzag(stroke: String) -> String {
        SVGMarkup.element("polyline", [
            "points": "10,25 15,19 20,29 25,18 30,28 35,20 38,24", "fill": "none", "stroke": stroke,
            "stroke-width": "2.5", "stroke-linejoin": "round", "stroke-linecap": "round",
        ])
    }

    /// An arrow pointing up (a high signal) or down (a low one).
    private static func arrow(up: Bool, colour: String) -> String {
        let (tip, tail, head) = up ? (13.0, 35.0, 20.0) : (35.0, 13.0, 28.0)
        return SVGMarkup.element("path", [
            "d": "M17 \(SVGMarkup.number(tail))V\(SVGMarkup.number(tip))M11 \(SVGMarkup.number(head))L17 \(SVGMarkup.number(tip))L23 \(SVGMarkup.number(head))",
            "fill": "none", "stroke": colour, "stroke-width": "3", "stroke-linecap": "round", "stroke-linejoin": "round",
        ])
    }

    private static func letter(_ text: String, x: Double, colour: String, size: Int) -> String {
        SVGMarkup.text("text", [
            "x": SVGMarkup.number(x), "y": SVGMarkup.number(24 + Double(size) * 0.36), "text-anchor": "middle",
            "font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "font-size": String(size),
            "font-weight": "700", "fill": colour,
        ], text)
    }
}
