import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GoalStatServer
import Testing
import Vapor
import VaporTesting

@Suite("Analysis chart")
struct AnalysisChartTests {
    @Test("the API serves the XmR chart as SVG; an unknown or qualitative indicator or a bad date is refused")
    func chartSVG() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/chart.svg") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.type == "image")
                #expect(response.headers.contentType?.subType == "svg+xml")
                let svg = response.body.string
                #expect(svg.hasPrefix("<svg"))
                #expect(svg.contains("Median in-office wait: process behaviour chart"))
                #expect(svg.components(separatedBy: #"class="xmr-point "#).count - 1 == 2)
                #expect(XMLParser(data: Data(svg.utf8)).parse())
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/chart.svg?asOf=2026-08-15") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.components(separatedBy: #"class="xmr-point "#).count - 1 == 1)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/NOPE/chart.svg") { response in
                #expect(response.status == .notFound)
                #expect(response.apiError?.code == "notFound")
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-MORALE/chart.svg") { response in
                #expect(response.status == .unprocessableEntity)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-MORALE/analysis") { response in
                #expect(response.status == .ok, "a qualitative indicator's analysis tells its status from its levels")
                #expect((response.json as? [String: Any])?["latestLevel"] as? String != nil)
            }
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/chart.svg?asOf=soon") { response in
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == "asOf")
            }
        }
    }

    @Test("the indicator page shows the process behaviour chart with its icons, reasons and table")
    func indicatorPage() async throws {
        try await withServer { app in
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Process behaviour chart"))
                #expect(html.contains(#"class="xmr-chart""#))
                #expect(html.contains("xmr-icon-variation"))
                #expect(html.contains("Variation: "))
                #expect(html.contains("Assurance: "))
                #expect(html.contains(#"<ul class="xmr-reasons">"#))
                #expect(html.contains("Process behaviour chart of Median in-office wait"))
                #expect(html.contains(#"<th scope="col">Upper limit</th>"#))
                #expect(html.contains(#"href="/api/v1/indicators/FO-WAIT-MEDIAN/chart.svg""#))
                #expect(!html.contains(" style="), "the Content-Security-Policy forbids inline styles")
            }
            try await app.signedIn().test(.GET, "/indicators/FO-MORALE") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("Process behaviour chart"))
            }
        }
    }
}
