import Foundation
import GoalStatCore
@testable import GoalStatServer
import Testing
import Vapor
import VaporTesting

/// Issue 8, items 6 and 7: texts that would break storage are refused with the field named (a 4xx, never a 500,
/// on PostgreSQL too), and JSON problems name their place.
@Suite("Text limits and JSON errors over HTTP")
struct TextLimitsAndJSONErrorTests {
    private func error(_ response: TestingHTTPResponse) -> [String: Any]? {
        (response.json as? [String: Any])?["error"] as? [String: Any]
    }

    @Test("a NUL byte in any text field of the API is a 422 naming the field, and nothing is stored")
    func nulBytesInTheAPI() async throws {
        try await withServer { app in
            let writes: [(HTTPMethod, String, Any, String)] = [
                (.POST, "/api/v1/org-units", ["code": "X1", "name": "bad\u{0}name", "kind": "office", "parent": "DMV"], "name"),
                (.POST, "/api/v1/people", ["email": "p@example.gov", "name": "P", "title": "Chief\u{0}"], "title"),
                (.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", [["period": "2026-10", "value": 1, "note": "a\u{0}b"]], "note"),
                (.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/targets",
                 ["indicator": "FO-WAIT-MEDIAN", "period": "FY2028", "value": 1, "rationale": "why\u{0}", "setOn": "2026-11-20"], "rationale"),
                (.PUT, "/api/v1/goals/G1/narratives", ["goal": "G1", "period": "2026-Q1", "accomplishments": "done\u{0}"], "accomplishments"),
                (.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/rebases",
                 ["indicator": "FO-WAIT-MEDIAN", "period": "2026-01", "reason": "new\u{0}queue"], "reason"),
                (.POST, "/api/v1/users", ["email": "n@example.gov", "name": "N\u{0}", "password": "correct horse battery 43"], "name"),
                (.POST, "/api/v1/tokens", ["name": "t\u{0}", "grants": ["viewer@DMV"]], "name"),
            ]
            for (method, path, body, field) in writes {
                try await app.signedIn().test(method, path, headers: jsonHeaders, body: jsonBody(body)) { response in
                    #expect(response.status == .unprocessableEntity, "\(path): \(response.status) \(response.body.string)")
                    #expect(response.apiError?.field == field, "\(path): \(response.body.string)")
                    #expect((error(response)?["message"] as? String)?.contains("control character (U+0000)") == true, "\(path)")
                }
            }
            try await app.signedIn().test(.GET, "/api/v1/org-units/X1") { #expect($0.status == .notFound) }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 2)
            }
        }
    }

    @Test("a NUL byte in the address is a 400, not a database error")
    func nulByteInTheAddress() async throws {
        try await withServer { app in
            for path in ["/api/v1/indicators/FO-WAIT-MEDIAN/measurements?orgUnit=%00", "/api/v1/goals/G1%00", "/goals/G1%00x"] {
                try await app.signedIn().test(.GET, path) { response in
                    #expect(response.status == .badRequest, "\(path): \(response.status)")
                }
            }
        }
    }

    @Test("a NUL byte typed into the sign-in form is a wrong password, not a server error")
    func nulByteAtSignIn() async throws {
        try await withServer { app in
            let browser = try await Browser.start(on: app)
            try await browser.postForm("/sign-in", ["email": "admin\u{0}@example.gov", "password": "wrong password 123"], on: app) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("The email or password is not right"))
            }
        }
    }

    @Test("texts over their limit are refused with the limit named")
    func lengthLimits() async throws {
        try await withServer { app in
            let name = String(repeating: "n", count: TextKind.name.maximumLength + 1)
            try await app.signedIn().test(.POST, "/api/v1/org-units", headers: jsonHeaders,
                                         body: jsonBody(["code": "X1", "name": name, "kind": "office", "parent": "DMV"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "name")
                #expect((error(response)?["message"] as? String)?.contains("at most 200 characters") == true)
            }
            let note = String(repeating: "x", count: TextKind.longText.maximumLength + 1)
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: jsonBody(["period": "2026-10", "value": 1, "note": note])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "note")
            }
            try await app.signedIn().test(.POST, "/api/v1/org-units", headers: jsonHeaders,
                                         body: jsonBody(["code": "X1", "name": "Two\nlines", "kind": "office", "parent": "DMV"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect((error(response)?["message"] as? String)?.contains("must be one line") == true)
            }
        }
    }

    @Test("a body over the limit is refused with 413 before it is read; the import route still takes large files")
    func bodySizeLimit() async throws {
        try await withServer { app in
            // Through a real server: the in-memory tester hands the body over whole, past the limit's check.
            let live = try app.signedInLive(port: 18151)
            let huge = "[{\"period\": \"2026-10\", \"value\": 1, \"note\": \"" + String(repeating: "x", count: 3_000_000) + "\"}]"
            try await live.test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: huge)) { response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.apiError?.code == "bodyTooLarge")
            }
            let csv = "indicator,period,value\n" + String(repeating: "FO-SERVED,2026-10,1\n", count: 150_000)
            try await live.test(.POST, "/api/v1/imports?dryRun=true", headers: ["Content-Type": "text/csv"],
                                         body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .unprocessableEntity, "a 3 MB file reaches the importer, which finds the duplicates")
                #expect(response.apiError?.code == "importRejected")
            }
        }
    }

    @Test("numbers that underflow to zero are refused like those that overflow, naming the field")
    func underflow() async throws {
        try await withServer { app in
            let body = "[{\"period\": \"2026-10\", \"value\": 1}, {\"period\": \"2026-11\", \"value\": 1e-400}]"
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: body)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "items[1].value")
                #expect((error(response)?["message"] as? String)?.contains("too close to zero") == true)
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: "{\"period\": \"2026-10\", \"value\": 1e400}")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "value")
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 2)
            }
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=1e-400&rationale=Tiny&setOn=2026-11-20")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("too close to zero"))
            }
        }
    }

    @Test("a bad item of a list names its index and field, with its line and column")
    func badItemOfAList() async throws {
        try await withServer { app in
            let body = "[\n  {\"period\": \"2026-10\", \"value\": 1},\n  {\"period\": \"2026-11\", \"value\": \"lots\"}\n]"
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "items[1].value")
                #expect(error(response)?["message"] as? String == "items[1].value: expected a number")
                let detail = (error(response)?["details"] as? [[String: Any]])?.first
                #expect(detail?["line"] as? Int == 3)
                #expect(detail?["column"] as? String == "34")
            }
        }
    }

    @Test("a JSON syntax error names its line and column; a repeated key names both places")
    func syntaxAndDuplicates() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: "{\n  \"period\": \"2026-10\",\n  \"value\": 1,,\n}")) { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.code == "malformedBody")
                #expect((error(response)?["message"] as? String)?.contains("line 3, column 14") == true, "\(response.body.string)")
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: ByteBuffer(string: "{\"period\": \"2026-10\", \"value\": 1, \"value\": 2}")) { response in
                #expect(response.status == .badRequest)
                #expect((error(response)?["message"] as? String)?.contains("appears twice in this object, first at line 1, column 23") == true,
                        "\(response.body.string)")
            }
        }
    }

    @Test("the HTML forms show a text problem beside the field: data entry, target, users and tokens")
    func forms() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-10&value%5BFO-WAIT-MEDIAN%5D=21.5&note%5BFO-WAIT-MEDIAN%5D=a%00b")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("control character (U+0000)"))
            }
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=20&rationale=Why%00&setOn=2026-11-20")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("control character (U+0000)"))
            }
            try await app.signedIn().test(.POST, "/users", headers: formHeaders,
                                         body: ByteBuffer(string: "email=new%40example.gov&name=\(String(repeating: "n", count: 201))&password=correct+horse+battery+43")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("at most 200 characters"))
            }
            try await app.signedIn().test(.POST, "/account/tokens", headers: formHeaders,
                                         body: ByteBuffer(string: "name=tok%00en&grants%5B%5D=viewer%40DMV")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("control character (U+0000)"))
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 2)
            }
        }
    }
}
