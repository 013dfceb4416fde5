import Vapor

/// How large a request body may be; larger ones are answered 413 before anything reads them.
enum BodyLimits {
    /// JSON and form bodies: the largest single record (an indicator with every long text at `TextKind.longText`'s
    /// 20,000 characters, escaped) is under 1 MB.
    static let request: ByteCount = "2mb"
    /// `POST /api/v1/imports`: a measurements CSV of a few million rows.
    static let fileImport: ByteCount = "256mb"
    /// A file uploaded on the import page: kept in the database between its preview and its commit, so smaller than
    /// the API's; a larger file goes through `POST /api/v1/imports` or `goalstat import`.
    static let pageUpload: ByteCount = "32mb"
    /// The page upload limit in words, for the page.
    static let pageUploadText = "32 MB"
    /// The same limit in words, for the 413 message.
    static let requestText = "2 MB"
}
