import ArgumentParser
import GoalStatStore

/// `--database PATH|URL`, shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres:// URL (default: $GOALSTAT_DATABASE, else goalstat.sqlite).")
    var database: String?

    var location: DatabaseLocation { DatabaseLocation.resolve(database) }

    /// A command waits for another writer (a server, another import) to finish, saying so once, for up to ten minutes.
    static let writeWait = WriteWait.commandLine { StandardError.write("goalstat: waiting for another writer to finish…") }

    /// Opens and migrates the database, runs `work`, and closes it whatever happens. A database that stays busy or
    /// cannot be reached ends the command with exit status 1 and a plain message.
    func withDatabase<T>(_ work: (GoalStatDatabase) async throws -> T) async throws -> T {
        let store = try GoalStatDatabase(location: location, writeWait: Self.writeWait)
        do {
            try await store.migrate()
            let result = try await work(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            guard let unavailable = DatabaseUnavailable(classifying: error) else { throw error }
            switch unavailable {
            case .busy:
                StandardError.write("goalstat: another writer kept the database busy for \(Self.writeWait.bound.components.seconds / 60) minutes; nothing was stored. Try again when it has finished.")
            case .unreachable:
                StandardError.write("goalstat: the database cannot be reached (\(location)); nothing was stored.")
            }
            throw ExitCode(1)
        }
    }
}
