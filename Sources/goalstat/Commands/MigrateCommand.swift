import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the schema.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withDatabase { store in
            StandardError.write("schema up to date on \(store.location)")
        }
    }
}
