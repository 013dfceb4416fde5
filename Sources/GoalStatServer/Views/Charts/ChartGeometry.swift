import Foundation

/// The plot area of a chart inside its margins; each of `count` points owns an equal band and sits in its middle.
/// Shared by the values chart and the process behaviour chart.
struct ChartFrame {
    var width: Int
    var height: Int
    var count: Int
    var left = 64.0
    var right: Double
    var top: Double
    var bottom: Double

    var plotWidth: Double { Double(width) - left - right }
    var plotHeight: Double { Double(height) - top - bottom }
    var bottomY: Double { top + plotHeight }
    var band: Double { plotWidth / Double(max(count, 1)) }
    func centre(_ index: Int) -> Double { left + band * (Double(index) + 0.5) }
    func bandStart(_ index: Int) -> Double { left + band * Double(index) }
}

/// A value axis with round ticks (1, 2 or 5 times a power of ten) that holds every number given.
struct ChartScale {
    var low: Double
    var high: Double
    var step: Double
    var tickDecimals: Int

    /// `divisions` is about how many ticks to aim for. With `reachForZero`, an axis whose data are near zero anyway
    /// starts there, so small changes in large numbers do not look dramatic.
    init?(numbers: [Double], divisions: Double, reachForZero: Bool) {
        let finite = numbers.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return nil }
        if reachForZero {
            if low > 0, low <= high - low { low = 0 }
            if high < 0, -high <= high - low { high = 0 }
        }
        if low == high {
            let pad = max(abs(low) * 0.1, 1)
            low -= pad
            high += pad
        }
        let (step, exponent) = Self.niceStep((high - low) / divisions)
        self.step = step
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
        tickDecimals = min(max(-exponent, 0), 6)
    }

    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...max(count, 0)).map { low + Double($0) * step }
    }

    func y(_ value: Double, in frame: ChartFrame) -> Double {
        frame.bottomY - (value - low) / (high - low) * frame.plotHeight
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`; with that power, which gives the labels' decimals.
    static func niceStep(_ raw: Double) -> (Double, Int) {
        guard raw > 0, raw.isFinite else { return (1, 0) }
        let exponent = Int(log10(raw).rounded(.down))
        let power = pow(10, Double(exponent))
        for multiple in [1.0, 2, 5] where multiple * power >= raw * (1 - 1e-9) {
            return (multiple * power, exponent)
        }
        return (10 * power, exponent + 1)
    }
}
