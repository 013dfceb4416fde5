import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

/// Issue 12's promise: the portal, its search, the open data and the portal's APIs show an anonymous visitor
/// nothing that is not published, and no personal data beyond the names of the leaders of published goals.
@Suite("Portal: nothing unpublished reaches a visitor")
struct PortalVisibilityTests {
    /// Words that only unpublished records hold: none may appear in any public response.
    static let secrets = [
        "ZANZIBAR", "YUCATAN", "XANADU", "QUOKKA", "NARWHAL", "WOMBAT", "AXOLOTL", "CAPYBARA",
        "Internal staffing goal", "Customer satisfaction", "Staff morale", "Hire two clerks", "@example.gov",
    ]

    /// Stores the unpublished records (and a few published ones as controls) the test looks for.
    static func prepare(on app: Application) async throws {
        _ = try await MatrixSetup.prepare(on: app)
        let audit = Fixtures.audit(.api)
        try await Transactions.run(on: app.db) { tx in
            _ = try await FrameworkStore.importDocument(FrameworkDocument(narratives: [
                Narrative(goal: "G1.1", period: "FY2026-Q3", accomplishments: "ZANZIBAR draft narrative", state: .draft),
                Narrative(goal: "G1.1", period: "FY2026-Q2", accomplishments: "YUCATAN approved narrative", state: .approved),
                Narrative(goal: "G-PRIV", period: "FY2026-Q4", accomplishments: "XANADU narrative of a private goal", state: .published),
            ]), audit: audit, on: tx)
            let wins = [
                Win(id: UUID(), title: "QUOKKA unpublished win", story: "Not yet.", goal: "G1.1", achievedOn: "2026-05-01"),
                Win(id: UUID(), title: "NARWHAL win of a private goal", story: "Hidden.", goal: "G-PRIV", achievedOn: "2026-05-02", published: true),
                Win(id: UUID(), title: "WOMBAT win of a private indicator", story: "Hidden.", goal: "G1.1", indicator: "FO-SAT", achievedOn: "2026-05-03", published: true),
                Win(id: UUID(), title: "HERON published win", story: "Queues shortened.", goal: "G1.1", achievedOn: "2026-05-04", published: true, recordedBy: "k.osei@example.gov"),
            ]
            for win in wins { try await PortalStore.addWin(win, audit: audit, on: tx) }
            let comments: [(String, FeedbackState, String?)] = [
                ("AXOLOTL pending comment", .pending, nil), ("CAPYBARA rejected comment", .rejected, nil), ("IBIS published comment", .published, "KESTREL response"),
            ]
            for (message, state, response) in comments {
                let id = UUID()
                try await PortalStore.addFeedback(CitizenFeedback(id: id, goal: "G1.1", message: message, displayName: nil, submittedAt: Fixtures.now), addressKey: "test", audit: audit, on: tx)
                if state != .pending { _ = try await PortalStore.moderate(id, state: state, response: response, audit: audit, on: tx) }
            }
        }
    }

