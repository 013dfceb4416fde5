/// The org unit tree by code, for inheriting roles downwards; tolerant of unknown codes and of cycles in bad data.
public struct OrgTree: Sendable, Equatable {
    private var parents: [String: String]
    private var children: [String: [String]]

    public init(_ units: [OrgUnit]) {
        var parents: [String: String] = [:]
        var children: [String: [String]] = [:]
        for unit in units {
            guard let parent = unit.parent else { continue }
            parents[unit.code] = parent
            children[parent, default: []].append(unit.code)
        }
        self.parents = parents
        self.children = children
    }

    /// The unit itself, then its parent, grandparent … up to the root. A cycle stops at the first repeated code.
    public func lineage(of code: String) -> [String] {
        var result = [code]
        var seen: Set<String> = [code]
        var current = code
        while let parent = parents[current], seen.insert(parent).inserted {
            result.append(parent)
            current = parent
        }
        return result
    }

    /// The ancestors of a unit, nearest first (without the unit itself).
    public func ancestors(of code: String) -> [String] {
        Array(lineage(of: code).dropFirst())
    }

    /// Whether `code` is `ancestor` or lies below it.
    public func isWithin(_ code: String, _ ancestor: String) -> Bool {
        lineage(of: code).contains(ancestor)
    }

    /// The unit and every unit below it, for filtering lists to what a grant covers.
    public func subtree(of code: String) -> Set<String> {
        var result: Set<String> = [code]
        var pending = [code]
        while let next = pending.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted {
                pending.append(child)
            }
        }
        return result
    }
}
