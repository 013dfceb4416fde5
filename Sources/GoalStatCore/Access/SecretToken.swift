/// Random bearer secrets for sessions, CSRF and API tokens.
public enum SecretToken {
    /// 32 bytes from the system's cryptographically secure generator, base64url without padding (43 characters).
    /// Deliberately not injectable: a seeded generator here would make every secret predictable.
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(bytes)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(16 - $1.offset * 8) }
            for position in 0..<(chunk.count + 1) {
                text.append(alphabet[Int((value >> UInt32(18 - position * 6)) & 0x3f)])
            }
            index += 3
        }
        return text
    }
}
