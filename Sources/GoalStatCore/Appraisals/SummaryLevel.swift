/// A summary level of a rating of record (5 CFR 430.208(d)): Level 1 (Unacceptable) to Level 5 (Outstanding).
public enum SummaryLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    case unacceptable = 1
    case minimallySuccessful = 2
    case fullySuccessful = 3
    case exceedsFullySuccessful = 4
    case outstanding = 5

    /// The level for a number 1…5, or nil outside that range.
    public init?(number: Int) { self.init(rawValue: number) }

    /// The level's number, 1…5.
    public var number: Int { rawValue }

    /// The name 5 CFR 430.208(d) gives the level (programs may use equivalent names).
    public var name: String {
        switch self {
        case .unacceptable: "Unacceptable"
        case .minimallySuccessful: "Minimally Successful"
        case .fullySuccessful: "Fully Successful"
        case .exceedsFullySuccessful: "Exceeds Fully Successful"
        case .outstanding: "Outstanding"
        }
    }

    /// The name of the level for a senior executive (5 CFR 430.304(c)(2)): the SES calls Levels 1 and 2
    /// Unsatisfactory and Minimally Satisfactory.
    public var seniorExecutiveName: String {
        switch self {
        case .unacceptable: "Unsatisfactory"
        case .minimallySuccessful: "Minimally Satisfactory"
        default: name
        }
    }

    public static func < (lhs: SummaryLevel, rhs: SummaryLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One of the eight summary level patterns of 5 CFR 430.208(d)(1); an appraisal program uses exactly one.
public enum SummaryLevelPattern: String, Codable, Sendable, CaseIterable {
    case A, B, C, D, E, F, G, H

    /// The levels the pattern uses, lowest first. Every pattern has Level 1 and Level 3.
    public var levels: [SummaryLevel] {
        let numbers: [Int] =
            switch self {
            case .A: [1, 3]
            case .B: [1, 3, 5]
            case .C: [1, 3, 4]
            case .D: [1, 2, 3]
            case .E: [1, 3, 4, 5]
            case .F: [1, 2, 3, 5]
            case .G: [1, 2, 3, 4]
            case .H: [1, 2, 3, 4, 5]
            }
        return numbers.compactMap(SummaryLevel.init(number:))
    }

    /// Whether the pattern uses `level`.
    public func uses(_ level: SummaryLevel) -> Bool { levels.contains(level) }

    /// The highest level the pattern uses (the level a quality step increase asks for when it lacks Level 5).
    public var highest: SummaryLevel { levels.last ?? .fullySuccessful }

    /// Pattern A is pass/fail: 5 CFR 430.206(b)(6) allows no non-critical elements under it.
    public var allowsNonCriticalElements: Bool { self != .A }

    /// `level` moved onto a level the pattern uses. Level 1 stays Level 1 (only a critical element can give it, and
    /// every pattern has it). Any other level goes down to the highest level of the pattern at or below it that is
    /// not Level 1; when there is none (a Level 2 under a pattern without Level 2) it goes up to Level 3, because
    /// a result that is not Unacceptable may never become Level 1 (5 CFR 430.208(b)(1)).
    public func fitting(_ level: SummaryLevel) -> SummaryLevel {
        if level == .unacceptable { return .unacceptable }
        if let below = levels.filter({ $0 <= level && $0 != .unacceptable }).last { return below }
        return levels.first { $0 > .unacceptable } ?? .fullySuccessful
    }
}
