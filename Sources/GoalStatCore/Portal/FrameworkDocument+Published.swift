import Foundation

extension FrameworkDocument {
    /// What the public may read of the framework, whoever is asking (the portal, open data, anonymous visitors):
    /// published goals and indicators, their targets, milestones, links and published narratives, and no personal
    /// data beyond the names of the leaders of published goals (SPEC §7, issue 12). E-mail addresses are people's
    /// keys inside GoalStat; here every reference to a person becomes their public name (a goal's leader and
    /// deputies, a narrative's author) or disappears (an indicator's steward, who set a target or a rebase), and
    /// the people list is empty.
    public func published() -> FrameworkDocument {
        var result = self
        let names = publicNames
        func name(_ email: String?) -> String? { email.flatMap { names[$0.lowercased()] } }
        result.goals = goals.filter(\.public).map { $0.publicView(names: names) }
        let goalCodes = Set(result.goals.map(\.code))
        result.indicators = indicators.filter(\.public).map { $0.publicView(publishedGoals: goalCodes) }
        let indicatorCodes = Set(result.indicators.map(\.code))
        result.people = []
        result.links = links.filter { indicatorCodes.contains($0.driver) && indicatorCodes.contains($0.result) }
        result.targets = targets.filter { indicatorCodes.contains($0.indicator) }.map { target in
            var target = target
            target.setBy = nil
            return target
        }
        result.rebases = rebases.filter { indicatorCodes.contains($0.indicator) }.map { rebase in
            var rebase = rebase
            rebase.setBy = nil
            return rebase
        }
        result.milestones = milestones.filter { goalCodes.contains($0.goal) }
        result.narratives = narratives.filter { goalCodes.contains($0.goal) && $0.state == .published }.map { narrative in
            var narrative = narrative
            narrative.author = name(narrative.author)
            return narrative
        }
        return result
    }

    /// The agency's name for the portal's header: the plan's org unit, else the top of the org tree, else the plan.
    public var agencyName: String? {
        if let unit = plan?.orgUnit, let found = orgUnits.first(where: { $0.code == unit }) { return found.name }
        return orgUnits.first { $0.parent == nil }?.name ?? plan?.name
    }
}

extension FrameworkDocument {
    /// People's names by lower-cased e-mail address, for `Goal.publicView(names:)`.
    public var publicNames: [String: String] {
        Dictionary(people.map { ($0.email.lowercased(), $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The codes of the published goals.
    public var publishedGoalCodes: Set<String> { Set(goals.filter(\.public).map(\.code)) }
}

extension Goal {
    /// The goal as the public reads it: its leader and deputies by name, not by e-mail address.
    public func publicView(names: [String: String]) -> Goal {
        var goal = self
        goal.leader = leader.flatMap { names[$0.lowercased()] }
        goal.deputies = deputies.compactMap { names[$0.lowercased()] }
        return goal
    }
}

extension Indicator {
    /// The indicator as the public reads it: no steward, and only its published goals.
    public func publicView(publishedGoals: Set<String>) -> Indicator {
        var indicator = self
        indicator.steward = nil
        indicator.goals = goals.filter(publishedGoals.contains)
        return indicator
    }
}
