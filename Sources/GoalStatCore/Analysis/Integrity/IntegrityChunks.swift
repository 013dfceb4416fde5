/// Splits indicators into groups the integrity checks can run on one at a time: an indicator's checks read only its
/// own series and, for a guardrail, the indicators it is linked to or shares a goal with, so indicators joined by a
/// link or a goal stay in one group. Groups are merged up to `size` indicators, so that a run over thousands of
/// indicators holds one group's values at a time, not all of them.
public enum IntegrityChunks {
    public static func split(_ indicators: [Indicator], links: [IndicatorLink], size: Int = 100) -> [[Indicator]] {
        var parent: [String: String] = [:]
        for indicator in indicators { parent[indicator.code] = indicator.code }
        func root(_ code: String) -> String {
            var code = code
            while let up = parent[code], up != code {
                parent[code] = parent[up]
                code = up
            }
            return code
        }
        func join(_ a: String, _ b: String) {
            guard parent[a] != nil, parent[b] != nil else { return }
            let (x, y) = (root(a), root(b))
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        var firstOfGoal: [String: String] = [:]
        for indicator in indicators {
            for goal in indicator.goals {
                if let first = firstOfGoal[goal] { join(first, indicator.code) } else { firstOfGoal[goal] = indicator.code }
            }
        }
        for link in links { join(link.driver, link.result) }
        var groups: [String: [Indicator]] = [:]
        var order: [String] = []
        for indicator in indicators {
            let key = root(indicator.code)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(indicator)
        }
        var chunks: [[Indicator]] = []
        var current: [Indicator] = []
        for key in order {
            let group = groups[key] ?? []
            if !current.isEmpty, current.count + group.count > size {
                chunks.append(current)
                current = []
            }
            current += group
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
