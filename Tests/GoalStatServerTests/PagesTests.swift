import Foundation
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Pages")
struct PagesTests {
    @Test("the dashboard lists the plan and every goal with its status and why")
    func dashboard() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Strategic Plan FY2026–FY2029"))
                #expect(html.contains("Cut office wait times"))
                #expect(html.contains("Help every resident drive legally and safely."))
                #expect(html.contains("<svg"))
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            }
        }
    }

    @Test("a goal page lays its indicators along the value chain, with milestones and narratives")
    func goalPage() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/goals/G1.1") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                for stage in ["Inputs", "Outputs", "Immediate outcomes", "Intermediate outcomes", "Ultimate outcomes"] {
                    #expect(html.contains(stage), "missing stage \(stage)")
                }
                #expect(html.contains("Median in-office wait"))
                #expect(html.contains("Queue system live"))
                #expect(html.contains("Hire."))
            }
            try await app.signedIn().test(.GET, "/goals/NOPE") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("an indicator page shows the chart, the data, the target history and the revisions")
    func indicatorPage() async throws {
        try await withServer { app in
            _ = try await ImportService.importFiles(
                [ImportFile(name: "fix.csv", data: Data("indicator,period,value\nFO-WAIT-MEDIAN,2026-08,22.9\n".utf8))],
                dryRun: false, reason: "Corrected in a test", audit: Fixtures.audit(), on: app.db
            )
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<svg"))
                #expect(html.contains("<table"))
                #expect(html.contains("Raised after the Q1 review."))
                #expect(html.contains("Baseline 31 minutes."))
                #expect(html.contains("23.1"))
                #expect(html.contains("22.9"))
                #expect(html.contains("Monthly reconciliation."))
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN?asOf=2025-12-31") { response in
                #expect(response.status == .ok)
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN?asOf=yesterday") { response in
                #expect(response.status == .badRequest)
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN/chart.svg") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "svg+xml")
            }
        }
    }

    @Test("the target form adds a version and keeps the old one; a bad one is refused with the field named")
    func reviseTarget() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN/targets/new") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("rationale"))
            }
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=20&rationale=Course+correction")) { response in
                #expect(response.status == .seeOther)
            }
            try await app.signedIn().test(.POST, "/indicators/FO-WAIT-MEDIAN/targets", headers: formHeaders,
                                         body: ByteBuffer(string: "period=FY2027&value=abc&rationale=")) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("is not a number"))
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/targets") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]]
                #expect(items?.count == 4)
            }
        }
    }

    @Test("the data-entry grid saves all of a steward's values at once, or none when one is bad")
    func dataEntry() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/data-entry?steward=k.osei@example.gov&month=2026-10") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("FO-WAIT-MEDIAN"))
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-10&value%5BFO-WAIT-MEDIAN%5D=21.5&value%5BFO-SERVED%5D=1%2C300")) { response in
                #expect(response.status == .unprocessableEntity)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 2)
            }
            try await app.signedIn().test(.POST, "/data-entry", headers: formHeaders,
                                         body: ByteBuffer(string: "steward=k.osei%40example.gov&month=2026-10&value%5BFO-WAIT-MEDIAN%5D=21.5&value%5BFO-SERVED%5D=1300")) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("2 added"))
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == 3)
            }
        }
    }
}
