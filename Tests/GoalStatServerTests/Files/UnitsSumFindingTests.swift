import Foundation
import GoalStatCore
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// A total that differs from the sum of its units: kept in the read model, up to date after each write, shown on
/// the indicator page and in the review.
@Suite("Integrity: a total that differs from its units, in the read model and on the pages")
struct UnitsSumFindingTests {
    private func post(_ body: [String: Any], on app: Application) async throws {
        try await app.signedIn().test(.POST, "/api/v1/indicators/FO-SERVED/measurements", headers: jsonHeaders, body: jsonBody(body)) { response in
            #expect(response.status == .created || response.status == .ok, "\(response.body.string)")
        }
    }

    private func findings(_ app: Application) async throws -> [IntegrityFinding] {
        try await ReadModel.integrityFindings(of: ["FO-SERVED"], on: app.db).filter { $0.check == .totalDisagreesWithUnits }
    }

    @Test("a total beyond the tolerance is flagged; correcting a unit to agree clears it")
    func keptUpToDate() async throws {
        try await withServer { app in
            // The fixture has 1,200 for the northern unit in 2026-08; a total of 1,500 disagrees by 300.
            try await post(["period": "2026-08", "value": 1500, "status": "provisional"], on: app)
            let flag = try #require(try await findings(app).first)
            #expect(flag.orgUnit == nil && flag.evidence["unitSum"] == 1200 && flag.evidence["total"] == 1500)
            try await app.signedIn().test(.GET, "/indicators/FO-SERVED") { response in
                #expect(response.body.string.contains("Total differs from the sum of its units"))
            }
            try await app.signedIn().test(.GET, "/review") { response in
                #expect(response.body.string.contains("Total differs from the sum of its units"))
            }
            // A write to the unit alone works out the total's finding again.
            try await post(["period": "2026-08", "value": 1500, "orgUnit": "DMV-FO-NORTH", "status": "provisional"], on: app)
            #expect(try await findings(app).isEmpty)
        }
    }

    @Test("a total within half a percent of its units is not flagged")
    func withinTolerance() async throws {
        try await withServer { app in
            try await post(["period": "2026-08", "value": 1206, "status": "provisional"], on: app)
            #expect(try await findings(app).isEmpty)
        }
    }
}
