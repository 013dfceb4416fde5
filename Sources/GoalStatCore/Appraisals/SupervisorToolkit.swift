import Foundation

/// The checklist of a progress review, from OPM's supervisor toolkit (seed 001) and seed 003's development plans.
public enum ProgressReviewChecklist {
    public struct Item: Equatable, Sendable {
        public var key: String
        public var text: String
    }

    public static let items: [Item] = [
        Item(key: "expectations", text: "Went over each element and its standard: the employee knows what is expected."),
        Item(key: "progress", text: "Discussed progress on each element with examples, what went well and what did not."),
        Item(key: "goals", text: "Connected the work to the agency goals it serves and how those goals are doing."),
        Item(key: "obstacles", text: "Asked what gets in the way and what help or resources are needed."),
        Item(key: "development", text: "Reviewed the individual development plan: training done and next steps."),
        Item(key: "changes", text: "Agreed any changes to the plan, its elements or standards, and wrote them down."),
        Item(key: "concerns", text: "Told the employee plainly about any element at risk of being Unacceptable, and how to improve."),
    ]

    public static func item(_ key: String) -> Item? { items.first { $0.key == key } }
}

/// Guidance beside the plan editor (seed 001: elements and standards that are specific, measurable, aligned), with
/// examples per level.
public enum ElementWritingGuidance {
    public static let principles: [String] = [
        "Specific: say what result or behaviour is expected, not a personality trait.",
        "Measurable: name how it will be judged — quantity, quality, timeliness or cost — with numbers where they fit.",
        "Aligned: link the element to the agency goals it serves, so the employee sees the line of sight.",
        "Achievable yet demanding: within the employee's control, with the resources they have.",
        "Critical elements are the work so important that failing at it means overall performance is unacceptable.",
    ]

    /// A worked example of one element's standard at each level.
    public static let examples: [(level: SummaryLevel, text: String)] = [
        (.outstanding, "Answers 98% of customer enquiries within 2 working days, with no errors found on review, and improves a procedure others adopt."),
        (.exceedsFullySuccessful, "Answers 95% of enquiries within 3 working days, with at most one error found on review per quarter."),
        (.fullySuccessful, "Answers 90% of enquiries within 5 working days; errors found on review are rare and corrected at once."),
        (.minimallySuccessful, "Answers 80% of enquiries within 5 working days; errors need frequent correction by others."),
        (.unacceptable, "Answers fewer than 80% of enquiries within 5 working days, or errors repeatedly reach customers."),
    ]

    /// Plain-word advice about one element as written: what makes it vague or unmeasurable.
    public static func advice(title: String, standard: String, goals: [String]) -> [String] {
        var advice: [String] = []
        let text = standard.lowercased()
        if standard.count < 40 { advice.append("The standard is short: say what Fully Successful looks like in results.") }
        if text.rangeOfCharacter(from: .decimalDigits) == nil, !["percent", "within", "days", "each", "every", "no more than", "at least"].contains(where: text.contains) {
            advice.append("Nothing in the standard can be counted or timed: add a measure (how many, how well, by when).")
        }
        if ["attitude", "try to", "as needed", "good", "properly", "adequate"].contains(where: text.contains) {
            advice.append("Words like 'good', 'properly' or 'as needed' are hard to rate: say what they mean in results.")
        }
        if goals.isEmpty { advice.append("Not aligned with any agency goal: link it to the goal it serves.") }
        return advice
    }
}
