/// What a review, an assessment, a decision and an action must hold before they are stored; each problem is named
/// by its field, as the forms and the API show it.
public enum ReviewRules {
    public static func problems(in review: Review, known: FrameworkDocument) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if review.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.append(.init(field: "title", reason: "give the review a title")) }
        if let problem = TextRules.problem(in: review.title, as: .name) { issues.append(.init(field: "title", reason: problem.message)) }
        if (try? CalendarDate.parse(review.date)) == nil { issues.append(.init(field: "date", reason: "'\(review.date)' is not a date (YYYY-MM-DD)")) }
        let people = Set(known.people.map(\.email))
        if let chair = review.chair, !people.contains(chair) { issues.append(.init(field: "chair", reason: "unknown person '\(chair)'")) }
        for attendee in review.attendees where !people.contains(attendee) {
            issues.append(.init(field: "attendees", reason: "unknown person '\(attendee)'"))
        }
        let goals = Set(known.goals.map(\.code))
        for goal in review.goals where !goals.contains(goal) { issues.append(.init(field: "goals", reason: "unknown goal '\(goal)'")) }
        let units = Set(known.orgUnits.map(\.code))
        for unit in review.orgUnits where !units.contains(unit) { issues.append(.init(field: "orgUnits", reason: "unknown org unit '\(unit)'")) }
        if review.goals.isEmpty, review.orgUnits.isEmpty { issues.append(.init(field: "goals", reason: "choose the goals or org units the review covers")) }
        if let notes = review.notes, let problem = TextRules.problem(in: notes, as: .longText) { issues.append(.init(field: "notes", reason: problem.message)) }
        return issues
    }

    public static func problems(in assessment: GoalAssessment, of review: Review, known: FrameworkDocument) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if !review.goals.contains(assessment.goal), !known.goals.contains(where: { $0.code == assessment.goal && review.orgUnits.contains($0.orgUnit ?? "") }) {
            issues.append(.init(field: "goal", reason: "the goal '\(assessment.goal)' is not in this review's scope"))
        }
        if let blockers = assessment.blockers, let problem = TextRules.problem(in: blockers, as: .longText) {
            issues.append(.init(field: "blockers", reason: problem.message))
        }
        if let ask = assessment.ask {
            if !known.orgUnits.contains(where: { $0.code == ask.orgUnit }) { issues.append(.init(field: "askOrgUnit", reason: "unknown org unit '\(ask.orgUnit)'")) }
            if ask.request.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(.init(field: "askRequest", reason: "say what help is asked for"))
            } else if let problem = TextRules.problem(in: ask.request, as: .longText) {
                issues.append(.init(field: "askRequest", reason: problem.message))
            }
        }
        return issues
    }

    public static func problems(in decision: ReviewDecision, known: FrameworkDocument) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if decision.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "text", reason: "say what was decided"))
        } else if let problem = TextRules.problem(in: decision.text, as: .longText) {
            issues.append(.init(field: "text", reason: problem.message))
        }
        if let goal = decision.goal, !known.goals.contains(where: { $0.code == goal }) { issues.append(.init(field: "goal", reason: "unknown goal '\(goal)'")) }
        if let indicator = decision.indicator, !known.indicators.contains(where: { $0.code == indicator }) {
            issues.append(.init(field: "indicator", reason: "unknown indicator '\(indicator)'"))
        }
        return issues
    }

    public static func problems(in action: ActionItem, known: FrameworkDocument) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if action.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "title", reason: "say what is to be done"))
        } else if let problem = TextRules.problem(in: action.title, as: .longText) {
            issues.append(.init(field: "title", reason: problem.message))
        }
        if !known.people.contains(where: { $0.email == action.owner }) { issues.append(.init(field: "owner", reason: "unknown person '\(action.owner)'")) }
        if (try? CalendarDate.parse(action.due)) == nil { issues.append(.init(field: "due", reason: "'\(action.due)' is not a date (YYYY-MM-DD)")) }
        return issues
    }
}
