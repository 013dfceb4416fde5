import Foundation
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Compression")
struct CompressionTests {
    @Test("pages and JSON are gzipped for a client that accepts it, and sent plain to one that does not")
    func textIsCompressedWhenAccepted() async throws {
        try await withServer { app in
            // Through a real server: compression happens in the HTTP pipeline, which the in-memory tester skips.
            let live = try app.signedInLive(port: 18152)
            for path in ["/", "/api/v1/indicators", "/openapi.json"] {
                try await live.test(.GET, path, headers: ["Accept-Encoding": "gzip"]) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers.first(name: .contentEncoding) == "gzip", "\(path) was not compressed")
                }
                try await live.test(.GET, path) { response in
                    #expect(response.headers.first(name: .contentEncoding) == nil, "\(path) compressed for a client that did not ask")
                }
            }
        }
    }
}
