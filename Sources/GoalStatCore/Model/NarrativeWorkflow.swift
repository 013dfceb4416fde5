import Foundation

/// Where a quarterly narrative stands (issue 11 item 5): written, handed in, approved, then published.
public enum NarrativeState: String, Codable, Sendable, CaseIterable {
    case draft, submitted, approved, published

    public var title: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted for approval"
        case .approved: "Approved, not yet published"
        case .published: "Published"
        }
    }
}

/// A step of the narrative workflow, and who may take it.
public enum NarrativeStep: String, Codable, Sendable, CaseIterable {
    /// draft → submitted: the author hands it in (anyone who may write the goal's narratives).
    case submit
    /// submitted → approved: the goal's leader or a PIO.
    case approve
    /// approved → published: the goal's leader or a PIO; it then shows on the public portal.
    case publish
    /// submitted, approved or published → draft, with a note saying what to change: the goal's leader or a PIO.
    case sendBack

    public var title: String {
        switch self {
        case .submit: "Submit for approval"
        case .approve: "Approve"
        case .publish: "Publish"
        case .sendBack: "Send back to draft"
        }
    }

    /// The state this step leads to from `state`, or nil when it cannot be taken from there.
    public func target(from state: NarrativeState) -> NarrativeState? {
        switch (self, state) {
        case (.submit, .draft): .submitted
        case (.approve, .submitted): .approved
        case (.publish, .approved): .published
        case (.sendBack, .submitted), (.sendBack, .approved), (.sendBack, .published): .draft
        default: nil
        }
    }

    /// Whether taking this step needs the goal's leader or a PIO (approving is not the author's own business).
    public var needsApprover: Bool { self != .submit }
}

/// Who is asking to move a narrative, as the workflow's rule needs them.
public struct NarrativeActor: Sendable, Equatable {
    /// May write the goal's narratives (edit the framework at the goal's unit).
    public var mayWrite: Bool
    /// Is the goal's leader.
    public var leadsGoal: Bool
    /// Holds `publish` at the goal's unit (a PIO or an administrator).
    public var mayPublish: Bool

    public init(mayWrite: Bool, leadsGoal: Bool, mayPublish: Bool) {
        self.mayWrite = mayWrite
        self.leadsGoal = leadsGoal
        self.mayPublish = mayPublish
    }
}

/// The workflow's one rule: which step may be taken from which state by whom.
public enum NarrativeWorkflow {
    public enum Refusal: Error, Equatable, Sendable {
        /// The step cannot be taken from the narrative's state (approving a draft, say).
        case wrongState(step: NarrativeStep, state: NarrativeState)
        /// The actor may not take the step.
        case notAllowed(step: NarrativeStep)
        /// Sending back needs a note saying what to change.
        case noteRequired

        public var message: String {
            switch self {
            case .wrongState(let step, let state): "“\(step.title)” cannot be done to a narrative that is \(state.title.lowercased())."
            case .notAllowed(let step): "Only the goal's leader or a PIO may \(step.title.lowercased())."
            case .noteRequired: "Say what should change before sending it back."
            }
        }
    }

    /// The state after `step`, or why it is refused.
    public static func apply(_ step: NarrativeStep, to state: NarrativeState, by actor: NarrativeActor, note: String?) throws(Refusal) -> NarrativeState {
        let allowed = step.needsApprover ? (actor.leadsGoal || actor.mayPublish) : (actor.mayWrite || actor.leadsGoal || actor.mayPublish)
        guard allowed else { throw .notAllowed(step: step) }
        guard let next = step.target(from: state) else { throw .wrongState(step: step, state: state) }
        if step == .sendBack, (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .noteRequired }
        return next
    }

    /// The steps this actor may take now, in the order a page offers them.
    public static func steps(from state: NarrativeState, by actor: NarrativeActor) -> [NarrativeStep] {
        NarrativeStep.allCases.filter { step in
            (try? apply(step, to: state, by: actor, note: "x")) != nil
        }
    }
}

/// One step taken on a narrative: its history.
public struct NarrativeTransition: Codable, Sendable, Equatable {
    public var goal: String
    public var period: String
    public var from: NarrativeState
    public var to: NarrativeState
    public var step: NarrativeStep
    public var actor: String?
    /// ISO 8601 date and time.
    public var at: String
    public var note: String?

    public init(goal: String, period: String, from: NarrativeState, to: NarrativeState, step: NarrativeStep, actor: String?, at: String, note: String?) {
        self.goal = goal
        self.period = period
        self.from = from
        self.to = to
        self.step = step
        self.actor = actor
        self.at = at
        self.note = note
    }
}
