import Foundation
@testable import GoalStatCore
import Testing

/// `AuditDiff.flatten` cuts each field's JSON text from the record's encoding; the audit log must read exactly as it
/// did when every field was decoded into a `JSONValue` and encoded again (the history pages and the CSV read it).
@Suite("Audit diff: field text as the JSON round trip wrote it")
struct AuditDiffEncodingTests {
    struct Inner: Encodable {
        var label: String?
        var amount: Double?
        var deeper: [String: Double]?
    }

    struct Record: Encodable {
        var text: String
        var number: Double
        var float: Float
        var integer: Int64
        var unsigned: UInt64
        var decimal: Decimal
        var flag: Bool
        var list: [Double?]
        var objects: [Inner]
        var inner: Inner
        var empty: [String: Int]
        var when: Date
        var url: URL
        var missing: String?
        var explicitNull: String?

        enum CodingKeys: String, CodingKey {
            case text, number, float, integer, unsigned, decimal, flag, list, objects, inner, empty, when, url, missing, explicitNull
            case escaped = "odd \"key\""
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(number, forKey: .number)
            try container.encode(float, forKey: .float)
            try container.encode(integer, forKey: .integer)
            try container.encode(unsigned, forKey: .unsigned)
            try container.encode(decimal, forKey: .decimal)
            try container.encode(flag, forKey: .flag)
            try container.encode(list, forKey: .list)
            try container.encode(objects, forKey: .objects)
            try container.encode(inner, forKey: .inner)
            try container.encode(empty, forKey: .empty)
            try container.encode(when, forKey: .when)
            try container.encode(url, forKey: .url)
            try container.encodeIfPresent(missing, forKey: .missing)
            try container.encodeNil(forKey: .explicitNull)
            if flag { try container.encode(1, forKey: .escaped) }
        }
    }

    /// The way every field was written before: the whole record decoded into a `JSONValue`, each field encoded again.
    private func roundTrip(_ record: some Encodable) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let value = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(record))
        var result: [String: String] = [:]
        value.flatten(into: &result, path: "", encoder: encoder)
        return result
    }

    private static let doubles: [Double] = {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 22.5, 100, 110, 1e-7, 1e-4, 0.001, 123456.789, 1e15, 1e16, 9007199254740992, 1e300,
            -1e-300, .pi, .ulpOfOne, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, 0.1 + 0.2,
            12345678901234.5, 1234567890123.45, 99.99, -42.125,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        for _ in 0..<3_000 {
            let bits = Double(bitPattern: next())
            if bits.isFinite { values.append(bits) }
            values.append(Double(Int64(bitPattern: next()) % 10_000_000) / 100)
            values.append(Double(Int64(bitPattern: next()) % 1_000_000_000_000_000))
        }
        return values
    }()

    private static let texts = [
        "", "plain", "quote \" and backslash \\", "slash / stays", "line\nbreak\ttab\r\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}",
        "é ü 東京 🚗", "\u{2028}\u{2029}", "<script>&amp;</script>",
    ]

    private func record(_ index: Int) -> Record {
        let double = Self.doubles[index % Self.doubles.count]
        let other = Self.doubles[(index * 7 + 3) % Self.doubles.count]
        return Record(
            text: Self.texts[index % Self.texts.count], number: double, float: Float(other), integer: [Int64.min, Int64.max, 0, -5, 123][index % 5],
            unsigned: [UInt64.max, 0, 1 << 63, 42][index % 4], decimal: [Decimal(string: "0.30000000000000001")!, Decimal(22.5), Decimal(string: "1e40")!][index % 3],
            flag: index.isMultiple(of: 2), list: [double, nil, other], objects: [Inner(label: "a/b", amount: other, deeper: ["x": double])],
            inner: Inner(label: index.isMultiple(of: 3) ? nil : Self.texts[(index + 1) % Self.texts.count], amount: double, deeper: [:]),
            empty: [:], when: Date(timeIntervalSince1970: Double(index) * 86_399.5), url: URL(string: "https://example.gov/a/b?c=d")!,
            missing: index.isMultiple(of: 4) ? "here" : nil, explicitNull: nil
        )
    }

    @Test("every field of thousands of records, with numbers of every size, reads as before")
    func sameTextAsTheRoundTrip() throws {
        for index in 0..<Self.doubles.count {
            let record = record(index)
            #expect(try AuditDiff.flatten(record) == roundTrip(record), "record \(index): \(record.number), \(record.float)")
        }
    }

    @Test("framework records read as before")
    func frameworkRecords() throws {
        let indicator = Indicator(
            code: "FO-WAIT", name: "Median \"wait\" / visit", unit: .other("minutes"), direction: .decrease, frequency: .monthly,
            stage: .intermediateOutcome, orgUnit: "DMV-FO"
        )
        #expect(try AuditDiff.flatten(indicator) == roundTrip(indicator))
        #expect(try AuditDiff.flatten(42.5) == roundTrip(42.5))
        #expect(try AuditDiff.flatten(["a", "b"]) == roundTrip(["a", "b"]))
    }

    @Test("numbers the round trip prints otherwise (an exponent, -0, 17 digits) take the round trip")
    func numbersThatChange() throws {
        let record = ["big": 1e16, "negativeZero": -0.0, "exact": 0.30000000000000004, "small": 1e-7]
        #expect(try AuditDiff.flatten(record) == roundTrip(record))
    }
}
