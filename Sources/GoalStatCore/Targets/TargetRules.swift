/// What a target must be beyond its shape (issue 10): its numbers within its indicator's valid range, so that a
/// target of −5 minutes or 140% is refused as a value of −5 minutes or 140% is.
public enum TargetRules {
    /// Why `number` cannot be a target of an indicator whose values lie in `range`; `whose` names the range's owner
    /// ("a percentage", "of FO-SAT").
    public static func rangeProblem(_ number: Double, in range: ValidRange, whose: String) -> String? {
        range.problem(with: number, whose: whose.hasPrefix("of ") ? whose : "of \(whose)").map { "a target can only be a value the indicator can take: \($0)" }
    }

    /// The same for an indicator: nil when it has no range or the number lies in it.
    public static func rangeProblem(_ number: Double, for indicator: Indicator) -> String? {
        guard let range = indicator.validValues else { return nil }
        return rangeProblem(number, in: range, whose: indicator.validRange == nil ? indicator.unit.kindName : "of \(indicator.code)")
    }

    /// The period a new version of a target is most likely for: the target period in force today (the one that
    /// contains it), else the next one to start, else the latest; nil when the indicator has no targets.
    public static func defaultPeriod(of periods: [Period], today: CalendarDate) -> Period? {
        let sorted = periods.sorted()
        return sorted.first { $0.start <= today && today <= $0.end } ?? sorted.first { $0.start > today } ?? sorted.last
    }
}
