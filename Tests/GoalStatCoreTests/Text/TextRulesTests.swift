import Testing
@testable import GoalStatCore

@Suite("Text limits and control characters")
struct TextRulesTests {
    @Test func theLimitsTableHasOneRowPerKind() {
        #expect(TextKind.allCases.map(\.maximumLength) == [64, 254, 200, 1_000, 20_000])
        #expect(TextKind.allCases.filter(\.allowsLineBreaks) == [.longText])
    }

    @Test(arguments: TextKind.allCases)
    func aTextAtTheLimitPassesAndOneCharacterMoreIsTooLong(kind: TextKind) {
        let atLimit = String(repeating: "é", count: kind.maximumLength)
        #expect(TextRules.problem(in: atLimit, as: kind) == nil)
        #expect(TextRules.problem(in: atLimit + "a", as: kind) == .tooLong(maximum: kind.maximumLength))
    }

    @Test func lengthCountsCharactersNotBytes() {
        // 200 four-byte characters is 800 bytes but 200 characters: a name may have them.
        #expect(TextRules.problem(in: String(repeating: "😀", count: 200), as: .name) == nil)
    }

    @Test(arguments: TextKind.allCases)
    func aNulByteIsRefusedInEveryKind(kind: TextKind) {
        #expect(TextRules.problem(in: "ab\u{0}c", as: kind) == .controlCharacter(position: 3, scalar: 0))
    }

    @Test(arguments: ["\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"])
    func otherControlCharactersAreRefusedEvenInLongTexts(control: String) {
        let problem = TextRules.problem(in: "note \(control) end", as: .longText)
        guard case .controlCharacter(let position, _) = problem else {
            Issue.record("\(control.unicodeScalars.first!.value) passed")
            return
        }
        #expect(position == 6)
    }

    @Test func longTextsKeepLineBreaksAndTabs() {
        #expect(TextRules.problem(in: "first line\nsecond\r\nthird\tcolumn", as: .longText) == nil)
    }

    @Test(arguments: [TextKind.code, .email, .name, .line])
    func singleLineKindsRefuseLineBreaksAndTabs(kind: TextKind) {
        #expect(TextRules.problem(in: "a\nb", as: kind) == .lineBreak(position: 2, scalar: 0x0A))
        #expect(TextRules.problem(in: "a\r", as: kind) == .lineBreak(position: 2, scalar: 0x0D))
        #expect(TextRules.problem(in: "a\tb", as: kind) == .lineBreak(position: 2, scalar: 0x09))
    }

    @Test func nonASCIIThatIsNotAControlPasses() {
        #expect(TextRules.problem(in: "Café · naïve — ¿qué? ¡sí! Ā ©", as: .name) == nil)
    }

    @Test func messagesNameTheProblem() {
        #expect(TextProblem.tooLong(maximum: 200).message == "is too long: at most 200 characters")
        #expect(TextProblem.controlCharacter(position: 3, scalar: 0).message == "has a control character (U+0000) at character 3; remove it")
        #expect(TextProblem.lineBreak(position: 2, scalar: 10).message == "must be one line: it has a line break at character 2")
    }

    @Test func codesUseTheTablesLimit() {
        #expect(Codes.isValid(String(repeating: "A", count: TextKind.code.maximumLength)))
        #expect(!Codes.isValid(String(repeating: "A", count: TextKind.code.maximumLength + 1)))
    }
}
