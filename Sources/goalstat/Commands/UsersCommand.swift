import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatServer
import GoalStatStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `goalstat users add|list|token`: accounts from the command line, which is how the first admin comes to exist
/// (there is no default password anywhere), and API tokens for scripts that cannot sign in through a form.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list the people who can sign in, and make API tokens for them.",
        subcommands: [Add.self, List.self, Token.self]
    )

    // Here rather than in each subcommand so that `--database` may come right after `users` (SPEC §5) or after `add`/`list`.
    @OptionGroup var options: DatabaseOptions

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user. The password is read from standard input (asked twice, unechoed, on a terminal).",
            discussion: """
            Roles are ROLE@UNIT (for example dataSteward@DMV-FO) and cover that org unit and every unit below it; \
            ROLE or ROLE@* means everywhere. Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).
            """
        )

        @ParentCommand var users: UsersCommand

        @Argument(help: "The email the user signs in with.")
        var email: String

        @ArgumentParser.Option(name: .long, help: "The user's name as others see it.")
        var name: String

        @ArgumentParser.Flag(name: .long, help: "Make the user an administrator everywhere (admin@*).")
        var admin = false

        @ArgumentParser.Option(name: .customLong("role"), help: "A role at an org unit, ROLE@UNIT; repeat for several.")
        var roles: [String] = []

        func run() async throws {
            var grants: [RoleGrant] = admin ? [RoleGrant(role: .admin)] : []
            do {
                for text in roles { grants.append(try RoleGrant(parsing: text)) }
            } catch {
                StandardError.write("goalstat users add: --role: \(error.message)")
                throw ExitCode(1)
            }
            guard let password = PasswordInput.read() else {
                StandardError.write("goalstat users add: no password on standard input")
                throw ExitCode(1)
            }
            try await users.options.withDatabase { store in
                let units = try await FrameworkStore.storedKeys(on: store.database).orgUnits
                for grant in grants {
                    if let unit = grant.orgUnit, !units.contains(unit) {
                        StandardError.write("goalstat users add: warning: no org unit '\(unit)' yet; \(grant) takes effect once it exists")
                    }
                }
                do {
                    let user = try await UserStore.create(
                        email: email, name: name, password: password, grants: grants, hasher: BcryptPasswordHasher(),
                        context: AuditContext(actor: nil, source: .cli, now: Date()), on: store.database
                    )
                    print("added \(user.email) (\(user.grants.isEmpty ? "no roles" : user.grants.map(\.description).joined(separator: ", ")))")
                } catch let error as AccessError {
                    StandardError.write("goalstat users add: \(error.field): \(error.message)")
                    throw ExitCode(1)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List users as tab-separated email, name, status and roles."
        )

        @ParentCommand var users: UsersCommand

        func run() async throws {
            try await users.options.withDatabase { store in
                var lines = ["email\tname\tstatus\troles"]
                for user in try await UserStore.all(on: store.database) {
                    let roles = user.grants.map(\.description).joined(separator: ",")
                    lines.append("\(user.email)\t\(user.name)\t\(user.isActive ? "active" : "inactive")\t\(roles)")
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Make an API token for a user and print it (only this once) on standard output.",
            discussion: """
            The token acts with the grants given (ROLE@UNIT, repeat --grant for several), which must lie within the \
            user's own roles, as on the account page. Send it as 'Authorization: Bearer gst_…'.
            """
        )

        @ParentCommand var users: UsersCommand

        @Argument(help: "The email of the user the token acts for.")
        var email: String

        @ArgumentParser.Option(name: .long, help: "What the token is for, as the account page lists it.")
        var name: String

        @ArgumentParser.Option(name: .customLong("grant"), help: "A role the token acts with, ROLE@UNIT; repeat for several.")
        var grants: [String] = []

        @ArgumentParser.Option(name: .long, help: "Days until the token expires, 1 to 3650 (default: it does not expire).")
        var days: Int?

        func run() async throws {
            var wanted: [RoleGrant] = []
            do {
                for text in grants { wanted.append(try RoleGrant(parsing: text)) }
            } catch {
                throw failure("--grant: \(error.message)")
            }
            guard !wanted.isEmpty else { throw failure("--grant: give at least one role for the token (for example --grant admin@*)") }
            if let days, !(1...3650).contains(days) { throw failure("--days: \(days) is not a number of days from 1 to 3650") }
            let created = try await users.options.withDatabase { store -> NewAPIToken? in
                guard let user = try await UserStore.find(email: email, on: store.database), user.isActive else {
                    StandardError.write("goalstat users token: \(email): no active user with this email")
                    return nil
                }
                let tree = OrgTree(try await FrameworkStore.exportDocument(on: store.database).orgUnits)
                guard AccessPolicy.covers(user.grants, wanted, tree: tree) else {
                    StandardError.write("goalstat users token: --grant: a token cannot have roles its owner does not hold (\(user.email) has \(user.grants.isEmpty ? "no roles" : user.grants.map(\.description).joined(separator: ", ")))")
                    return nil
                }
                let now = Date()
                do {
                    return try await APITokenStore.create(
                        name: name, owner: user.id, grants: wanted, expiresAt: days.map { now.addingTimeInterval(Double($0) * 86_400) },
                        context: AuditContext(actor: nil, source: .cli, now: now), on: store.database
                    )
                } catch let error as AccessError {
                    StandardError.write("goalstat users token: \(error.field): \(error.message)")
                    return nil
                }
            }
            guard let created else { throw ExitCode(1) }
            StandardError.write("made token '\(created.record.name)' for \(email) (\(wanted.map(\.description).joined(separator: ", "))); it is shown only now")
            print(created.token)
        }

        private func failure(_ message: String) -> ExitCode {
            StandardError.write("goalstat users token: \(message)")
            return ExitCode(1)
        }
    }
}

/// Reads a new password: the first line of standard input, or on a terminal asked twice with echo off.
enum PasswordInput {
    static func read() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) }
        guard let first = prompt("Password: "), let second = prompt("Repeat password: ") else { return nil }
        guard first == second else {
            StandardError.write("the passwords differ")
            return nil
        }
        return first
    }

    private static func prompt(_ text: String) -> String? {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        }
        defer {
            if canHide { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
