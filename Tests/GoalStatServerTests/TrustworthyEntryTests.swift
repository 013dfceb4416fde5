import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Data that can be trusted, through the API and the grid (issue 10): implausible values refused with the reason,
/// values of an unfinished period held as provisional, corrections with a reason.
@Suite("Trustworthy data entry over HTTP")
struct TrustworthyEntryTests {
    @Test("140% is refused by the API and the grid with the reason; 88% is stored")
    func implausibleValues() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-SAT/measurements", headers: jsonHeaders,
                                         body: jsonBody(["period": "2026-Q2", "value": 140])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "value")
                #expect(response.body.string.contains("140 is above 100"))
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-10&value%5BFO-SERVED%5D=-5")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("-5 is below 0, the smallest valid value of a count"))
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-SAT/measurements", headers: jsonHeaders,
                                         body: jsonBody(["period": "2026-Q2", "value": 88])) { response in
                #expect(response.status == .created)
                // The read model's share of the request, for the benchmark of issue 9.
                let timing = response.headers.first(name: "Server-Timing") ?? ""
                #expect(timing.hasPrefix("read-model;dur="))
                #expect((Double(timing.dropFirst("read-model;dur=".count)) ?? 0) > 0)
            }
        }
    }

    @Test("a final value for a period that has not ended is stored as provisional, and the grid says so")
    func unfinishedPeriods() async throws {
        try await withServer { app in
            // The clock of these tests reads 2026-11-23: November has not ended.
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-11&value%5BFO-SERVED%5D=900")) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("kept as provisional, not final"))
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-SERVED/measurements", headers: jsonHeaders,
                                         body: jsonBody(["period": "2026-11", "value": 950, "status": "final"])) { response in
                #expect((response.json as? [String: Any])?["heldProvisional"] as? Int == 1)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-SERVED/measurements") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.first { $0["period"] as? String == "2026-11" }?["status"] as? String == "provisional")
            }
        }
    }

    @Test("a correction of a final value needs a reason, through the API and the grid; the reason shows in the history, and the indicator's history lists its corrections and target versions")
    func correctionsNeedReasons() async throws {
        try await withServer { app in
            // FO-WAIT-MEDIAN 2026-07 is stored as final (24.5) by the fixtures.
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: jsonBody(["period": "2026-07", "value": 1])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "reason")
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-07&value%5BFO-WAIT-MEDIAN%5D=2")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("a correction of a final value needs a reason"))
                #expect(response.body.string.contains("id=\"reason\""))
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-07&value%5BFO-WAIT-MEDIAN%5D=2&reason=Counted+twice")) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("1 revised"))
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/revisions") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.first?["correctionReason"] as? String == "Counted twice")
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.body.string.contains("Counted twice"))
            }
            // The indicator's history holds its value corrections and target versions, in plain words.
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=19&rationale=Stretch")) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.GET, "/audit?entity=indicator&key=FO-WAIT-MEDIAN") { response in
                let html = response.body.string
                #expect(html.contains("Value of FO-WAIT-MEDIAN (whole indicator), period starting 2026-07-01"))
                #expect(html.contains("Target of FO-WAIT-MEDIAN (whole indicator) for FY2027, set on 2026-11-23"))
                #expect(html.contains("Web form"))
                #expect(!html.contains(">form<"))
            }
        }
    }
}
