extension SiteURL {
    /// A redirect target that came from the visitor (`?next=`), if it is a path on this site; nil otherwise.
    ///
    /// Only visible ASCII is let through: browsers drop tab, CR and LF inside a URL and read `\` as `/`, so
    /// `/\t/evil.example` is followed to `//evil.example`, another site; and CR LF in a `Location` header would
    /// start a header of the visitor's choosing (`Set-Cookie`). Anything percent-encoded stays encoded, inert.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.utf8.count <= 2048 else { return nil }
        guard text.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else { return nil }
        return text
    }
}
