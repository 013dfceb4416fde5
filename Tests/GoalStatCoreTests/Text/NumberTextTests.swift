@testable import GoalStatCore
import Testing

@Suite("Numbers as people read them")
struct NumberTextTests {
    @Test("thousands separated, exact decimals, ties to even like printf, never -0")
    func grouped() {
        #expect(NumberText.grouped(110_376, decimals: 0) == "110,376")
        #expect(NumberText.grouped(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberText.grouped(999, decimals: 1) == "999.0")
        #expect(NumberText.grouped(77.25, decimals: 1) == "77.2")
        #expect(NumberText.grouped(-0.04, decimals: 1) == "0.0")
        #expect(NumberText.grouped(-12_034.5, decimals: 0) == "-12,034")
    }

    @Test("the reasons' readable numbers group thousands too")
    func readable() {
        #expect(ReadableNumber.text(127_034) == "127,034")
        #expect(ReadableNumber.signed(11_340) == "+11,340")
        #expect(ReadableNumber.text(0.0414) == "0.0414")
    }
}
