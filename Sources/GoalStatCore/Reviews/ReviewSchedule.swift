import Foundation

/// A cadence of reviews worked out ahead (SPEC §2, Reviews): GPRA's quarterly review of each priority goal
/// (31 U.S.C. 1121(b): at least quarterly, with the goal's leader), the annual strategic review of every strategic
/// goal and objective (OMB Circular A-11 §260), or any scope every so many months. Reviews already scheduled with
/// the same kind, scope and date are not scheduled again, so scheduling a year twice changes nothing.
public enum ReviewSchedule {
    /// One review per priority goal per quarter of `fiscalYear`, `daysAfter` days after each quarter ends (when the
    /// quarter's data is in), chaired by the goal's leader.
    public static func quarterly(
        priorityGoals: [Goal], fiscalYear: Int, calendar: FiscalCalendar, daysAfter: Int = 30, existing: [Review] = []
    ) -> [Review] {
        var reviews: [Review] = []
        for quarter in 1...4 {
            let end = quarter == 4 ? calendar.firstDay(ofFiscalYear: fiscalYear + 1) : calendar.firstDay(ofQuarter: quarter + 1, fiscalYear: fiscalYear)
            let date = end.adding(days: daysAfter - 1).description
            for goal in priorityGoals {
                reviews.append(Review(
                    kind: .quarterly, title: "\(goal.name): quarterly review, Q\(quarter) FY\(fiscalYear)", date: date,
                    chair: goal.leader, goals: [goal.code]
                ))
            }
        }
        return new(reviews, besides: existing)
    }

    /// One review of every strategic goal and objective, `daysAfter` days after `fiscalYear` ends.
    public static func strategic(
        strategicGoals: [Goal], fiscalYear: Int, calendar: FiscalCalendar, daysAfter: Int = 90, chair: String? = nil, existing: [Review] = []
    ) -> [Review] {
        guard !strategicGoals.isEmpty else { return [] }
        let date = calendar.firstDay(ofFiscalYear: fiscalYear + 1).adding(days: daysAfter - 1).description
        let review = Review(
            kind: .strategic, title: "Strategic review FY\(fiscalYear)", date: date, chair: chair,
            goals: strategicGoals.map(\.code).sorted()
        )
        return new([review], besides: existing)
    }

    /// `template`'s scope again every `months` months from its date, up to and including `until` (at most 60).
    public static func repeating(_ template: Review, everyMonths months: Int, until: CalendarDate, existing: [Review] = []) -> [Review] {
        guard months > 0, let first = try? CalendarDate.parse(template.date) else { return [] }
        var reviews: [Review] = []
        var step = 0
        while reviews.count < 60 {
            let date = first.addingMonths(months * step)
            guard date <= until else { break }
            var review = template
            review.id = step == 0 ? template.id : UUID()
            review.date = date.description
            reviews.append(review)
            step += 1
        }
        return new(reviews, besides: existing)
    }

    static func new(_ reviews: [Review], besides existing: [Review]) -> [Review] {
        let known = Set(existing.map { Key($0) })
        return reviews.filter { !known.contains(Key($0)) }
    }

    private struct Key: Hashable {
        var kind: ReviewKind, date: String, goals: [String], orgUnits: [String]
        init(_ review: Review) {
            kind = review.kind
            date = review.date
            goals = review.goals.sorted()
            orgUnits = review.orgUnits.sorted()
        }
    }
}

extension CalendarDate {
    /// The same day `months` months later, clamped to the end of a shorter month (31 January + 1 month = 28 or 29
    /// February).
    func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        return CalendarDate(year: y, month: m, day: Swift.min(day, CalendarDate.daysInMonth(year: y, month: m)))
    }
}
