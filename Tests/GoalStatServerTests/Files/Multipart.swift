import Foundation
import Vapor

/// A multipart/form-data body as a browser sends a file input (and the other fields of its form).
struct Multipart {
    static let boundary = "----goalstat-test-boundary"

    static var headers: HTTPHeaders {
        ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
    }

    static func body(file name: String, _ content: String, fields: [String: String] = [:]) -> ByteBuffer {
        var text = ""
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n"
        }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        text += content
        text += "\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    /// The commit token of a preview page, if it offers the commit.
    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
