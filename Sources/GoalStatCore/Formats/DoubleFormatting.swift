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

    /// Appends the text of `shortest(value)` to `bytes` and returns true, or returns false for NaN and infinities.
    ///
    /// The same bytes as `shortest`, without making a `String` for the values that are short decimals (values as
    /// people type them, such as `503.25`), which is most values a report prints.
    @discardableResult
    public static func append(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        if appendShortDecimal(value, to: &bytes) { return true }
        bytes.append(contentsOf: shortest(value)!.utf8)
        return true
    }

    /// Appends `value.description` without its `.0` on whole numbers ("1.0" as "1", "1e+16" as it is): how
    /// `JSONEncoder` writes a double, and so how a JSON export does. Finite values only.
    ///
    /// The same bytes as that text, without making a `String` for the short decimals of `appendShortDecimal`: from
    /// 0.001 to 2^53 `description` has no exponent and prints the shortest digits, which `appendShortDecimal` writes.
    public static func appendDescription(_ value: Double, to bytes: inout [UInt8]) {
        if appendShortDecimal(value, to: &bytes) { return }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// The fast path of `append`: `value` written as `m / 10^d` for the smallest `d` at which some integer `m` reads
    /// back to it, when that `m` is provably the only one (so SwiftDtoa, which prints the shortest digits that read
    /// back and the closest of them, prints exactly it); false, having appended nothing, when it cannot tell.
    ///
    /// Why it is exact: with `m < 2^53` and `d <= 18`, both `m` and `10^d` are exact doubles, so `Double(m) / 10^d`
    /// is the correctly rounded value of the decimal `m·10^-d`, as a correct parser reads it. The candidates at `d`
    /// are the integers within `h = ulp/2 · 10^d` of the exact `x = |value| · 10^d`; the computed `x` is off by at
    /// most 1/2 (it is below 2^53), so while `h` is well under 1/2 they can only be the floor and the ceiling of the
    /// computed `x`, and there is at most one. The first `d` with one has the fewest significant digits. Values below
    /// 0.001 (SwiftDtoa writes those under 1e-4 with an exponent) and from 2^53 on go to `description`.
    private static func appendShortDecimal(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        let magnitude = value.magnitude
        if magnitude == 0 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            bytes.append(UInt8(ascii: "0"))
            return true
        }
        guard magnitude >= 0.001 else { return false }
        let halfUlp = magnitude.ulp / 2
        var scale = 1.0 // 10^digits, exact
        var power: UInt64 = 1
        for digits in 0...18 {
            if digits > 0 {
                scale *= 10
                power &*= 10
            }
            let scaled = magnitude * scale
            guard scaled < 0x1p53 - 2, halfUlp * scale < 0.375 else { return false }
            let floor = scaled.rounded(.down)
            // Cheap test first: a candidate is within h of `x`, and the computed `x` within an ulp of it.
            let tolerance = halfUlp * scale + scaled.ulp
            let fraction = scaled - floor
            if fraction > tolerance && fraction < 1 - tolerance { continue }
            var found: Double?
            if floor / scale == magnitude {
                found = floor
            } else if floor != scaled, (floor + 1) / scale == magnitude {
                found = floor + 1
            }
            guard let found else { continue }
            let mantissa = UInt64(found)
            // A trailing zero would mean the previous `d` had a candidate: never, but not worth trusting blindly.
            if digits > 0 && mantissa % 10 == 0 { return false }
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendDigits(mantissa / power, minimumCount: 1, to: &bytes)
            if digits > 0 {
                bytes.append(UInt8(ascii: "."))
                appendDigits(mantissa % power, minimumCount: digits, to: &bytes)
            }
            return true
        }
        return false
    }

    /// Appends the decimal digits of `number`, with leading zeros up to `minimumCount` digits.
    @inline(__always)
    static func appendDigits(_ number: UInt64, minimumCount: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var remaining = number
            var index = 20
            repeat {
                index -= 1
                scratch[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            } while remaining > 0 || 20 - index < minimumCount
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[index..<20]))
        }
    }
}
