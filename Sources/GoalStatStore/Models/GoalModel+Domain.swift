import GoalStatCore

extension GoalModel {
    var domain: Goal {
        Goal(
            code: code, kind: GoalKind(rawValue: kind) ?? .strategicGoal, parent: parentCode, name: name,
            statement: statement, orgUnit: orgUnitCode, leader: leaderEmail,
            deputies: JSONColumn.decode([String].self, from: deputiesJSON) ?? [],
            period: periodFrom.flatMap { from in periodTo.map { PeriodSpan(from: from, to: $0) } },
            perspective: perspective, focus: focus, public: isPublic
        )
    }

    func apply(_ goal: Goal) {
        code = goal.code
        kind = goal.kind.rawValue
        parentCode = goal.parent
        name = goal.name
        statement = goal.statement
        orgUnitCode = goal.orgUnit
        leaderEmail = goal.leader
        deputiesJSON = JSONColumn.encode(goal.deputies)
        periodFrom = goal.period?.from
        periodTo = goal.period?.to
        perspective = goal.perspective
        focus = goal.focus
        isPublic = goal.public
    }
}
