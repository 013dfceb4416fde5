import Foundation
import Vapor

/// Static files shipped as resources of this module.
enum Assets {
    static let stylesheetText: String = {
        guard let url = Bundle.module.url(forResource: "goalstat", withExtension: "css", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "goalstat", withExtension: "css"),
            let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    static func stylesheet(_ request: Request) throws -> Response {
        let response = Response(status: .ok, body: .init(string: stylesheetText))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
