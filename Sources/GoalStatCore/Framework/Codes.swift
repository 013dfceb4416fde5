/// The rule for the short codes that identify org units, goals, indicators and milestones (SPEC §2).
public enum Codes {
    /// `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`, checked by hand because it runs once per record on every import.
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard let first = bytes.first, bytes.count <= TextKind.code.maximumLength, isAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    public static let rule = "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"
}
