import Foundation

/// A word-sized trend line (120×28) for lists of indicators. Hand-written SVG for the reasons given on `LineChartSVG`.
enum SparklineSVG {
    static let width = 120.0
    static let height = 28.0

    /// An inline SVG of `values` (oldest first) named by `label` for screen readers; non-finite values are skipped.
    static func render(_ values: [Double], label: String) -> String {
        let values = values.filter(\.isFinite)
        let name = Escaping.xml(label)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(name)"><title>\(name)</title>
        """
        guard let low = values.min(), let high = values.max(), let last = values.last else {
            svg += #"<line class="sparkline-empty" x1="2" y1="14" x2="118" y2="14" stroke="#8a939c" stroke-width="1" stroke-dasharray="2 3"/>"#
            return svg + "</svg>"
        }
        let pad = 3.0
        let span = high - low
        func x(_ index: Int) -> Double {
            values.count == 1 ? width / 2 : pad + Double(index) * (width - 2 * pad) / Double(values.count - 1)
        }
        func y(_ value: Double) -> Double {
            span == 0 ? height / 2 : height - pad - (value - low) / span * (height - 2 * pad)
        }
        if values.count > 1 {
            let points = values.indices.map { "\(SVGNumber.text(x($0))),\(SVGNumber.text(y(values[$0])))" }.joined(separator: " ")
            svg += #"<polyline class="sparkline-line" fill="none" stroke="#1f5fa8" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" points="\#(points)"/>"#
        }
        svg += #"<circle class="sparkline-last" cx="\#(SVGNumber.text(x(values.count - 1)))" cy="\#(SVGNumber.text(y(last)))" r="2.5" fill="#1f5fa8"/>"#
        return svg + "</svg>"
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

/// Coordinates written short: one decimal place, no trailing `.0`.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e9 { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
