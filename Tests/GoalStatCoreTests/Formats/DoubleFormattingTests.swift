import Foundation
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

    @Test("append writes the bytes of shortest, straight into a buffer, for every kind of double")
    func appendWritesTheBytesOfShortest() {
        var generator = SeededGenerator(seed: 77)
        var values: [Double] = [
            0, -0.0, 0.001, 0.000_999, 0.000_1, 0.1, 0.3, 0.1 + 0.2, 123_456.789, -2.5, 1e15, 1e16,
            9_007_199_254_740_991, 9_007_199_254_740_992, 4_503_599_627_370_495.5, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude, .ulpOfOne, 1 - .ulpOfOne, 1 + .ulpOfOne, 1024, 1024.0.nextDown, 0.5.nextUp,
        ]
        for _ in 0..<100_000 {
            // Every bit pattern; values as people type them and their neighbours; values a chart computes.
            values.append(Double(bitPattern: generator.next()))
            let typed = Double(Int64(bitPattern: generator.next() % 2_000_000_000) - 1_000_000_000) / 1_000
            values += [typed, typed.nextUp, typed.nextDown, typed / 7, typed * 2.66]
            let digits = Double(generator.next() % 19)
            values.append(Double(generator.next() % (1 << 53)) / pow(10, digits))
            values.append(Double(1 << (generator.next() % 60)) / pow(10, Double(generator.next() % 8)))
        }
        var mismatches: [String] = []
        var bytes: [UInt8] = []
        for value in values where value.isFinite {
            bytes.removeAll(keepingCapacity: true)
            #expect(DoubleFormatting.append(value, to: &bytes))
            let expected = DoubleFormatting.shortest(value)!
            if String(decoding: bytes, as: UTF8.self) != expected {
                mismatches.append("\(expected) written as \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        bytes = Array("x".utf8)
        #expect(!DoubleFormatting.append(.nan, to: &bytes))
        #expect(!DoubleFormatting.append(-.infinity, to: &bytes))
        #expect(bytes == Array("x".utf8), "nothing is appended for a value the format cannot hold")
    }

    @Test("appendDescription writes description without its trailing .0, as JSONEncoder writes a double")
    func appendDescriptionWritesTheEncodersText() {
        var generator = SeededGenerator(seed: 91)
        var values: [Double] = [0, -0.0, 1, 100, 0.001, 0.000_1, 1e-7, 1e15, 1e16, 1e21, 9_007_199_254_740_992, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<100_000 {
            values.append(Double(bitPattern: generator.next()))
            let typed = Double(Int64(bitPattern: generator.next() % 2_000_000_000) - 1_000_000_000) / 100
            values += [typed, typed.nextUp, typed / 7]
        }
        var mismatches: [String] = []
        var bytes: [UInt8] = []
        for value in values where value.isFinite {
            bytes.removeAll(keepingCapacity: true)
            DoubleFormatting.appendDescription(value, to: &bytes)
            var expected = value.description
            if expected.hasSuffix(".0") { expected.removeLast(2) }
            if String(decoding: bytes, as: UTF8.self) != expected {
                mismatches.append("\(expected) written as \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
