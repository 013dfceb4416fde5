import Foundation
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("JSON API v1")
struct APITests {
    @Test("lists are paged as {items, total, page, per}")
    func lists() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators?per=2&page=2") { response in
                #expect(response.status == .ok)
                let body = response.json as? [String: Any]
                #expect(body?["total"] as? Int == 4)
                #expect(body?["page"] as? Int == 2)
                #expect(body?["per"] as? Int == 2)
                #expect((body?["items"] as? [Any])?.count == 2)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators?page=9223372036854775807&per=1000") { response in
                #expect(response.status == .ok)
                #expect(((response.json as? [String: Any])?["items"] as? [Any])?.isEmpty == true)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators?page=0") { response in
                #expect(response.apiError?.field == "page")
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators?per=5000") { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "per")
            }
        }
    }

    @Test("a record is read by its code; an unknown one is a JSON 404")
    func readByCode() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.status == .ok)
                #expect((response.json as? [String: Any])?["direction"] as? String == "decrease")
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/NOPE") { response in
                #expect(response.status == .notFound)
                #expect(response.apiError?.code == "notFound")
            }
        }
    }

    @Test("create, conflict on a second create, update, and field-named validation errors")
    func writeGoal() async throws {
        try await withServer { app in
            let goal: [String: Any] = ["code": "G2", "kind": "strategicGoal", "name": "Safer roads", "orgUnit": "DMV"]
            try await app.signedIn().test(.POST, "/api/v1/goals", headers: jsonHeaders, body: jsonBody(goal)) { response in
                #expect(response.status == .created)
            }
            try await app.signedIn().test(.POST, "/api/v1/goals", headers: jsonHeaders, body: jsonBody(goal)) { response in
                #expect(response.status == .conflict)
            }
            var renamed = goal
            renamed["name"] = "Safer roads for all"
            try await app.signedIn().test(.PUT, "/api/v1/goals/G2", headers: jsonHeaders, body: jsonBody(renamed)) { response in
                #expect(response.status == .ok)
            }
            var bad = goal
            bad["leader"] = "nobody@example.gov"
            try await app.signedIn().test(.PUT, "/api/v1/goals/G2", headers: jsonHeaders, body: jsonBody(bad)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "leader")
            }
            try await app.signedIn().test(.POST, "/api/v1/goals", headers: jsonHeaders, body: jsonBody(["code": "G3", "name": "x"])) { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "kind")
            }
            try await app.signedIn().test(.POST, "/api/v1/goals", headers: jsonHeaders, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("values are recorded atomically, a correction keeps the old value, and bad ones name the field")
    func recordValues() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: jsonBody([["period": "2026-09", "value": 21], ["period": "2026-08", "value": 22.5, "reason": "Late tickets added"]])) { response in
                #expect(response.status == .created)
                #expect((response.json as? [String: Any])?["revised"] as? Int == 1)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/revisions") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.first?["value"] as? Double == 23.1)
            }
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders,
                                         body: jsonBody([["period": "2026-10", "value": 20], ["period": "2026-Q4", "value": 1]])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.apiError?.field == "period")
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 3)
            }
        }
    }

    @Test("targets as of a date show the version then in force")
    func targetsAsOf() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/targets?asOf=2025-12-31") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.contains { $0["period"] as? String == "FY2026" && $0["value"] as? Double == 25 } == true)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/targets?asOf=2026-02-01") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.contains { $0["period"] as? String == "FY2026" && $0["value"] as? Double == 22 } == true)
            }
        }
    }

    @Test("a bad CSV upload is a 422 listing each bad line, and nothing is stored")
    func importEndpoint() async throws {
        try await withServer { app in
            let csv = "indicator,period,value\nFO-WAIT-MEDIAN,2026-13,1\nFO-SERVED,2026-10,x\n"
            try await app.signedIn().test(.POST, "/api/v1/imports", headers: ["Content-Type": "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .unprocessableEntity)
                let details = ((response.json as? [String: Any])?["error"] as? [String: Any])?["details"] as? [[String: Any]]
                #expect(details?.compactMap { $0["line"] as? Int } == [2, 3])
            }
            let good = "indicator,period,value\nFO-SERVED,2026-10,1400\n"
            try await app.signedIn().test(.POST, "/api/v1/imports?dryRun=true", headers: ["Content-Type": "text/csv"], body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok)
            }
            try await app.signedIn().test(.GET, "/api/v1/exports/measurements") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("1400"))
            }
        }
    }
}

@Suite("Analysis API")
struct AnalysisAPITests {
    @Test("an indicator's analysis is its chart, assurance, status and reasons as JSON")
    func analysis() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/analysis?asOf=2026-11-01") { response in
                #expect(response.status == .ok)
                let body = response.json as? [String: Any]
                #expect(body?["indicator"] as? String == "FO-WAIT-MEDIAN")
                #expect(((body?["chart"] as? [String: Any])?["points"] as? [Any])?.count == 2)
                #expect(body?["status"] as? String != nil)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/NOPE/analysis") { response in
                #expect(response.status == .notFound)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/analysis?asOf=soon") { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "asOf")
            }
        }
    }
}

@Suite("Explicit removal")
struct RemovalTests {
    @Test("a record still referred to is refused with 409 naming what refers to it; a free one is removed")
    func remove() async throws {
        try await withServer { app in
            try await app.signedIn().test(.DELETE, "/api/v1/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.status == .conflict)
                #expect(response.apiError?.code == "stillReferenced")
                #expect(response.body.string.contains("measurements"))
            }
            try await app.signedIn().test(.DELETE, "/api/v1/org-units/DMV-FO") { response in
                #expect(response.status == .conflict)
            }
            try await app.signedIn().test(.DELETE, "/api/v1/milestones/G1.1-M2") { response in
                #expect(response.status == .noContent)
            }
            try await app.signedIn().test(.GET, "/api/v1/milestones/G1.1-M2") { response in
                #expect(response.status == .notFound)
            }
            try await app.signedIn().test(.DELETE, "/api/v1/milestones/G1.1-M2") { response in
                #expect(response.status == .notFound)
            }
            try await app.signedIn().test(.DELETE, "/api/v1/indicators/FO-MORALE") { response in
                #expect(response.status == .conflict)
            }
            let fresh: [String: Any] = ["code": "TMP-X", "name": "Typo", "direction": "increase", "frequency": "monthly", "stage": "output", "orgUnit": "DMV", "goals": ["G1.1"]]
            try await app.signedIn().test(.POST, "/api/v1/indicators", headers: jsonHeaders, body: jsonBody(fresh)) { response in
                #expect(response.status == .created)
            }
            try await app.signedIn().test(.DELETE, "/api/v1/indicators/TMP-X") { response in
                #expect(response.status == .noContent)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/TMP-X") { response in
                #expect(response.status == .notFound)
            }
            try await app.signedIn().test(.GET, "/api/v1/goals/G1.1") { response in
                #expect(response.status == .ok)
            }
        }
    }
}
