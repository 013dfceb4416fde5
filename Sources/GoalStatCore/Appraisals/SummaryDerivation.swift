import Foundation

/// The element ratings of one rating of record, as levels 1–5, critical and non-critical (5 CFR 430.206(b)(4)).
public struct ElementRatings: Codable, Equatable, Sendable {
    public var critical: [Int]
    public var nonCritical: [Int]

    public init(critical: [Int], nonCritical: [Int] = []) {
        self.critical = critical
        self.nonCritical = nonCritical
    }
}

/// How a program turns element ratings into a summary level: its pattern, its method and, for averaging, its ranges.
public struct DerivationRules: Codable, Equatable, Sendable {
    public var pattern: SummaryLevelPattern
    public var method: DerivationMethod
    public var pointRanges: PointRanges

    public init(pattern: SummaryLevelPattern, method: DerivationMethod = .standard, pointRanges: PointRanges = .standard) {
        self.pattern = pattern
        self.method = method
        self.pointRanges = pointRanges
    }
}

/// A derived summary level with its steps in plain words, so the rating page and HR can see how it was reached.
public struct SummaryDerivation: Equatable, Sendable {
    public var pattern: SummaryLevelPattern
    public var method: DerivationMethod
    public var summaryLevel: SummaryLevel
    public var steps: [String]

    /// A Level 1 rating goes to a higher-level review before it is final (OPM guidance on 5 CFR 430.208).
    public var needsHigherLevelReview: Bool { summaryLevel == .unacceptable }
}

extension DerivationRules {
    /// Checks the element ratings against the plan rules of 5 CFR 430.206(b) and derives the summary level.
    ///
    /// Refused: no critical element (430.206(b)(4)); non-critical elements under pattern A (430.206(b)(6)); an
    /// element rating outside 1–5 (430.208(d)).
    public func derive(_ ratings: ElementRatings) throws(AppraisalRuleViolation) -> SummaryDerivation {
        try check(ratings)
        var steps = ["Critical elements rated \(Self.list(ratings.critical))"
            + (ratings.nonCritical.isEmpty ? "; no non-critical elements." : "; non-critical elements rated \(Self.list(ratings.nonCritical)).")]
        if let index = ratings.critical.firstIndex(of: 1) {
            steps.append("Critical element \(index + 1) is rated Level 1 (Unacceptable), so the summary is Level 1 (Unacceptable) whatever the other elements are (5 CFR 430.208(b)(1)).")
            steps.append("A Level 1 rating goes to a higher-level review before it is final.")
            return SummaryDerivation(pattern: pattern, method: method, summaryLevel: .unacceptable, steps: steps)
        }
        steps.append("No critical element is rated Level 1, so the summary cannot be Level 1; non-critical elements never make it so (5 CFR 430.208(b)(1) and (2)).")
        let raw: SummaryLevel
        switch method {
        case .average: raw = averaged(ratings, steps: &steps)
        case .counting: raw = counted(ratings, steps: &steps)
        }
        let level = pattern.fitting(raw)
        if level == raw {
            steps.append("Pattern \(pattern.rawValue) uses Level \(level.number) (\(level.name)): the summary is Level \(level.number).")
        } else {
            steps.append("Pattern \(pattern.rawValue) uses Levels \(pattern.levels.map { String($0.number) }.joined(separator: ", ")) and not Level \(raw.number), so the summary is Level \(level.number) (\(level.name)) (5 CFR 430.208(d)).")
        }
        return SummaryDerivation(pattern: pattern, method: method, summaryLevel: level, steps: steps)
    }

    /// The plan rules of 5 CFR 430.206(b) and the range of element levels, without deriving.
    public func check(_ ratings: ElementRatings) throws(AppraisalRuleViolation) {
        _ = try pointRanges.validated()
        guard !ratings.critical.isEmpty else {
            throw AppraisalRuleViolation(field: "critical", section: "5 CFR 430.206(b)(4)", reason: "a performance plan has at least one critical element")
        }
        if !pattern.allowsNonCriticalElements, !ratings.nonCritical.isEmpty {
            throw AppraisalRuleViolation(
                field: "nonCritical", section: "5 CFR 430.206(b)(6)",
                reason: "a plan under pattern A (two summary levels) may not include non-critical elements"
            )
        }
        for (name, levels) in [("critical", ratings.critical), ("nonCritical", ratings.nonCritical)] {
            if let index = levels.firstIndex(where: { !(1...5).contains($0) }) {
                throw AppraisalRuleViolation(
                    field: "\(name)[\(index)]", section: "5 CFR 430.208(d)",
                    reason: "an element is rated at a level from 1 (Unacceptable) to 5 (Outstanding), not \(levels[index])"
                )
            }
        }
    }

    private func averaged(_ ratings: ElementRatings, steps: inout [String]) -> SummaryLevel {
        let scores = ratings.critical + ratings.nonCritical
        let average = Double(scores.reduce(0, +)) / Double(scores.count)
        let ranges = pointRanges
        steps.append("Each element scores its level; the average of the \(scores.count) scores is \(Self.format(average)).")
        let level = ranges.level(for: average)
        steps.append("Point ranges: Level 5 from \(Self.format(ranges.outstanding)), Level 4 from \(Self.format(ranges.exceedsFullySuccessful)), Level 3 from \(Self.format(ranges.fullySuccessful)), Level 2 below; \(Self.format(average)) gives Level \(level.number).")
        return level
    }

    private func counted(_ ratings: ElementRatings, steps: inout [String]) -> SummaryLevel {
        let critical = ratings.critical
        let majority = critical.count / 2 + 1
        var level: SummaryLevel
        if critical.contains(2) {
            level = .minimallySuccessful
            steps.append("A critical element is rated Level 2: Level 2.")
        } else if critical.filter({ $0 == 5 }).count >= majority, critical.allSatisfy({ $0 >= 4 }) {
            level = .outstanding
            steps.append("\(critical.filter { $0 == 5 }.count) of \(critical.count) critical elements are at Level 5 and none is below Level 4: Level 5.")
        } else if critical.filter({ $0 >= 4 }).count >= majority {
            level = .exceedsFullySuccessful
            steps.append("\(critical.filter { $0 >= 4 }.count) of \(critical.count) critical elements are at Level 4 or higher: Level 4.")
        } else {
            level = .fullySuccessful
            steps.append("Fewer than a majority of critical elements are at Level 4 or higher: Level 3.")
        }
        if !ratings.nonCritical.isEmpty {
            let average = Double(ratings.nonCritical.reduce(0, +)) / Double(ratings.nonCritical.count)
            if average < 3.0, (level > .minimallySuccessful), let lower = SummaryLevel(number: level.number - 1) {
                steps.append("Non-critical elements average \(Self.format(average)), under Level 3: one level down, to Level \(lower.number) (never to Level 1).")
                level = lower
            } else {
                steps.append("Non-critical elements average \(Self.format(average)): no change.")
            }
        }
        return level
    }

    static func list(_ levels: [Int]) -> String { levels.map(String.init).joined(separator: ", ") }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }
}
