import Foundation
import GoalStatTestSupport
import Testing

@Suite("goalstat users: the first admin, with no default password", .serialized)
struct UsersCLITests {
    @Test("users add --admin reads the password from standard input, and users list shows the account")
    func addAdminAndList() async throws {
        let cli = try await CLIRunner.make()
        let added = try cli.run(["users", "add", "R.Alvarez@example.gov", "--name", "Rosa Alvarez", "--admin", "--role", "viewer@DMV"], stdin: "tulip window 2026\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added r.alvarez@example.gov (admin@*, viewer@DMV)"))
        let listed = try cli.run(["users", "list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").map(String.init) == [
            "email\tname\tstatus\troles",
            "r.alvarez@example.gov\tRosa Alvarez\tactive\tadmin@*,viewer@DMV",
        ])
        #expect(!listed.stdout.contains("tulip"))
    }

    @Test("a short password is refused with exit 1 and a message naming the field, and nothing is stored")
    func shortPassword() async throws {
        let cli = try await CLIRunner.make()
        let refused = try cli.run(["users", "add", "a@example.gov", "--name", "A", "--admin"], stdin: "short\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("password: the password must have at least 12 characters"))
        #expect(try cli.run(["users", "list"]).stdout == "email\tname\tstatus\troles\n")
    }

    @Test("no password at all, an unknown role, or a taken email exit 1")
    func otherRefusals() async throws {
        let cli = try await CLIRunner.make()
        #expect(try cli.run(["users", "add", "a@example.gov", "--name", "A"], stdin: "").status == 1)
        let role = try cli.run(["users", "add", "a@example.gov", "--name", "A", "--role", "boss@DMV"], stdin: "tulip window 2026\n")
        #expect(role.status == 1)
        #expect(role.stderr.contains("unknown role 'boss'"))
        #expect(try cli.run(["users", "add", "a@example.gov", "--name", "A"], stdin: "tulip window 2026\n").status == 0)
        let again = try cli.run(["users", "add", "A@example.gov", "--name", "A"], stdin: "tulip window 2026\n")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }
}
