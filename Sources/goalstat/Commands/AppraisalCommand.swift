import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatStore

/// `goalstat appraisal derive|award`: stateless checks of the OPM appraisal and award rules (docs/appraisals.md),
/// for HR staff checking a program's configuration and for scripts. JSON in (FILE or standard input), JSON out;
/// input the rules refuse exits 1 naming the field and the section it breaks.
struct AppraisalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraisal", abstract: "Check the OPM appraisal rules: derive a summary level, or check a proposed award.",
        subcommands: [Derive.self, Award.self, ImportEmployees.self]
    )

    // Here so that `--database` may come right after `appraisal` (SPEC §5); derive and award, stateless, ignore it.
    @OptionGroup var options: DatabaseOptions

    struct ImportEmployees: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-employees",
            abstract: "Import HR's CSV of employees and their supervisors (email,name,org_unit,supervisor[,senior_executive,career_appointee,awards_frozen,basic_pay]).",
            discussion: "All or nothing: every bad line is named with its line and column, and nothing is stored unless the whole file is good."
        )

        @ParentCommand var appraisal: AppraisalCommand

        @Argument(help: "The CSV file.")
        var file: String

        @ArgumentParser.Option(name: .long, help: "Place every employee of the file in this appraisal program (its id).")
        var program: String?

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("goalstat appraisal import-employees: \(file): cannot read the file")
                throw ExitCode(1)
            }
            var programID: UUID?
            if let program {
                guard let id = UUID(uuidString: program) else {
                    StandardError.write("goalstat appraisal import-employees: --program: '\(program)' is not a program id")
                    throw ExitCode(1)
                }
                programID = id
            }
            let changed: Int
            do {
                changed = try await appraisal.options.withDatabase { store in
                    try await AppraisalStore.importRoster(data, program: programID, audit: AuditContext(actor: nil, source: .cli, now: Date()), on: store.database)
                }
            } catch let problems as EmployeeRosterCSV.Problems {
                for issue in problems.issues {
                    StandardError.write("\(file):\(issue.line)\(issue.column.map { " column \($0)" } ?? ""): \(issue.reason)")
                }
                StandardError.write("goalstat appraisal import-employees: nothing was stored")
                throw ExitCode(1)
            }
            print("employees: \(changed) added or changed")
        }
    }

    struct Derive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "derive",
            abstract: "Derive the summary level of a rating of record from element ratings (5 CFR 430.208).",
            discussion: """
            Reads {"pattern": "H", "method": "average", "critical": [1, 5, 5], "nonCritical": [5]} from FILE or \
            standard input (method: \(DerivationMethod.allCases.map(\.rawValue).joined(separator: " or ")), default \(DerivationMethod.standard.rawValue); \
            optional "pointRanges": {"3": 2.5, "4": 3.5, "5": 4.5}) and prints \
            {"summaryLevel": N, "levelName": "...", "pattern": "H", "derivation": [...]}.
            """
        )

        @Argument(help: "The JSON file (default: standard input).")
        var file: String?

        func run() throws {
            let data = try AppraisalInput.read(file, command: "derive")
            do {
                let (rules, ratings) = try AppraisalRequests.derivation(from: data)
                let derived = try rules.derive(ratings)
                try AppraisalInput.print(DerivationOutput(
                    summaryLevel: derived.summaryLevel.number, levelName: derived.summaryLevel.name, pattern: derived.pattern.rawValue,
                    derivation: derived.steps
                ))
            } catch let violation as AppraisalRuleViolation {
                StandardError.write("goalstat appraisal derive: \(file ?? "standard input"): \(violation)")
                throw ExitCode(1)
            }
        }
    }

    struct Award: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "award",
            abstract: "Check a proposed award against the limits of 5 U.S.C. chapter 45 and 5 CFR 451.",
            discussion: """
            Reads {"kind": "ratingBased", "ratingOfRecord": 5, "basicPay": 100000, "amount": 11000, \
            "exceptionalDetermination": false} from FILE or standard input (kinds: \(AwardKind.allCases.map(\.rawValue).joined(separator: ", "))) \
            and prints {"allowed": true, "approvals": [...]}; a refused award prints {"allowed": false, ...} and exits 1.
            """
        )

        @Argument(help: "The JSON file (default: standard input).")
        var file: String?

        func run() throws {
            let data = try AppraisalInput.read(file, command: "award")
            do {
                let (proposal, policy) = try AppraisalRequests.award(from: data)
                do {
                    let decision = try policy.check(proposal)
                    try AppraisalInput.print(AwardOutput(allowed: true, approvals: decision.approvals))
                } catch let violation as AppraisalRuleViolation {
                    try AppraisalInput.print(AwardOutput(allowed: false, field: violation.field, reason: violation.reason, section: violation.section))
                    throw violation
                }
            } catch let violation as AppraisalRuleViolation {
                StandardError.write("goalstat appraisal award: \(file ?? "standard input"): \(violation)")
                throw ExitCode(1)
            }
        }
    }
}

private struct DerivationOutput: Encodable {
    var summaryLevel: Int
    var levelName: String
    var pattern: String
    var derivation: [String]
}

private struct AwardOutput: Encodable {
    var allowed: Bool
    var approvals: [AwardApproval]?
    var field: String?
    var reason: String?
    var section: String?
}

/// Reading the input and writing the answer of `goalstat appraisal`.
enum AppraisalInput {
    static func read(_ file: String?, command: String) throws -> Data {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("goalstat appraisal \(command): \(file): cannot read the file")
                throw ExitCode(1)
            }
            return data
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }
}
