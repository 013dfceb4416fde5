@testable import GoalStatServer
import Foundation
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Pasting rows from a spreadsheet into the data-entry grid")
struct PastedRowsTests {
    @Test("tab- or comma-separated rows give code, value, status and note")
    func parses() throws {
        let pasted = PastedRows.parse("FO-SERVED\t1300\tProvisional\tlate export\n\nFO-WAIT-MEDIAN, 21.5\n", codes: ["FO-SERVED", "FO-WAIT-MEDIAN"])
        #expect(pasted.rows == [
            PastedRows.Row(code: "FO-SERVED", value: "1300", status: "provisional", note: "late export", line: 1),
            PastedRows.Row(code: "FO-WAIT-MEDIAN", value: "21.5", status: nil, note: nil, line: 3),
        ])
        #expect(pasted.problems.isEmpty)
    }

    @Test("an unknown code, a missing value, a bad status or a repeated code names its line, every one of them")
    func refuses() {
        let codes: Set<String> = ["A"]
        #expect(PastedRows.parse("B\t1", codes: codes).problems == ["line 1: 'B' is not one of the indicators in this grid"])
        #expect(PastedRows.parse("\nA", codes: codes).problems == ["line 2: expected an indicator code and a value"])
        #expect(PastedRows.parse("A\t1\tdone", codes: codes).problems == ["line 1: status 'done' is not final, provisional, estimated or missing"])
        #expect(PastedRows.parse("A\t1\nA\t2\nB\t3", codes: codes).problems == [
            "line 2: A is already on line 1", "line 3: 'B' is not one of the indicators in this grid",
        ])
    }

    @Test("pasted rows are saved like typed ones, and a bad paste saves nothing")
    func savesThroughTheGrid() async throws {
        try await withServer { app in
            let bad = "steward=k.osei%40example.gov&month=2026-10&paste=" + "NOPE\t1".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("is not one of the indicators in this grid"))
            }
            let good = "steward=k.osei%40example.gov&month=2026-10&paste=" + "FO-WAIT-MEDIAN\t21.5\nFO-SERVED\t1300\tprovisional".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders, body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("2 added"))
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-SERVED/measurements") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.contains { $0["period"] as? String == "2026-10" && $0["status"] as? String == "provisional" && $0["value"] as? Double == 1300 } == true)
            }
        }
    }
}
