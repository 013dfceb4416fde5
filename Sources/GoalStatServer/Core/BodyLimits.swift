import Vapor

/// How large a request body may be; larger ones are answered 413 before anything reads them.
enum BodyLimits {
    /// JSON and form bodies: the largest single record (an indicator with every long text at `TextKind.longText`'s
    /// 20,000 characters, escaped) is under 1 MB.
    static let request: ByteCount = "2mb"
    /// `POST /api/v1/imports`: a measurements CSV of a few million rows.
    static let fileImport: ByteCount = "256mb"
    /// The same limit in words, for the 413 message.
    static let requestText = "2 MB"
}
