import GoalStatCore

extension TargetModel {
    var storedPeriod: Period? {
        PeriodStorage.period(start: periodStart, end: periodEnd, granularity: periodGranularity)
    }

    func domain(calendar: FiscalCalendar, fiscal: Bool) -> Target {
        Target(
            indicator: indicatorCode, orgUnit: orgUnitCode.isEmpty ? nil : orgUnitCode,
            period: storedPeriod.map { PeriodStorage.label($0, calendar: calendar, fiscal: fiscal) } ?? periodStart,
            value: value, range: rangeMin.flatMap { min in rangeMax.map { TargetRange(min: min, max: $0) } },
            rationale: rationale, setOn: setOn, setBy: setBy,
            benchmark: benchmarkKind.flatMap(BenchmarkKind.init(rawValue:)).flatMap { kind in
                benchmarkValue.map { Benchmark(kind: kind, value: $0, source: benchmarkSource) }
            },
            decidedOn: decidedOn
        )
    }

    func apply(_ target: Target, period: Period) {
        indicatorCode = target.indicator
        orgUnitCode = target.orgUnit ?? ""
        periodStart = PeriodStorage.start(period)
        periodEnd = PeriodStorage.end(period)
        periodGranularity = PeriodStorage.granularity(period)
        value = target.value
        rangeMin = target.range?.min
        rangeMax = target.range?.max
        rationale = target.rationale
        setOn = target.setOn
        setBy = target.setBy
        benchmarkKind = target.benchmark?.kind.rawValue
        benchmarkValue = target.benchmark?.value
        benchmarkSource = target.benchmark?.source
        decidedOn = target.decidedOn
    }
}
