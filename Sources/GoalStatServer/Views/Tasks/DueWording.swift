import GoalStatCore

/// How a page words where a task stands.
enum DueWording {
    static func standing(_ due: DuePeriod, today: CalendarDate) -> String {
        switch due.state {
        case .late:
            let days = due.daysLate(today: today)
            return days == 1 ? "Late by 1 day" : "Late by \(days) days"
        case .dueToday:
            return "Due today"
        case .comingDue:
            let days = today.days(to: due.dueDate)
            return days == 1 ? "Due tomorrow" : "Due in \(days) days"
        }
    }

    /// "3 days after a week ends, 15 after a month, …": the grace periods in force.
    static func grace(_ policy: DuePolicy) -> String {
        let parts = [(Frequency.weekly, "a week"), (.monthly, "a month"), (.quarterly, "a quarter"), (.annual, "a year")].map { frequency, name in
            let days = policy.grace(frequency)
            return "\(days) \(days == 1 ? "day" : "days") after \(name) ends"
        }
        return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
    }
}