    static let publicPaths: [String] = [
        "/", "/public", "/public/goals/G1", "/public/goals/G1.1", "/public/indicators/FO-WAIT-MEDIAN", "/public/updates", "/public/wins",
        "/public/display", "/public/display?slide=1", "/public/display?slide=2", "/public/data",
        "/public/data/values.csv?indicator=FO-WAIT-MEDIAN",
        "/api/v1/wins", "/api/v1/goals/G1.1/feedback", "/api/v1/people", "/api/v1/goals", "/api/v1/goals/G1.1", "/api/v1/indicators",
        "/api/v1/indicators/FO-WAIT-MEDIAN", "/api/v1/goals/G1.1/narratives", "/api/v1/milestones", "/api/v1/plan", "/api/v1/links",
    ] + OpenDataController.files.map { "/public/data/\($0)" }
        + (secrets + ["heron", "satisfaction", "internal staffing", "ibis"]).map { "/public/search?q=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }

    @Test("every public page, search, download and API answer holds no unpublished record and no e-mail address")
    func nothingUnpublished() async throws {
        try await withServer { app in
            try await Self.prepare(on: app)
            var bodies: [String: String] = [:]
            for path in Self.publicPaths {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .ok, "\(path) answered \(response.status.code)")
                    bodies[path] = response.body.string
                }
            }
            for (path, body) in bodies {
                // A search repeats what was asked for: it must have found nothing.
                if path.hasPrefix("/public/search"), let asked = Self.secrets.first(where: { path.contains($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }) {
                    #expect(body.contains("Nothing published matches"), "searching for '\(asked)' found something")
                    continue
                }
                for secret in Self.secrets {
                    #expect(!body.localizedCaseInsensitiveContains(secret), "\(path) shows '\(secret)' to a visitor")
                }
            }
            // The controls: what is published is there, so the test can fail.
            #expect(bodies["/public/wins"]?.contains("HERON published win") == true)
            #expect(bodies["/public/goals/G1.1"]?.contains("IBIS published comment") == true)
            #expect(bodies["/public/goals/G1.1"]?.contains("KESTREL response") == true)
            #expect(bodies["/public/goals/G1.1"]?.contains("Queue system live.") == true, "the published narrative")
            #expect(bodies["/public/goals/G1.1"]?.contains("Kwame Osei") == true, "the leader's public name")
            #expect(bodies["/public/search?q=heron"]?.contains("HERON published win") == true)
            #expect(bodies["/public/data/indicators.csv"]?.contains("FO-WAIT-MEDIAN") == true)
            #expect(bodies["/public/data/values.csv"]?.contains("FO-WAIT-MEDIAN") == true)
            #expect(bodies["/public/data/values.csv"]?.contains("FO-SAT") == false)
            #expect(bodies["/public/data/values.json"]?.contains("FO-SERVED") == false)
            #expect(bodies["/public/data/targets.csv"]?.contains("FO-WAIT-MEDIAN") == true)
            #expect(bodies["/"]?.contains("Department of Motor Vehicles") == true, "the agency's name in the header")
            // Unpublished records are not found at all.
            for path in ["/public/goals/G-PRIV", "/public/indicators/FO-SAT", "/public/data/values.csv?indicator=FO-SAT", "/api/v1/goals/G-PRIV/feedback", "/public/data/secrets.csv"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .notFound, "\(path) answered \(response.status.code)")
                }
            }
        }
    }

    @Test("visitors are sent from the staff pages of published records to their permanent public pages; staff pages offer only what the reader may do")
    func staffPagesForVisitors() async throws {
        try await withServer { app in
            let setup = try await MatrixSetup.prepare(on: app)
            try await app.testing().test(.GET, "/goals/G1.1") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/public/goals/G1.1")
            }
            try await app.testing().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.headers.first(name: .location) == "/public/indicators/FO-WAIT-MEDIAN")
            }
            try await app.testing().test(.GET, "/public/indicators/FO-WAIT-MEDIAN") { response in
                let html = response.body.string
                #expect(!html.contains("Revise target"))
                #expect(!html.contains("href=\"/openapi.json\""), "a visitor is sent to raw JSON")
                #expect(html.contains("Walk-outs are not counted."), "the data-quality statement")
                #expect(html.contains("<table"), "a table beside the chart")
            }
            // A reader of another unit reads the published indicator's staff page, without the button they cannot use.
            let viewer: HTTPHeaders = ["Authorization": "Bearer \(setup.tokens[.otherViewer]!)"]
            try await app.testing().test(.GET, "/indicators/FO-WAIT-MEDIAN", headers: viewer) { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("Revise target"))
            }
            try await app.signedIn().test(.GET, "/indicators/FO-WAIT-MEDIAN") { response in
                #expect(response.body.string.contains("Revise target"))
            }
        }
    }

    @Test("display mode cycles through the published goals by itself, with no script and no sign-in")
    func displayMode() async throws {
        try await withServer { app in
            try await app.testing().test(.GET, "/public/display") { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains("http-equiv=\"refresh\" content=\"20; url=/public/display?slide=1\""))
                #expect(!html.contains("<script"))
                #expect(html.contains("Faster service"))
            }
            try await app.testing().test(.GET, "/public/display?slide=1") { response in
                #expect(response.body.string.contains("Cut office wait times"))
                #expect(response.body.string.contains("url=/public/display\""), "the last slide goes back to the first")
            }
            try await app.testing().test(.GET, "/public/display?slide=x") { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("the status on the portal is in words: no status names, no slopes, no intervals")
    func plainStatus() async throws {
        try await withServer { app in
            for path in ["/public", "/public/goals/G1.1", "/public/indicators/FO-WAIT-MEDIAN", "/public/display?slide=1"] {
                try await app.testing().test(.GET, path) { response in
                    let html = response.body.string
                    for word in ["onTrack", "atRisk", "offTrack", "noTarget", "noData", "belowLowerLimit", "95%", "per year"] {
                        // Class names carry the status for the stylesheet; the text must not.
                        let text = html.replacingOccurrences(of: #"class="[^"]*""#, with: "", options: .regularExpression)
                        #expect(!text.contains(word), "\(path) shows '\(word)'")
                    }
                }
            }
        }
    }
}
