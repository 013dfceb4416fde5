/// The SPEC §3.1 number grammar for text typed into forms, the same as the CSV `value` column.
public enum DecimalText {
    /// The value, or nil when the text is not `-?digits[.digits][e±digits]` or does not fit a `Double`
    /// (`1e400` overflows, `1e-400` underflows to zero).
    public static func value(_ text: String) -> Double? {
        if case .success(let value) = parse(text) { return value }
        return nil
    }

    /// The value, or why the text is not one (in the CSV reader's words).
    public static func parse(_ text: String) -> Result<Double, DecimalTextError> {
        var copy = text
        return copy.withUTF8 { bytes in
            switch DoubleParsing.parse(bytes) {
            case .number(let value): .success(value)
            case .problem(let problem): .failure(DecimalTextError(reason: MeasurementsCSVReader.valueReason(problem, text)))
            }
        }
    }
}

/// Why a typed number was refused.
public struct DecimalTextError: Error, Sendable, Equatable {
    public var reason: String
}
