import Testing
@testable import GoalStatCore

@Suite("Value parsing")
struct DoubleParsingTests {
    private func parse(_ text: String) -> DoubleParsing.Outcome {
        Array(text.utf8).withUnsafeBufferPointer { DoubleParsing.parse($0) }
    }

    @Test(arguments: [
        ("0", 0.0), ("42", 42), ("-7", -7), ("3.25", 3.25), ("-0.5", -0.5), ("1e5", 1e5), ("1E5", 1e5),
        ("1e+5", 1e5), ("1e-5", 1e-5), ("2.5E-3", 2.5e-3), ("007", 7), ("0.1", 0.1),
        ("123456789012345678901234567890", 123456789012345678901234567890.0),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", Double.leastNonzeroMagnitude), ("0e-400", 0), ("0.000e999", 0),
        ("9007199254740993", 9007199254740993.0), ("0.30000000000000004", 0.30000000000000004),
    ])
    func acceptsTheSpecGrammar(text: String, expected: Double) {
        #expect(parse(text) == .number(expected))
    }

    @Test func minusZeroKeepsItsSign() throws {
        guard case .number(let value) = parse("-0") else {
            Issue.record("-0 was not read")
            return
        }
        #expect(value == 0 && value.sign == .minus)
    }

    @Test(arguments: [
        ("NaN", DoubleParsing.Problem.notFinite), ("nan", .notFinite), ("Inf", .notFinite), ("-Infinity", .notFinite),
        ("+5", .plusSign), ("1,234", .thousandsSeparator), ("1,5", .thousandsSeparator),
        (" 5", .whitespace), ("5 ", .whitespace), ("1 234", .whitespace), (".5", .leadingPoint), ("-.5", .leadingPoint),
        ("5.", .trailingPoint), ("5.e3", .trailingPoint), ("abc", .notANumber), ("-", .notANumber), ("1e", .notANumber),
        ("1e+", .notANumber), ("0x1p3", .notANumber), ("1_000", .notANumber), ("1.2.3", .notANumber),
        ("−5", .notANumber), ("1e400", .tooLarge), ("-1e400", .tooLarge),
        ("1e-400", .tooSmall), ("-1e-400", .tooSmall), ("2e-324", .tooSmall), ("123456789012345678901234567890e-400", .tooSmall), ("5%", .notANumber), ("$5", .notANumber),
    ])
    func rejectsEverythingElseWithTheLikelyMistake(text: String, problem: DoubleParsing.Problem) {
        #expect(parse(text) == .problem(problem))
    }

    @Test func theFastPathAgreesWithTheStandardLibraryOnRandomDecimals() {
        var generator = SeededGenerator(seed: 7)
        var mismatches: [String] = []
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        for _ in 0..<50_000 {
            var text = Bool.random(using: &generator) ? "-" : ""
            text += digits(Int.random(in: 1...12, using: &generator))
            let fractionDigits = Int.random(in: 0...10, using: &generator)
            if fractionDigits > 0 { text += "." + digits(fractionDigits) }
            if Bool.random(using: &generator) { text += "e" + String(Int.random(in: -30...30, using: &generator)) }
            if parse(text) != .number(Double(text)!) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty)
    }
}
