import FluentKit
import Foundation
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Concurrent writers")
struct ConcurrentWriterTests {
    /// One value per writer and round, each in a month of its own, so that every acknowledged write can be found again.
    private static func period(writer: Int, round: Int, rounds: Int) -> String {
        let index = writer * rounds + round
        return String(format: "%04d-%02d", 2010 + index / 12, index % 12 + 1)
    }

    @Test("eight API clients posting values at once get no 5xx, and every acknowledged value is stored")
    func eightConcurrentWriters() async throws {
        // A generous bound, so that a loaded test machine cannot turn a slow queue into a 503: what is tested is that
        // no writer fails for the lock (before, most failed at once with "database is locked").
        try await withServer(writeWait: WriteWait(bound: .seconds(120))) { app in
            let writers = 8, rounds = 6
            let acknowledged = try await withThrowingTaskGroup(of: [(String, UInt)].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var results: [(String, UInt)] = []
                        for round in 0..<rounds {
                            let period = Self.period(writer: writer, round: round, rounds: rounds)
                            // A value and a correction of the value already stored: the store reads, then writes.
                            let body = jsonBody([["period": period, "value": Double(writer * 100 + round)], ["period": "2026-08", "value": Double(round), "reason": "Recount"]])
                            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders, body: body) { response in
                                results.append((period, response.status.code))
                            }
                        }
                        return results
                    }
                }
                var all: [(String, UInt)] = []
                for try await results in group { all += results }
                return all
            }
            #expect(acknowledged.count == writers * rounds)
            #expect(acknowledged.filter { $0.1 >= 500 }.map(\.1) == [])
            let stored = acknowledged.filter { $0.1 == 200 || $0.1 == 201 }.map(\.0)
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements?per=1000") { response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                let periods = Set(items.compactMap { $0["period"] as? String })
                #expect(stored.filter { !periods.contains($0) } == [])
                #expect(stored.count == writers * rounds)
            }
        }
    }
}

@Suite("Database outages")
struct DatabaseOutageTests {
    /// A PostgreSQL URL on a port where nothing listens: every connection is refused at once.
    private static let unreachable = DatabaseLocation.postgres(url: "postgres://goalstat@127.0.0.1:1/goalstat?tlsmode=disable")

    @Test("with the database unreachable, the API and the pages answer 503 with Retry-After, not 500")
    func unreachableDatabase() async throws {
        try await withServer(fixtures: false) { app in
            app.databases.use(try Self.unreachable.configurationFactory(), as: DatabaseID(string: "unreachable"), isDefault: true)
            try await app.signedIn().test(.GET, "/api/v1/goals") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers.first(name: "Retry-After").flatMap(Int.init).map { $0 > 0 } == true)
                #expect(response.apiError?.code == "databaseUnavailable")
            }
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers.first(name: "Retry-After") != nil)
                #expect(response.headers.contentType == .html)
            }
        }
    }
}

@Suite("Writers that wait")
struct WaitingWriterTests {
    @Test("a write that waits past its bound answers 503 with Retry-After and databaseBusy, then succeeds once the lock is free",
          .enabled(if: TestDatabase.kind == .sqlite))
    func busyAnswers503() async throws {
        try await withServer(writeWait: WriteWait(bound: .milliseconds(300))) { app in
            let other = try GoalStatDatabase(location: app.serverSettings.database)
            let holder = try await WriteLockHolder(on: other)
            let body = jsonBody(["period": "2026-09", "value": 21])
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders, body: body) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers.first(name: "Retry-After").flatMap(Int.init).map { $0 > 0 } == true)
                #expect(response.apiError?.code == "databaseBusy")
            }
            try await holder.letGo()
            await other.shutdown()
            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements", headers: jsonHeaders, body: body) { response in
                #expect(response.status == .created)
            }
        }
    }

    /// Two indicators, two units each, `months` months from 1900; `run` shifts every value so that each run corrects the last.
    private static func csv(months: Int, run: Int) -> String {
        var lines = ["indicator,period,value,org_unit"]
        for indicator in ["FO-WAIT-MEDIAN", "FO-SERVED"] {
            for unit in ["", "DMV-FO-NORTH"] {
                for month in 0..<months {
                    lines.append("\(indicator),\(String(format: "%04d-%02d", 1900 + month / 12, month % 12 + 1)),\(Double(month % 50 + run) + 0.5),\(unit)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an import from another process runs to the end while the server takes writes, and every acknowledged write is stored")
    func importWhileServerWrites() async throws {
        try await withServer(writeWait: WriteWait(bound: .seconds(120))) { app in
            let cli = try GoalStatDatabase(location: app.serverSettings.database, writeWait: .commandLine(onWait: {}))
            let months = 1_000
            let importing = Task {
                var summaries: [MeasurementImportSummary] = []
                for run in 0..<3 {
                    let report = try await ImportService.importFiles(
                        [ImportFile(name: "run\(run).csv", data: Data(Self.csv(months: months, run: run).utf8))],
                        dryRun: false, reason: "Corrected in a test", audit: Fixtures.audit(.cli), on: cli.database
                    )
                    summaries.append(report.measurements ?? MeasurementImportSummary())
                }
                return summaries
            }
            let statuses = try await withThrowingTaskGroup(of: [(String, UInt)].self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var results: [(String, UInt)] = []
                        for round in 0..<8 {
                            let period = String(format: "%04d-%02d", 2030 + writer, round + 1)
                            try await app.signedIn().test(.POST, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements",
                                                         headers: jsonHeaders, body: jsonBody(["period": period, "value": 20])) { response in
                                results.append((period, response.status.code))
                            }
                        }
                        return results
                    }
                }
                var all: [(String, UInt)] = []
                for try await results in group { all += results }
                return all
            }
            // The handle is shut down whatever the import did, so that a failing import fails the test, not the process.
            let outcome = await importing.result
            await cli.shutdown()
            let summaries = try outcome.get()
            let rows = 4 * months
            #expect(summaries.map { [$0.added, $0.revised, $0.unchanged] } == [[rows, 0, 0], [0, rows, 0], [0, rows, 0]])
            #expect(statuses.filter { $0.1 >= 500 }.map(\.1) == [])
            #expect(statuses.filter { $0.1 == 201 }.count == statuses.count)
            try await app.signedIn().test(.GET, "/api/v1/indicators/FO-WAIT-MEDIAN/measurements?per=10") { response in
                #expect((response.json as? [String: Any])?["total"] as? Int == months + 2 + statuses.count)
            }
        }
    }
}
