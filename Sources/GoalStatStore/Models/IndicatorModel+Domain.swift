import GoalStatCore

extension IndicatorModel {
    /// The indicator without its goal links, which live in `indicator_goals`.
    func domain(goals: [String]) -> Indicator {
        Indicator(
            code: code, name: name, definition: definition, methodology: methodology, source: source,
            unit: IndicatorUnit(unit), per: per, decimals: decimals,
            direction: ImprovementDirection(rawValue: direction) ?? .neutral,
            frequency: Frequency(rawValue: frequency) ?? .monthly,
            aggregation: Aggregation(rawValue: aggregation) ?? .sum,
            stage: ValueChainStage(rawValue: stage) ?? .output,
            orgUnit: orgUnitCode, steward: stewardEmail, rank: IndicatorRank(rawValue: rank) ?? .supporting,
            guardrail: guardrail, public: isPublic, formula: formula,
            levels: JSONColumn.decode([String].self, from: levelsJSON),
            goals: goals, dataQuality: JSONColumn.decode(DataQuality.self, from: dataQualityJSON),
            validRange: JSONColumn.decode(ValidRange.self, from: validRangeJSON)
        )
    }

    func apply(_ indicator: Indicator) {
        code = indicator.code
        name = indicator.name
        definition = indicator.definition
        methodology = indicator.methodology
        source = indicator.source
        unit = indicator.unit.text
        per = indicator.per
        decimals = indicator.decimals
        direction = indicator.direction.rawValue
        frequency = indicator.frequency.rawValue
        aggregation = indicator.aggregation.rawValue
        stage = indicator.stage.rawValue
        orgUnitCode = indicator.orgUnit
        stewardEmail = indicator.steward
        rank = indicator.rank.rawValue
        guardrail = indicator.guardrail
        isPublic = indicator.public
        formula = indicator.formula
        levelsJSON = indicator.levels.map { JSONColumn.encode($0) }
        dataQualityJSON = indicator.dataQuality.flatMap { $0.isEmpty ? nil : JSONColumn.encode($0) }
        validRangeJSON = indicator.validRange.map { JSONColumn.encode($0) }
    }
}
