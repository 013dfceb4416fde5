import GoalStatCore

extension PlanModel {
    var domain: Plan {
        Plan(
            code: code, name: name, orgUnit: orgUnitCode,
            period: periodFrom.flatMap { from in periodTo.map { PeriodSpan(from: from, to: $0) } },
            fiscalYearStartMonth: fiscalYearStartMonth, reportsInFiscalYears: reportsInFiscalYears,
            mission: mission, vision: vision,
            values: JSONColumn.decode([PlanValue].self, from: valuesJSON) ?? [],
            perspectives: JSONColumn.decode([String].self, from: perspectivesJSON) ?? []
        )
    }

    func apply(_ plan: Plan) {
        code = plan.code
        name = plan.name
        orgUnitCode = plan.orgUnit
        periodFrom = plan.period?.from
        periodTo = plan.period?.to
        fiscalYearStartMonth = plan.fiscalYearStartMonth
        reportsInFiscalYears = plan.reportsInFiscalYears
        mission = plan.mission
        vision = plan.vision
        valuesJSON = JSONColumn.encode(plan.values)
        perspectivesJSON = JSONColumn.encode(plan.perspectives)
    }
}
