import Foundation
import GoalStatCore
@testable import GoalStatServer
import GoalStatStore
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Downloads: every export, from the pages")
struct DownloadTests {
    @Test("one indicator's values download as CSV and JSON, with the right type and only its rows")
    func oneIndicator() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/exports/measurements?format=csv&indicator=FO-WAIT-MEDIAN") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "csv")
                #expect(response.headers.first(name: .contentDisposition)?.contains("FO-WAIT-MEDIAN-measurements.csv") == true)
                let lines = response.body.string.split(separator: "\n")
                #expect(lines.first == "indicator,period,value,org_unit,status,note")
                #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.hasPrefix("FO-WAIT-MEDIAN,") })
            }
            try await app.signedIn().test(.GET, "/api/v1/exports/measurements?format=json&indicator=FO-SAT") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .json)
                let items = response.json as? [[String: Any]]
                #expect(items?.count == 1 && items?.first?["indicator"] as? String == "FO-SAT")
            }
            try await app.signedIn().test(.GET, "/api/v1/exports/measurements?indicator=NOPE") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("the downloads page offers every export its reader may have, and the indicator page its own values")
    func pages() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/exports") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                for link in ["/api/v1/exports/measurements?format=csv", "/api/v1/exports/measurements?format=json",
                             "/api/v1/exports/framework?format=yaml", "/api/v1/exports/framework?format=json", "/audit.csv"] {
                    #expect(html.contains("href=\"\(link)\""), "missing \(link)")
                }
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.body.string.contains("href=\"/api/v1/exports/measurements?format=csv&amp;indicator=FO-WAIT-MEDIAN\""))
            }
            try await app.signedIn().test(.GET, "/api/v1/exports/framework?format=yaml") { response in
                #expect(response.headers.contentType?.subType == "yaml")
                #expect(response.body.string.contains("FO-WAIT-MEDIAN"))
            }
        }
    }
}
