import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GoalStatTestSupport
import Testing

/// SPEC §6: several server processes can serve one database, and nothing a process keeps may hide another's write.
/// Two real `goalstat serve` processes on one database (PostgreSQL when the suite runs on it): a value saved through
/// one shows on the other's pages at the next request, although the other had rendered and kept them before.
@Suite("two server processes on one database", .serialized)
struct TwoProcessTests {
    @Test("a value saved through one process shows on the other's dashboard, indicator page and analysis at once")
    func aWriteThroughOneShowsOnTheOther() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        #expect(try cli.run(["users", "add", "pio@example.gov", "--name", "P I O", "--admin"], stdin: "tulip window 2026\n").status == 0)
        let token = try cli.run(["users", "token", "pio@example.gov", "--name", "two processes", "--grant", "admin@*"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!token.isEmpty)

        let first = try await ServerProcess.start(cli)
        defer { first.stop() }
        let second = try await ServerProcess.start(cli)
        defer { second.stop() }

        let path = "/indicators/FO-WAIT-MEDIAN"
        let before = try await second.get(path, token: token)
        #expect(!before.contains("77.2"))
        let beforeDashboard = try await second.get("/", token: token)
        let dashboardBefore = beforeDashboard.contains("(2026-02)") && !beforeDashboard.contains("(2026-03)")
        #expect(dashboardBefore)
        // The second process has rendered and kept both pages; the value goes in through the first.
        let saved = try await first.send("POST", "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", token: token,
                                         json: #"{"period": "2026-03", "value": 77.25}"#)
        #expect(saved.status == 201, "\(saved.body.prefix(300))")

        let after = try await second.get(path, token: token)
        let showsTheValue = after.contains("77.25") || after.contains("77.2 minutes")
        #expect(showsTheValue, "the second process still shows what it kept before the write")
        let analysis = try await second.get("/api/v1/indicators/FO-WAIT-MEDIAN/analysis", token: token)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(analysis.utf8)) as? [String: Any])
        #expect(object["latestValue"] as? Double == 77.25)
        #expect(object["latestPeriod"] as? String == "2026-03")
        let afterDashboard = try await second.get("/", token: token)
        let dashboardAfter = afterDashboard.contains("(2026-03)")
        #expect(dashboardAfter, "the dashboard was served from before the write")
    }
}

/// One `goalstat serve` process on the runner's database, on a free port.
private final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    static func start(_ cli: CLIRunner) async throws -> ServerProcess {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...45_000)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["serve", "--database", cli.database, "--port", String(port)]
            process.currentDirectoryURL = cli.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let server = ServerProcess(process: process, port: port)
            for _ in 0..<300 where process.isRunning {
                if (try? await server.send("GET", "/assets/goalstat.css", token: nil, json: nil)) != nil { return server }
                try await Task.sleep(for: .milliseconds(100))
            }
            server.stop()
        }
        throw ServerFailed()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func get(_ path: String, token: String) async throws -> String {
        let response = try await send("GET", path, token: token, json: nil)
        #expect(response.status == 200, "GET \(path): \(response.status)")
        return response.body
    }

    func send(_ method: String, _ path: String, token: String?, json: String?) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    private struct ServerFailed: Error {}
}
