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

    /// Removes a database `freshLocation()` made, once nothing has it open: a run makes over a thousand, and kept they
    /// would fill the disk of the machine that runs the suite (about 10 MB each on PostgreSQL).
    public static func discard(_ location: DatabaseLocation) async {
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        case .postgres(let url):
            guard let base = postgresURL, let name = URLComponents(string: url)?.path.dropFirst(), !name.isEmpty,
                  let admin = try? GoalStatDatabase(location: .postgres(url: base)) else { return }
            // FORCE ends a connection a failed test may have left open.
            try? await (admin.database as! any SQLDatabase).raw("DROP DATABASE IF EXISTS \(ident: String(name)) WITH (FORCE)").run()
            await admin.shutdown()
        }
    }

    /// Runs `body` against a fresh, migrated database, then closes and removes it.
    public static func withFresh<T>(_ body: (GoalStatDatabase) async throws -> T) async throws -> T {
        let location = try await freshLocation()
        let store = try GoalStatDatabase(location: location)
        do {
            try await store.migrate()
            let result = try await body(store)
            await store.shutdown()
            await discard(location)
            return result
        } catch {
            await store.shutdown()
            await discard(location)
            throw error
        }
    }
}
