import Foundation
import GoalStatTestSupport

/// Runs the built `goalstat` binary, as scripts and people do.
struct CLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["GOALSTAT_BINARY"] { return URL(fileURLWithPath: path) }
        // Tests/goalstatTests/CLIRunner.swift → package root → .build/debug/goalstat
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/goalstat")
    }

    let database: String
    let directory: URL

    static func make() async throws -> CLIRunner {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("goalstat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let location = try await TestDatabase.freshLocation()
        switch location {
        case .sqlite(let path): return CLIRunner(database: path, directory: directory)
        case .postgres(let url): return CLIRunner(database: url, directory: directory)
        }
    }

    /// A fresh database holding the fixture framework and 14 months of the median wait (January 2025 to February
    /// 2026), 30 to 31 minutes against a target of 22: off track, consistently failing.
    static func withWaitTimes() async throws -> CLIRunner {
        let cli = try await make()
        let plan = try cli.write("plan.yaml", Fixtures.frameworkYAML)
        let values = (1...14).map { "FO-WAIT-MEDIAN,\($0 <= 12 ? "2025" : "2026")-\(String(format: "%02d", ($0 - 1) % 12 + 1)),\(30 + Double($0 % 3) / 2)" }
        let csv = try cli.write("v.csv", "indicator,period,value\n" + values.joined(separator: "\n") + "\n")
        let imported = try cli.run(["import", plan, csv])
        guard imported.status == 0 else { throw SetupFailed(message: imported.stderr) }
        return cli
    }

    struct SetupFailed: Error {
        var message: String
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = Self.binary
        var args = arguments
        if let first = args.first, !first.hasPrefix("-") {
            args.insert(contentsOf: ["--database", database], at: 1)
        }
        process.arguments = args
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            try process.run()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
