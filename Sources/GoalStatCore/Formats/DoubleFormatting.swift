/// Writes doubles in the shortest text that reads back to the same double, in the SPEC §3.1 `value` grammar.
public enum DoubleFormatting {
    /// The shortest round-trip text for `value` (`1`, `0.1`, `-0`, `1e-05`, `1.5e+20`), or nil for NaN and infinities,
    /// which the format cannot hold.
    public static func shortest(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        // `description` already prints the shortest digits that round-trip (SwiftDtoa);
        // only its `.0` on whole numbers ("1.0", "1.0e+16" if it ever appears) is dropped.
        var text = value.description
        if let exponent = text.utf8.firstIndex(of: UInt8(ascii: "e")) {
            let mantissa = text[..<exponent]
            if mantissa.hasSuffix(".0") {
                text = String(mantissa.dropLast(2)) + text[exponent...]
            }
        } else if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        return text
    }
}
