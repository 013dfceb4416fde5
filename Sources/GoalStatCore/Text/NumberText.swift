/// Numbers as people read them, on pages and in the reasons the analyses write alike: thousands separated by commas,
/// a point for decimals, never `-0`. Fixed marks (US English) rather than the server's locale, so a page and a stored
/// reason read the same on every server and in every test.
public enum NumberText {
    /// `1234.5` with 1 decimal → `1,234.5`; exactly `decimals` places (0–10).
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let places = min(max(decimals, 0), 10)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Ties to even, as `String(format: "%.1f")` rounds an exactly representable half (77.25 → 77.2).
        let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
        guard value.isFinite, scaled < 9.0e15 else { return String(value) }
        var units = UInt64(scaled)
        var fraction: [UInt8] = []
        for _ in 0..<places {
            fraction.append(UInt8(units % 10))
            units /= 10
        }
        let isZero = units == 0 && fraction.allSatisfy { $0 == 0 }
        var text = value < 0 && !isZero ? "-" : ""
        text += separated(units)
        if places > 0 { text += "." + String(decoding: fraction.reversed().map { $0 + 48 }, as: UTF8.self) }
        return text
    }

    /// A number as a form field shows it: the shortest digits that read back as the same value, no trailing `.0`,
    /// no separators (the same as the CSV export).
    public static func plain(_ value: Double) -> String {
        DoubleFormatting.shortest(value) ?? "\(value)"
    }

    /// The digits of `units` with a comma every three from the right: `1234567` → `1,234,567`.
    static func separated(_ units: UInt64) -> String {
        let digits = Array(String(units))
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
