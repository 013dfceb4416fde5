import GoalStatCore

extension MilestoneModel {
    var domain: Milestone {
        Milestone(code: code, goal: goalCode, name: name, due: due, status: MilestoneStatus(rawValue: status) ?? .planned, completedOn: completedOn)
    }

    func apply(_ milestone: Milestone) {
        code = milestone.code
        goalCode = milestone.goal
        name = milestone.name
        due = milestone.due
        status = milestone.status.rawValue
        completedOn = milestone.completedOn
    }
}
