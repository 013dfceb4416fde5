/// What a risk must hold before it is stored; each problem is named by its field, as the forms and the API show it.
/// Whether the goal and owner exist is checked by the caller by key.
public enum RiskRules {
    public static let scale = 1...5

    public static func problems(in risk: Risk) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        if risk.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "title", reason: "say what could go wrong"))
        } else if let problem = TextRules.problem(in: risk.title, as: .name) {
            issues.append(.init(field: "title", reason: problem.message))
        }
        if !scale.contains(risk.likelihood) { issues.append(.init(field: "likelihood", reason: "likelihood is a whole number from 1 (rare) to 5 (almost certain)")) }
        if !scale.contains(risk.impact) { issues.append(.init(field: "impact", reason: "impact is a whole number from 1 (minimal) to 5 (severe)")) }
        for (field, text) in [("description", risk.description), ("mitigation", risk.mitigation)] {
            if let text, let problem = TextRules.problem(in: text, as: .longText) { issues.append(.init(field: field, reason: problem.message)) }
        }
        if let day = risk.reviewOn, (try? CalendarDate.parse(day)) == nil {
            issues.append(.init(field: "reviewOn", reason: "'\(day)' is not a date (YYYY-MM-DD)"))
        }
        return issues
    }

    /// The risk after an edit on `day` by `person`: a new likelihood or impact adds an assessment to its history
    /// (a second one on the same day replaces that day's), so the score history is the record of what was judged.
    public static func revised(_ old: Risk, to new: Risk, on day: String, by person: String?, note: String?) -> Risk {
        var risk = new
        risk.id = old.id
        risk.openedOn = old.openedOn
        risk.review = old.review
        risk.decision = old.decision
        risk.history = old.history
        if old.likelihood != new.likelihood || old.impact != new.impact || old.history.isEmpty {
            let assessment = RiskAssessment(on: day, by: person, likelihood: new.likelihood, impact: new.impact, note: note)
            if risk.history.last?.on == day { risk.history[risk.history.count - 1] = assessment } else { risk.history.append(assessment) }
        }
        return risk
    }

    /// A newly opened risk, its first assessment recorded.
    public static func opened(_ risk: Risk, on day: String, by person: String?) -> Risk {
        var risk = risk
        risk.openedOn = day
        risk.history = [RiskAssessment(on: day, by: person, likelihood: risk.likelihood, impact: risk.impact, note: nil)]
        return risk
    }
}
