import Foundation
import Vapor

extension Request {
    /// The submitted form's fields, each with every value it was sent with (`goals=A&goals=B`).
    ///
    /// Read here rather than with Vapor's form decoder: the record forms are built from field lists, so the body is
    /// read as name → values whatever the names, and Vapor's decoder, asked for a list, splits a single value at its
    /// commas ("Safe roads, quick service" would become two values).
    func formValues() throws -> FormValues {
        guard headers.contentType == .urlEncodedForm else {
            throw Abort(.unsupportedMediaType, reason: "Send the form as application/x-www-form-urlencoded.")
        }
        var values: [String: [String]] = [:]
        let body = body.string ?? ""
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]) else { throw Abort(.badRequest, reason: "The form's body is not valid form encoding.") }
            guard let value = Self.formDecoded(parts.count > 1 ? parts[1] : "") else {
                throw Abort(.badRequest, reason: "The value of \(name) is not valid form encoding.")
            }
            values[name, default: []].append(value)
        }
        return FormValues(values)
    }

    private static func formDecoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
