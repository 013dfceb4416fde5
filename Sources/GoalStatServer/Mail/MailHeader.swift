import Foundation

/// Header values that cannot inject headers: whatever people typed (an indicator's name in a subject, a person's
/// name) is put on one line, and text beyond ASCII is encoded as RFC 2047 asks.
enum MailHeader {
    /// Control characters — CR and LF above all — become spaces; runs of spaces collapse.
    static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) || CharacterSet.newlines.contains($0) ? " " : Character($0) }
        return String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// An unstructured value (a subject): plain when printable ASCII, else `=?UTF-8?B?…?=` words.
    static func text(_ value: String) -> String {
        let line = oneLine(value)
        guard !line.unicodeScalars.allSatisfy({ $0.isASCII }) else { return line }
        return encodedWords(line)
    }

    /// A display name: quoted when ASCII, encoded otherwise.
    static func phrase(_ value: String) -> String {
        let line = oneLine(value)
        guard line.unicodeScalars.allSatisfy({ $0.isASCII }) else { return encodedWords(line) }
        return "\"" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Encoded words of at most 45 bytes of text each (RFC 2047 limits a word to 75 characters), split between
    /// characters, folded onto continuation lines.
    private static func encodedWords(_ line: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in line {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }
}
