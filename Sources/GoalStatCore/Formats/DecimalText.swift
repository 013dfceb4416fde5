/// The SPEC §3.1 number grammar for text typed into forms, the same as the CSV `value` column.
public enum DecimalText {
    /// The value, or nil when the text is not `-?digits[.digits][e±digits]`.
    public static func value(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { bytes in
            if case .number(let value) = DoubleParsing.parse(bytes) { return value }
            return nil
        }
    }
}
