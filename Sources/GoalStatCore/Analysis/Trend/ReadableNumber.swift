import Foundation

/// Numbers as the plain-words reasons of the analyses print them: a few significant digits, no exponent,
/// no trailing zeros. Shared by the trend, comparison, link and focus reasons.
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
    static func fixed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    /// `text(value)` with an explicit sign: `+1.2`, `-0.4`, `0`.
    static func signed(_ value: Double, significant: Int = 3) -> String {
        let body = text(abs(value), significant: significant)
        if body == "0" { return body }
        return (value < 0 ? "-" : "+") + body
    }
}
