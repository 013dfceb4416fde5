import GoalStatCore

/// The nudge toward a few key indicators per goal, where they are chosen: on an indicator's form (its rank and
/// goals) and on a goal's form (its indicators). Advice only: the save goes ahead.
enum KeyIndicatorAdvice {
    static func notices(kind: RecordKind, values: FormValues, key: String?, document: FrameworkDocument, limit: Int) -> [String] {
        switch kind {
        case .indicator:
            guard let rank = IndicatorRank(rawValue: values["rank"]) else { return [] }
            return KeyIndicators.crowded(goals: values.all("goals"), indicator: key, rank: rank, in: document, limit: limit).map { crowded in
                "The goal \(crowded.goal) would have \(crowded.count) key indicators with this one; the agency suggests at most \(limit). Consider making this one, or another, a supporting indicator."
            }
        case .goal:
            guard let key, let count = KeyIndicators.counts(in: document)[key], count > limit else { return [] }
            return ["This goal has \(count) key indicators; the agency suggests at most \(limit). Make the ones that matter less supporting indicators (on each indicator's definition)."]
        case .orgUnit, .person, .milestone:
            return []
        }
    }
}
