import Foundation
import GoalStatCore
import GoalStatStore
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

    @Test("users token prints only the token, which verifies as the user's with the grants asked for and the name given")
    func tokenForScripts() async throws {
        let cli = try await CLIRunner.make()
        #expect(try cli.run(["users", "add", "a@example.gov", "--name", "A", "--admin"], stdin: "tulip window 2026\n").status == 0)
        let made = try cli.run(["users", "token", "A@example.gov", "--name", "fuzz", "--grant", "admin@*"])
        #expect(made.status == 0, "\(made.stderr)")
        let lines = made.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        let token = try #require(lines.first)
        #expect(token.hasPrefix("gst_"))
        #expect(made.stderr.contains("made token 'fuzz' for A@example.gov (admin@*)"))

        let store = try GoalStatDatabase(location: DatabaseLocation.resolve(cli.database))
        let verified = try await APITokenStore.verify(token: token, now: Date(), on: store.database)
        await store.shutdown()
        #expect(verified?.owner.email == "a@example.gov")
        #expect(verified?.record.grants == [RoleGrant(role: .admin)])
        #expect(verified?.record.name == "fuzz")
        #expect(verified?.record.expiresAt == nil)
    }

    @Test("users token refuses grants beyond the user's own, an unknown user, no grant and a bad --days, with exit 1 and no token")
    func tokenRefusals() async throws {
        let cli = try await CLIRunner.make()
        #expect(try cli.run(["users", "add", "v@example.gov", "--name", "V", "--role", "viewer@*"], stdin: "tulip window 2026\n").status == 0)
        let wider = try cli.run(["users", "token", "v@example.gov", "--name", "x", "--grant", "admin@*"])
        #expect(wider.status == 1)
        #expect(wider.stderr.contains("a token cannot have roles its owner does not hold"))
        #expect(wider.stdout.isEmpty)
        let unknown = try cli.run(["users", "token", "nobody@example.gov", "--name", "x", "--grant", "viewer@*"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nobody@example.gov: no active user"))
        let none = try cli.run(["users", "token", "v@example.gov", "--name", "x"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("--grant"))
        let days = try cli.run(["users", "token", "v@example.gov", "--name", "x", "--grant", "viewer@*", "--days", "0"])
        #expect(days.status == 1)
        #expect(days.stderr.contains("--days"))
        let allowed = try cli.run(["users", "token", "v@example.gov", "--name", "x", "--grant", "viewer@*", "--days", "30"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.hasPrefix("gst_"))
    }
}
