/// Checks a number as written in a YAML file (a plain scalar), the same way the CSV and JSON readers check theirs.
public enum NumberLiteral {
    /// Why a literal in the SPEC §3.1 number grammar cannot be stored (too large, or so small it would be 0); nil
    /// for a storable number and for anything that is not such a literal (text, `.inf`, `0x1F`).
    public static func rangeProblem(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            switch DoubleParsing.parse(bytes) {
            case .problem(let problem) where problem == .tooLarge || problem == .tooSmall:
                MeasurementsCSVReader.valueReason(problem, text)
            default:
                nil
            }
        }
    }
}
