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

    /// The stylesheet of the reports (`ReportDocument`), linked when served and inlined in a standalone file.
    static let reportStylesheetText: String = {
        guard let url = Bundle.module.url(forResource: "report", withExtension: "css", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "report", withExtension: "css"),
            let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    static func reportStylesheet(_ request: Request) throws -> Response {
        css(reportStylesheetText)
    }

    static func stylesheet(_ request: Request) throws -> Response {
        css(stylesheetText)
    }

    private static func css(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
