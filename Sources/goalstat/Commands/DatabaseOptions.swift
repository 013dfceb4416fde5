import ArgumentParser
import GoalStatStore

/// `--database PATH|URL`, shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres:// URL (default: $GOALSTAT_DATABASE, else goalstat.sqlite).")
    var database: String?

    var location: DatabaseLocation { DatabaseLocation.resolve(database) }

    /// Opens and migrates the database, runs `work`, and closes it whatever happens.
    func withDatabase<T>(_ work: (GoalStatDatabase) async throws -> T) async throws -> T {
        let store = try GoalStatDatabase(location: location)
        do {
            try await store.migrate()
            let result = try await work(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
