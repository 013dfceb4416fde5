/// The plain-words reasons the reader gives; kept apart from the reading so both stay short.
extension MeasurementsCSVReader {
    /// Why a header name is not a column, with a guess when it differs only in case or spacing.
    static func unknownColumnReason(_ name: String) -> String {
        let known = "indicator, period, value, org_unit, status, note and reason"
        let folded = name.lowercased().split(separator: " ").joined(separator: "_")
        if let guess = MeasurementsCSV.Column(rawValue: folded) ?? (folded == "orgunit" ? .orgUnit : nil) {
            return "unknown column \(quoted(name)); did you mean \(guess.rawValue)? (column names are lower case)"
        }
        return "unknown column \(quoted(name)); the columns are \(known)"
    }

    /// What is wrong with a record's quoting.
    static func quotingReason(_ problem: CSVRecordProblem) -> String {
        switch problem {
        case .unterminatedQuote(_, let quoteLine):
            "the quote that opens this value on line \(quoteLine) is never closed, so the rest of the file was read as part of it"
        case .quoteInUnquotedField:
            "a quote inside a value that does not start with one; put the value in double quotes and double each quote in it (\"\")"
        case .textAfterClosingQuote:
            "text follows the closing quote; inside a quoted value, write each quote twice (\"\")"
        }
    }

    /// Why a value is not a number, naming the likely mistake.
    static func valueReason(_ problem: DoubleParsing.Problem, _ text: String) -> String {
        let shown = quoted(text)
        switch problem {
        case .notANumber:
            return "\(shown) is not a number; write digits with an optional - sign, a . decimal point and an optional exponent (1.5e3)"
        case .notFinite:
            return "\(shown) is not a number; NaN and infinity cannot be stored"
        case .plusSign:
            return "\(shown) has a + sign; write positive numbers without a sign"
        case .thousandsSeparator:
            return "\(shown) has a comma; use . as the decimal point and no thousands separators"
        case .whitespace:
            return "\(shown) has spaces in it; write the number without them"
        case .leadingPoint:
            return "\(shown) starts with a decimal point; write a 0 before it"
        case .trailingPoint:
            return "\(shown) has no digits after the decimal point; add them or drop the point"
        case .tooLarge:
            return "\(shown) is too large to store as a number"
        case .tooSmall:
            return "\(shown) is too close to zero to store as a number (it would be stored as 0); write 0 if that is meant"
        }
    }

    /// `text` in double quotes, shortened when long, for a message.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? text.prefix(57) + "..." : Substring(text)
        return "\"\(shown)\""
    }
}
