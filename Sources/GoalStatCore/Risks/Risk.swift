import Foundation

/// A risk to a goal (SPEC §2, Risks): what could go wrong, how likely (1–5) and how bad (1–5) it would be, who owns
/// it, how it is mitigated, its status and when it is next reviewed. Every change of likelihood or impact is kept in
/// `history`, so a review can see whose score rose since the last one.
public struct Risk: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var goal: String
    public var title: String
    public var description: String?
    public var likelihood: Int
    public var impact: Int
    /// A person's email.
    public var owner: String?
    public var mitigation: String?
    public var status: RiskStatus
    /// When the risk is next reviewed, ISO date.
    public var reviewOn: String?
    /// ISO date the risk was opened.
    public var openedOn: String
    /// The review and decision it was opened at, when it came from a review.
    public var review: UUID?
    public var decision: UUID?
    /// Every assessment of likelihood and impact, oldest first; the last one is the current score.
    public var history: [RiskAssessment]

    public init(
        id: UUID = UUID(), goal: String, title: String, description: String? = nil, likelihood: Int, impact: Int,
        owner: String? = nil, mitigation: String? = nil, status: RiskStatus = .open, reviewOn: String? = nil,
        openedOn: String, review: UUID? = nil, decision: UUID? = nil, history: [RiskAssessment] = []
    ) {
        self.id = id
        self.goal = goal
        self.title = title
        self.description = description
        self.likelihood = likelihood
        self.impact = impact
        self.owner = owner
        self.mitigation = mitigation
        self.status = status
        self.reviewOn = reviewOn
        self.openedOn = openedOn
        self.review = review
        self.decision = decision
        self.history = history
    }

    /// Likelihood × impact, 1–25.
    public var score: Int { likelihood * impact }

    public var level: RiskLevel { RiskLevel(score: score) }

    /// The score as it stood at the end of `day`: the last assessment on or before it; nil when the risk had not
    /// been assessed (opened) yet.
    public func score(on day: String) -> Int? {
        history.last { $0.on <= day }?.score
    }

    /// How the score moved since `day` (a previous review's date): nil when the risk is not open or was opened after
    /// `day` (it is new, not risen).
    public func change(since day: String) -> Int? {
        guard status != .closed, let before = score(on: day) else { return nil }
        return score - before
    }

    /// A review date that has passed while the risk is still open.
    public func isReviewOverdue(on today: CalendarDate) -> Bool {
        status != .closed && (reviewOn.flatMap { try? CalendarDate.parse($0) }.map { $0 < today } ?? false)
    }
}

public enum RiskStatus: String, Codable, Sendable, CaseIterable {
    /// Identified, no mitigation under way yet.
    case open
    /// Mitigation under way.
    case mitigating
    /// Accepted as it stands and watched.
    case accepted
    /// Passed or no longer relevant.
    case closed
}

/// One assessment of a risk's likelihood and impact, dated, with who made it and why.
public struct RiskAssessment: Codable, Sendable, Equatable {
    public var on: String
    public var by: String?
    public var likelihood: Int
    public var impact: Int
    public var note: String?

    public init(on: String, by: String?, likelihood: Int, impact: Int, note: String? = nil) {
        self.on = on
        self.by = by
        self.likelihood = likelihood
        self.impact = impact
        self.note = note
    }

    public var score: Int { likelihood * impact }
}

/// The bands of a 5 × 5 risk matrix, by score: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high (17–19 cannot
/// occur as a product of two numbers from 1 to 5).
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high, veryHigh

    public init(score: Int) {
        switch score {
        case ..<5: self = .low
        case 5..<10: self = .medium
        case 10..<17: self = .high
        default: self = .veryHigh
        }
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
