/// Reads a SPEC §3.1 `value`: `-?digits[.digits][(e|E)[+|-]digits]`, nothing else (no `NaN`, `Inf`, `+`, `,` or spaces).
enum DoubleParsing {
    /// Why a value is not a number.
    enum Problem: Equatable {
        case notANumber, notFinite, plusSign, thousandsSeparator, whitespace, leadingPoint, trailingPoint, tooLarge
        /// Non-zero digits whose value rounds to zero (`1e-400`): refused like `1e400`, rather than stored as 0.
        case tooSmall
    }

    enum Outcome: Equatable {
        case number(Double)
        case problem(Problem)
    }

    private static let zero = UInt8(ascii: "0")
    /// The powers of ten a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Checks the grammar and converts, correctly rounded. Most values take Clinger's fast path (at most 2^53
    /// as an integer, times or divided by an exact power of ten: one correctly rounded operation); the rest go
    /// to the standard library's `Double(String)`, which is correctly rounded too.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = bytes.count
        var index = 0
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }

        var mantissa: UInt64 = 0
        var mantissaOverflowed = false
        @inline(__always) func accumulate(_ digit: UInt8) {
            if mantissa <= (UInt64.max - 9) / 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
            } else {
                mantissaOverflowed = true
            }
        }

        let integerStart = index
        while index < count, case let digit = bytes[index] &- zero, digit < 10 {
            accumulate(digit)
            index += 1
        }
        guard index > integerStart else { return .problem(diagnose(bytes)) }

        var fractionDigits = 0
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, case let digit = bytes[index] &- zero, digit < 10 {
                accumulate(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return .problem(diagnose(bytes)) }
        }

        var exponent = 0
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count, case let digit = bytes[index] &- zero, digit < 10 {
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            guard index > exponentStart else { return .problem(diagnose(bytes)) }
            if exponentNegative { exponent = -exponent }
        }
        guard index == count else { return .problem(diagnose(bytes)) }

        if !mantissaOverflowed && mantissa <= 1 << 53 {
            let scale = exponent - fractionDigits
            var value: Double?
            if mantissa == 0 {
                value = 0
            } else if scale == 0 {
                value = Double(mantissa)
            } else if scale > 0 && scale <= 22 {
                value = Double(mantissa) * exactPowersOfTen[scale]
            } else if scale < 0 && scale >= -22 {
                value = Double(mantissa) / exactPowersOfTen[-scale]
            }
            if let value { return .number(negative ? -value : value) }
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else {
            return .problem(.tooLarge)
        }
        // Only a non-zero mantissa reaches here (an all-zero one took the fast path), so 0 means it underflowed.
        // Subnormals (down to 4.9e-324) are kept: they are not zero, and PostgreSQL's own float8 input accepts them.
        guard value != 0 else { return .problem(.tooSmall) }
        return .number(value)
    }

    /// Names the commonest mistake in a text that is not a number (only on the error path, so it may allocate).
    private static func diagnose(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem {
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = trimmingSpaces(text).lowercased()
        let unsigned = trimmed.first == "-" || trimmed.first == "+" ? String(trimmed.dropFirst()) : trimmed
        if ["nan", "inf", "infinity", "∞"].contains(unsigned) { return .notFinite }
        if text.contains(" ") || text.contains("\t") || text.contains("\u{A0}") { return .whitespace }
        if text.first == "+" { return .plusSign }
        if text.contains(",") && text.utf8.contains(where: { $0 &- zero < 10 }) { return .thousandsSeparator }
        if text.hasPrefix(".") || text.hasPrefix("-.") { return .leadingPoint }
        if text.hasSuffix(".") || text.contains(".e") || text.contains(".E") { return .trailingPoint }
        return .notANumber
    }

    private static func trimmingSpaces(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}
