import FluentKit
import Foundation
import GoalStatStore
import SQLKit

/// The database the test run targets: `GOALSTAT_TEST_DATABASE=sqlite|postgres` (default sqlite).
/// PostgreSQL is found through `GOALSTAT_TEST_POSTGRES_URL`; `scripts/test` sets both and runs the suite once per database.
public enum TestDatabase {
    public enum Kind: String, Sendable {
        case sqlite, postgres
    }

    public static var kind: Kind {
        let kind = Kind(rawValue: ProcessInfo.processInfo.environment["GOALSTAT_TEST_DATABASE"] ?? "sqlite") ?? .sqlite
        if kind == .sqlite, postgresURL == nil { warnOnce }
        return kind
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["GOALSTAT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static let warnOnce: Void = {
        FileHandle.standardError.write(Data("""

        ************************************************************************
        *  GOALSTAT_TEST_POSTGRES_URL is not set: the PostgreSQL half of the   *
        *  suite was SKIPPED. Run scripts/test to test against both databases. *
        ************************************************************************

        """.utf8))
    }()

    /// A new, empty database of the run's kind: a temporary SQLite file, or a new PostgreSQL database.
    public static func freshLocation() async throws -> DatabaseLocation {
        let name = "goalstat_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("goalstat-tests", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return .sqlite(path: directory.appendingPathComponent("\(name).sqlite").path)
        case .postgres:
            guard let base = postgresURL, var components = URLComponents(string: base) else {
                fatalError("GOALSTAT_TEST_DATABASE=postgres needs GOALSTAT_TEST_POSTGRES_URL")
            }
            let admin = try GoalStatDatabase(location: .postgres(url: base))
            do {
                try await (admin.database as! any SQLDatabase).raw("CREATE DATABASE \(ident: name)").run()
            } catch {
                await admin.shutdown()
                throw error
            }
            await admin.shutdown()
            components.path = "/\(name)"
            return .postgres(url: components.string!)
        }
    }

    /// Runs `body` against a fresh, migrated database and closes it afterwards.
    public static func withFresh<T>(_ body: (GoalStatDatabase) async throws -> T) async throws -> T {
        let store = try GoalStatDatabase(location: try await freshLocation())
        do {
            try await store.migrate()
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
