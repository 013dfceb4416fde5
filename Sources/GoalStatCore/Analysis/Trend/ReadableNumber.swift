import Foundation

/// Numbers as the plain-words reasons of the analyses print them: a few significant digits, no exponent,
/// no trailing zeros, thousands separated as on the pages (`12,034`). Shared by the trend, comparison, link and focus reasons.
enum ReadableNumber {
    /// `value` to `significant` significant digits (at most `maxDecimals` decimals): `1234`, `0.0123`, `2.5`.
    static func text(_ value: Double, significant: Int = 3, maxDecimals: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "infinity" : "-infinity") }
        guard value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = min(max(0, significant - 1 - magnitude), maxDecimals)
        return fixed(value, decimals: decimals)
    }

    /// `value` with at most `decimals` decimals, trailing zeros dropped: `fixed(2.50, decimals: 2)` is `2.5`.
    /// Written by hand rather than with `String(format:)`: reasons are made for every indicator of an analysis run,
    /// and Foundation's formatter was a sixth of the whole analysis time.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let places = max(0, min(decimals, 15))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(format: "%.\(places)f", value) }
        var units = UInt64(scaled)
        var fraction: [UInt8] = []
        for _ in 0..<places {
            fraction.append(UInt8(units % 10))
            units /= 10
        }
        var text = units == 0 && fraction.allSatisfy({ $0 == 0 }) ? "" : (value < 0 ? "-" : "")
        text += NumberText.separated(units)
        var trimmed = Array(fraction.reversed())
        while trimmed.last == 0 { trimmed.removeLast() }
        if !trimmed.isEmpty {
            text += "." + String(decoding: trimmed.map { $0 + 48 }, as: UTF8.self)
        }
        return text
    }

    /// `text(value)` with an explicit sign: `+1.2`, `-0.4`, `0`.
    static func signed(_ value: Double, significant: Int = 3) -> String {
        let body = text(abs(value), significant: significant)
        if body == "0" { return body }
        return (value < 0 ? "-" : "+") + body
    }
}
