/// A driver → result link that makes the mental model explicit (seed 002, practice 4).
public struct IndicatorLink: Codable, Sendable, Equatable, Hashable {
    public var driver: String
    public var result: String
    public var expectedSign: LinkSign
    public var lagPeriods: Int

    public init(driver: String, result: String, expectedSign: LinkSign, lagPeriods: Int = 0) {
        self.driver = driver
        self.result = result
        self.expectedSign = expectedSign
        self.lagPeriods = lagPeriods
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        driver = try c.decode(String.self, forKey: .driver)
        result = try c.decode(String.self, forKey: .result)
        expectedSign = try c.decode(LinkSign.self, forKey: .expectedSign)
        lagPeriods = try c.decodeIfPresent(Int.self, forKey: .lagPeriods) ?? 0
    }
}
