import Foundation
import GoalStatCore
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Audit wiring: each door records its source")
struct AuditWiringTests {
    private func entries(_ filter: AuditFilter, on app: Application) async throws -> [AuditEntry] {
        try await AuditLog.search(filter, on: app.db).items
    }

    @Test("an API write is recorded as api, at the app's clock")
    func api() async throws {
        try await withServer { app in
            let goal: [String: Any] = ["code": "G1", "kind": "strategicGoal", "name": "Faster and simpler service", "orgUnit": "DMV",
                                       "leader": "r.alvarez@example.gov", "perspective": "Public", "public": true]
            try await app.signedIn().test(.PUT, "/api/v1/goals/G1", headers: jsonHeaders, body: jsonBody(goal)) { response in
                #expect(response.status == .ok)
            }
            let recorded = try await entries(AuditFilter(source: .api), on: app)
            #expect(recorded.map { "\($0.entity)|\($0.key)|\($0.field)" } == ["goal|G1|name"])
            #expect(recorded.first?.at == Fixtures.now)
        }
    }

    @Test("the target form and the data-entry grid are recorded as form")
    func forms() async throws {
        try await withServer { app in
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=20&rationale=Course+correction")) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-10&value%5BFO-WAIT-MEDIAN%5D=21.5")) { response in
                #expect(response.status == .ok)
            }
            let recorded = try await entries(AuditFilter(source: .form), on: app)
            #expect(Set(recorded.map { "\($0.entity)|\($0.key)" }) == ["target|FO-WAIT-MEDIAN//FY2027/2026-11-23", "measurement|FO-WAIT-MEDIAN//2026-10-01"])
        }
    }

    @Test("a file sent to POST /api/v1/imports is recorded as an import: one entry for its batch")
    func fileImport() async throws {
        try await withServer { app in
            let csv = "indicator,period,value\nFO-WAIT-MEDIAN,2026-10,21.5\nFO-WAIT-MEDIAN,2026-09,22\n"
            try await app.signedIn().test(.POST, "/api/v1/imports", headers: ["Content-Type": "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
            }
            let recorded = try await entries(AuditFilter(entity: .importBatch, source: .import), on: app)
            #expect(recorded.count == 2)
            #expect(recorded.first?.newValue == #"{"label":"upload.csv","rowsAdded":2,"rowsRevised":0}"#)
        }
    }
}
