import Foundation

/// The portal's search (SPEC §2a): every word of the query, ignoring case and accents, in a published goal's,
/// indicator's, narrative's or win's text. It is given only published records, so it cannot find anything else.
public enum PortalSearch {
    public enum Kind: String, Sendable, Equatable {
        case goal, indicator, narrative, win

        public var title: String {
            switch self {
            case .goal: "Goal"
            case .indicator: "Indicator"
            case .narrative: "Quarterly update"
            case .win: "Small win"
            }
        }
    }

    public struct Hit: Sendable, Equatable {
        public var kind: Kind
        /// The goal's or indicator's code (a narrative's and a win's goal, when it has one).
        public var key: String?
        public var title: String
        public var excerpt: String
    }

    /// The query's words, folded; empty when there is nothing to look for.
    public static func words(_ query: String) -> [String] {
        fold(query).split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { !$0.isEmpty }.prefix(12).map { $0 }
    }

    public static func search(_ query: String, in published: FrameworkDocument, wins: [Win], limit: Int = 50) -> [Hit] {
        let words = words(query)
        guard !words.isEmpty else { return [] }
        func matches(_ texts: [String?]) -> String? {
            let joined = texts.compactMap { $0 }.joined(separator: " ")
            let folded = fold(joined)
            guard words.allSatisfy(folded.contains) else { return nil }
            return String(joined.prefix(240))
        }
        var hits: [Hit] = []
        for goal in published.goals {
            if let excerpt = matches([goal.name, goal.statement, goal.code]) { hits.append(Hit(kind: .goal, key: goal.code, title: goal.name, excerpt: excerpt)) }
        }
        for indicator in published.indicators {
            if let excerpt = matches([indicator.name, indicator.definition, indicator.methodology, indicator.source, indicator.code]) {
                hits.append(Hit(kind: .indicator, key: indicator.code, title: indicator.name, excerpt: excerpt))
            }
        }
        let goalNames = Dictionary(published.goals.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        for narrative in published.narratives where narrative.state == .published {
            if let excerpt = matches([narrative.accomplishments, narrative.challenges, narrative.nextSteps]) {
                let goal = goalNames[narrative.goal] ?? narrative.goal
                hits.append(Hit(kind: .narrative, key: narrative.goal, title: "\(goal): \(narrative.period)", excerpt: excerpt))
            }
        }
        for win in wins where WinRules.isPublic(win, in: published) {
            if let excerpt = matches([win.title, win.story]) { hits.append(Hit(kind: .win, key: win.goal, title: win.title, excerpt: excerpt)) }
        }
        return Array(hits.prefix(limit))
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// The portal's timeline of updates (SPEC §2a): results reported, milestones completed, quarterly updates and
/// wins, newest first. Each entry has the date it sorts by.
public struct PortalUpdate: Sendable, Equatable {
    public enum Kind: String, Sendable { case result, milestone, narrative, win }
    public var kind: Kind
    public var date: CalendarDate
    public var title: String
    /// The goal or indicator it belongs to, for its link.
    public var goal: String?
    public var indicator: String?
    public var text: String

    public init(kind: Kind, date: CalendarDate, title: String, goal: String? = nil, indicator: String? = nil, text: String) {
        self.kind = kind
        self.date = date
        self.title = title
        self.goal = goal
        self.indicator = indicator
        self.text = text
    }

    /// Newest first, then by title; at most `limit`.
    public static func timeline(_ updates: [PortalUpdate], limit: Int = 100) -> [PortalUpdate] {
        Array(updates.sorted { ($0.date, $1.title) > ($1.date, $0.title) }.prefix(limit))
    }
}
