import Testing
@testable import GoalStatCore

@Suite("Value formatting")
struct DoubleFormattingTests {
    @Test(arguments: [
        (1.0, "1"), (0.1, "0.1"), (-0.0, "-0"), (0, "0"), (1e-5, "1e-05"), (100, "100"), (-2.5, "-2.5"),
        (1e16, "1e+16"), (1.5e20, "1.5e+20"), (123456.789, "123456.789"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (0.30000000000000004, "0.30000000000000004"),
    ])
    func writesTheShortestRoundTripTextWithoutATrailingPointZero(value: Double, text: String) {
        #expect(DoubleFormatting.shortest(value) == text)
    }

    @Test func nonFiniteValuesHaveNoText() {
        #expect(DoubleFormatting.shortest(.nan) == nil)
        #expect(DoubleFormatting.shortest(.infinity) == nil)
        #expect(DoubleFormatting.shortest(-.infinity) == nil)
    }

    @Test func everyWrittenValueReadsBackToTheIdenticalDouble() {
        var generator = SeededGenerator(seed: 2025)
        var failures: [String] = []
        var values: [Double] = [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -0.0, .ulpOfOne]
        for _ in 0..<100_000 {
            // Every bit pattern is equally likely: all exponents, subnormals and signs.
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for _ in 0..<50_000 {
            // And values as people type them: a few decimals.
            let cents = Int64.random(in: -10_000_000...10_000_000, using: &generator)
            values.append(Double(cents) / 100)
        }
        for value in values {
            guard let text = DoubleFormatting.shortest(value) else {
                failures.append("no text for \(value)")
                continue
            }
            let read = Array(text.utf8).withUnsafeBufferPointer { DoubleParsing.parse($0) }
            guard case .number(let back) = read, back.bitPattern == value.bitPattern else {
                failures.append("\(text) does not read back as \(value)")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}
