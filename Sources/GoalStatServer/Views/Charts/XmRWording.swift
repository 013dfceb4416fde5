import GoalStatCore

// The words the process behaviour chart, its icons and its table use for the XmR vocabulary of SPEC §4. Like
// DomainTitles.swift, these are presentation: the API and `goalstat spc` keep the raw values.

extension PointType {
    /// The point's type in words, for the table: "Special cause of improvement".
    var title: String {
        switch self {
        case .commonCause: "Common cause"
        case .improvement: "Special cause of improvement"
        case .concern: "Special cause of concern"
        case .neutralHigh: "Special cause, high (neither direction is better)"
        case .neutralLow: "Special cause, low (neither direction is better)"
        }
    }

    /// The legend's short form: "Improvement".
    var shortTitle: String {
        switch self {
        case .commonCause: "Common cause"
        case .improvement: "Improvement"
        case .concern: "Concern"
        case .neutralHigh: "Neutral, high"
        case .neutralLow: "Neutral, low"
        }
    }

    /// The chart's marker shape as a character, to repeat it beside the words in the table.
    var glyph: String {
        switch self {
        case .commonCause: "●"
        case .improvement: "■"
        case .concern: "◆"
        case .neutralHigh: "▲"
        case .neutralLow: "▼"
        }
    }

    /// In running text after "a": "special cause of improvement".
    var phrase: String {
        switch self {
        case .commonCause: "common-cause variation"
        case .improvement: "special cause of improvement"
        case .concern: "special cause of concern"
        case .neutralHigh: "special cause on the high side"
        case .neutralLow: "special cause on the low side"
        }
    }
}

extension XmRIcons.Variation {
    /// The icon's label and caption: what the latest point of the chart says.
    var title: String {
        switch self {
        case .commonCause: "Common-cause variation"
        case .improvementHigh: "Special cause of improvement: higher values"
        case .improvementLow: "Special cause of improvement: lower values"
        case .concernHigh: "Special cause of concern: higher values"
        case .concernLow: "Special cause of concern: lower values"
        case .neutralHigh: "Special cause: higher values (neither direction is better)"
        case .neutralLow: "Special cause: lower values (neither direction is better)"
        }
    }

    /// What it means, shown under the caption.
    var explanation: String {
        switch self {
        case .commonCause:
            "The latest value varies only as much as the process usually does: no signal to act on."
        case .improvementHigh, .improvementLow:
            "The latest value is part of a signal that the process has changed for the better."
        case .concernHigh, .concernLow:
            "The latest value is part of a signal that the process has changed for the worse: find out why."
        case .neutralHigh, .neutralLow:
            "The latest value is part of a signal that the process has changed."
        }
    }
}

extension Assurance {
    /// The icon's label and caption.
    var title: String {
        switch self {
        case .consistentPass: "Consistently meets the target"
        case .consistentFail: "Consistently misses the target"
        case .inconsistent: "Meets and misses the target at random"
        }
    }

    /// What it means, shown under the caption.
    var explanation: String {
        switch self {
        case .consistentPass:
            "The process limits lie entirely on the passing side of the target: as it runs now, it will meet it."
        case .consistentFail:
            "The target lies beyond the process limits on the failing side: the process will miss it unless something changes."
        case .inconsistent:
            "The target lies within the process limits: it will be met in some periods and missed in others by chance."
        }
    }
}
