import ArgumentParser
import GoalStatStore

@main
enum GoalStatMain {
    static func main() async {
        BlockingThreads.reserve()
        ProcessMemory.limitArenas()
        await GoalStatCommand.main()
    }
}

struct GoalStatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goalstat",
        abstract: "GoalStat: goals, indicators, data-driven reviews and a public portal for public agencies.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self, SPCCommand.self, AnalyzeCommand.self, UsersCommand.self,
            RemindCommand.self, AppraisalCommand.self, ReportCommand.self,
        ]
    )
}
