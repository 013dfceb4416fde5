/// How a program derives the summary level from element ratings (5 CFR 430.208(b) leaves the method to the program;
/// docs/appraisals.md describes each one). Every method keeps the two rules the regulation fixes: the summary is
/// Level 1 if and only if a critical element is rated Level 1 (430.208(b)(1)), and non-critical elements never make
/// it Level 1 (430.208(b)(2)); and every result is one of the pattern's levels (430.208(d)).
public enum DerivationMethod: String, Codable, Sendable, CaseIterable {
    /// Element averaging with point ranges: each element scores its level (1–5), the scores of all elements are
    /// averaged, and the average falls in a point range that gives the level. The default.
    case average
    /// Counting critical elements: a majority of critical elements at Level 5 (none below Level 4) gives Level 5, a
    /// majority at Level 4 or higher gives Level 4, a critical element at Level 2 gives Level 2, otherwise Level 3;
    /// non-critical elements averaging under Level 3 take the summary one level down, never to Level 1.
    case counting

    /// The method when a program names none.
    public static let standard = DerivationMethod.average

    /// The method's name on pages.
    public var title: String {
        switch self {
        case .average: "Element averaging with point ranges"
        case .counting: "Counting critical elements"
        }
    }
}

/// The lowest average score of each level above Level 2 for `DerivationMethod.average`; an average below the
/// Level 3 bound gives Level 2. The defaults (4.5, 3.5, 2.5) are the common choice; a program may set its own.
public struct PointRanges: Codable, Equatable, Sendable {
    public var outstanding: Double
    public var exceedsFullySuccessful: Double
    public var fullySuccessful: Double

    public static let standard = PointRanges(outstanding: 4.5, exceedsFullySuccessful: 3.5, fullySuccessful: 2.5)

    public init(outstanding: Double, exceedsFullySuccessful: Double, fullySuccessful: Double) {
        self.outstanding = outstanding
        self.exceedsFullySuccessful = exceedsFullySuccessful
        self.fullySuccessful = fullySuccessful
    }

    /// Ranges must rise with the level and lie within the scores an element can have (above 1, at most 5), so that
    /// every average falls in exactly one range.
    public func validated(field: String = "pointRanges") throws(AppraisalRuleViolation) -> PointRanges {
        let bounds = [fullySuccessful, exceedsFullySuccessful, outstanding]
        guard bounds.allSatisfy({ $0.isFinite && $0 > 1 && $0 <= 5 }), fullySuccessful < exceedsFullySuccessful,
            exceedsFullySuccessful < outstanding
        else {
            throw AppraisalRuleViolation(
                field: field, section: "5 CFR 430.208(b)",
                reason: "the lowest averages of Levels 3, 4 and 5 must rise with the level, above 1 and at most 5, so that every average gives one level"
            )
        }
        return self
    }

    /// The level an average score falls in, before fitting to a pattern.
    public func level(for average: Double) -> SummaryLevel {
        if average >= outstanding { return .outstanding }
        if average >= exceedsFullySuccessful { return .exceedsFullySuccessful }
        if average >= fullySuccessful { return .fullySuccessful }
        return .minimallySuccessful
    }
}
