@testable import GoalStatCore
import Testing

@Suite("Password rules")
struct PasswordRulesTests {
    @Test("a long password mixing two kinds of characters is accepted")
    func acceptable() {
        #expect(PasswordRules.problems(in: "correct horse battery") == [])
        #expect(PasswordRules.problems(in: "tulip-window-42") == [])
        #expect(PasswordRules.problems(in: "Ωμέγα λόγος δέκα") == [])
    }

    @Test("fewer than 12 characters is too short")
    func tooShort() {
        #expect(PasswordRules.problems(in: "abc 123 xyz") == [.passwordTooShort])
        #expect(PasswordRules.problems(in: "abc 123 xyz!") == [])
    }

    @Test("more than Bcrypt's 72 bytes is refused rather than silently cut")
    func tooLong() {
        #expect(PasswordRules.problems(in: String(repeating: "ab1", count: 24)) == [])
        #expect(PasswordRules.problems(in: String(repeating: "ab1", count: 24) + "x") == [.passwordTooLong])
    }

    @Test("one repeated character, or letters only, or digits only, is refused")
    func oneClass() {
        #expect(PasswordRules.problems(in: String(repeating: "a", count: 20)) == [.passwordOneCharacter])
        #expect(PasswordRules.problems(in: "onlylettershere") == [.passwordOneClass])
        #expect(PasswordRules.problems(in: "123456789012") == [.passwordOneClass])
    }

    @Test("the name part of the account's email may not be in the password")
    func containsEmail() {
        #expect(PasswordRules.problems(in: "k.osei-2026-pass", email: "k.osei@example.gov") == [.passwordContainsEmail])
        #expect(PasswordRules.problems(in: "k.osei-2026-pass", email: "r.alvarez@example.gov") == [])
    }

    @Test("validate throws the first problem with a stable code")
    func validateThrows() {
        #expect(throws: AccessError.weakPassword(.passwordTooShort)) { try PasswordRules.validate("short") }
        #expect(AccessError.weakPassword(.passwordTooShort).code == "passwordTooShort")
        #expect(AccessError.weakPassword(.passwordTooShort).field == "password")
    }
}
