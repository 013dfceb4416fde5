import Foundation

/// A team says what it needs to perform (seed 002, practice 6: build capacity): people, skills, tools, data or
/// money, for which goal, and why. Leadership decides (granted, partly granted, declined) and the request is
/// followed up until what was granted has arrived.
public struct CapacityRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    /// The team asking: an org unit's code.
    public var orgUnit: String
    public var goal: String?
    public var kind: CapacityKind
    /// What is needed, in a line.
    public var title: String
    /// Why: what it would let the team achieve, and what happens without it.
    public var justification: String
    public var requestedBy: String?
    public var requestedOn: String
    public var status: CapacityStatus
    /// The decision in words, who took it, when, and at which review if at one.
    public var decision: String?
    public var decidedBy: String?
    public var decidedOn: String?
    public var review: UUID?
    /// What has happened since, newest last.
    public var updates: [CapacityUpdate]

    public init(
        id: UUID = UUID(), orgUnit: String, goal: String? = nil, kind: CapacityKind, title: String, justification: String,
        requestedBy: String? = nil, requestedOn: String, status: CapacityStatus = .open, decision: String? = nil,
        decidedBy: String? = nil, decidedOn: String? = nil, review: UUID? = nil, updates: [CapacityUpdate] = []
    ) {
        self.id = id
        self.orgUnit = orgUnit
        self.goal = goal
        self.kind = kind
        self.title = title
        self.justification = justification
        self.requestedBy = requestedBy
        self.requestedOn = requestedOn
        self.status = status
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.review = review
        self.updates = updates
    }

    /// Waiting for a decision, or granted and not yet delivered: it stays on the agenda.
    public var isOpen: Bool { status == .open || status == .granted || status == .partlyGranted }
}

public enum CapacityKind: String, Codable, Sendable, CaseIterable {
    case staff, skills, tools, data, funding, other
}

public enum CapacityStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for a decision.
    case open
    case granted, partlyGranted, declined
    /// What was granted has arrived.
    case delivered
}

/// A note on a capacity request after its decision: what has happened, and the status it left the request in.
public struct CapacityUpdate: Codable, Sendable, Equatable {
    public var on: String
    public var by: String?
    public var text: String
    public var status: CapacityStatus

    public init(on: String, by: String?, text: String, status: CapacityStatus) {
        self.on = on
        self.by = by
        self.text = text
        self.status = status
    }
}

/// What a capacity request, its decision and its updates must hold; each problem named by its field.
public enum CapacityRules {
    public static func problems(in request: CapacityRequest) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if request.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "title", reason: "say what the team needs"))
        } else if let problem = TextRules.problem(in: request.title, as: .name) {
            issues.append(.init(field: "title", reason: problem.message))
        }
        if request.justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "justification", reason: "say what it would let the team achieve"))
        } else if let problem = TextRules.problem(in: request.justification, as: .longText) {
            issues.append(.init(field: "justification", reason: problem.message))
        }
        return issues
    }

    /// The request after a decision (`granted`, `partlyGranted` or `declined`) on `day` by `person`.
    public static func decided(
        _ request: CapacityRequest, status: CapacityStatus, decision: String, on day: String, by person: String?, review: UUID?
    ) throws(FrameworkIssue) -> CapacityRequest {
        guard [.granted, .partlyGranted, .declined].contains(status) else {
            throw FrameworkIssue(field: "status", reason: "a decision grants, partly grants or declines the request")
        }
        let text = decision.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FrameworkIssue(field: "decision", reason: "say what was decided and why") }
        if let problem = TextRules.problem(in: text, as: .longText) { throw FrameworkIssue(field: "decision", reason: problem.message) }
        var decided = request
        decided.status = status
        decided.decision = text
        decided.decidedBy = person
        decided.decidedOn = day
        decided.review = review ?? request.review
        return decided
    }

    /// The request after a follow-up note; only a decided request is followed up, and `open` cannot be gone back to.
    public static func followedUp(_ request: CapacityRequest, with update: CapacityUpdate) throws(FrameworkIssue) -> CapacityRequest {
        guard request.status != .open else { throw FrameworkIssue(field: "status", reason: "decide the request first") }
        guard update.status != .open else { throw FrameworkIssue(field: "status", reason: "a decided request cannot be open again") }
        let text = update.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FrameworkIssue(field: "text", reason: "say what has happened") }
        if let problem = TextRules.problem(in: text, as: .longText) { throw FrameworkIssue(field: "text", reason: problem.message) }
        var followed = request
        var update = update
        update.text = text
        followed.updates.append(update)
        followed.status = update.status
        return followed
    }
}
