import GoalStatCore

/// Defining an indicator (rare, by performance staff): its meaning, unit, direction, owner, steward, goals and
/// the GPRA data-quality statement. Updating its values is the data-entry grid's job, a separate page (SPEC §2a).
enum IndicatorForm: RecordForm {
    static let noun = "indicator"

    private static let units: [FormChoice] = [
        FormChoice(label: "Count", value: "count"), FormChoice(label: "Percent", value: "percent"),
        FormChoice(label: "Currency (US dollars)", value: "currency"), FormChoice(label: "Days", value: "days"),
        FormChoice(label: "Hours", value: "hours"), FormChoice(label: "Rate per N (give N below)", value: "rate"),
        FormChoice(label: "Another unit (name it below)", value: otherUnit),
    ]
    private static let otherUnit = "other"

    static func sections(_ choices: FormChoices, editing: Bool) -> [FormSection] {
        [
            FormSection(title: nil, hint: nil, fields: [
                FormField(name: "code", label: "Code", hint: editing ? "A code cannot change once values refer to it." : "A short, stable code such as DMV-WAIT (letters, digits, . _ -).", kind: .text(), required: true, readOnly: editing),
                FormField(name: "name", label: "Name", kind: .text(), required: true),
                FormField(name: "definition", label: "Definition", hint: "Exactly what is counted, so that two people would get the same number.", kind: .longText(rows: 3)),
                FormField(name: "methodology", label: "How it is calculated", kind: .longText(rows: 3)),
                FormField(name: "source", label: "Data source", kind: .text()),
            ]),
            FormSection(title: "Values", hint: nil, fields: [
                FormField(name: "unit", label: "Unit", kind: .choice(units), required: true),
                FormField(name: "unitName", label: "Name of another unit", hint: "Only for another unit: minutes, visits, tonnes…", kind: .text()),
                FormField(name: "per", label: "Rate per", hint: "Only for a rate: per 1000, per 100000…", kind: .text(numeric: true)),
                FormField(name: "decimals", label: "Decimal places shown", kind: .text(numeric: true)),
                FormField(name: "direction", label: "Which way is better", kind: .choice(ImprovementDirection.choices(\.title)), required: true),
                FormField(name: "frequency", label: "How often it is measured", kind: .choice(Frequency.choices(\.title)), required: true),
                FormField(name: "aggregation", label: "The total of the units is", kind: .choice(Aggregation.choices(\.title)), required: true),
                FormField(name: "validRange.min", label: "Lowest plausible value", hint: "Values outside the range are refused. Left empty, a percentage lies in 0–100 and a count or a duration is at least 0.", kind: .text(numeric: true)),
                FormField(name: "validRange.max", label: "Highest plausible value", kind: .text(numeric: true)),
                FormField(name: "formula", label: "Formula", hint: "Only for an indicator worked out from others: codes in square brackets, such as [DMV-ISSUED] / [DMV-APPS] * 100.", kind: .text()),
                FormField(name: "levels", label: "Levels of a qualitative indicator", hint: "Only for an indicator told in words: one level per line, worst first (for example Not started, Under way, Done). Leave empty for numbers.", kind: .longText(rows: 4)),
            ]),
            FormSection(title: "Place in the plan", hint: nil, fields: [
                FormField(name: "stage", label: "Stage of the value chain", kind: .choice(ValueChainStage.choices(\.singularTitle)), required: true),
                FormField(name: "orgUnit", label: "Owning org unit", kind: .choice(choices.orgUnits), required: true),
                FormField(name: "steward", label: "Data steward", hint: "Who enters its values; reminders go to them.", kind: .choice([FormChoices.none("Not named yet")] + choices.people)),
                FormField(name: "rank", label: "Rank", hint: "A few key indicators per goal; the rest supporting.", kind: .choice(IndicatorRank.choices(\.title)), required: true),
                FormField(name: "goals", label: "Goals it measures", kind: .choices(choices.goals)),
                FormField(name: "guardrail", label: "Guardrail: watched so that a target is not met by undermining the mission", kind: .toggle),
                FormField(name: "public", label: "Published on the public pages", kind: .toggle),
            ]),
            FormSection(title: "Data quality", hint: "The statement the GPRA Modernization Act asks for (31 U.S.C. 1115(b)(8)).", fields: [
                FormField(name: "dataQuality.verification", label: "How values are verified", kind: .longText(rows: 2)),
                FormField(name: "dataQuality.validation", label: "How values are validated", kind: .longText(rows: 2)),
                FormField(name: "dataQuality.source", label: "Source of the data", kind: .longText(rows: 2)),
                FormField(name: "dataQuality.accuracy", label: "Accuracy needed", kind: .longText(rows: 2)),
                FormField(name: "dataQuality.limitations", label: "Known limitations", kind: .longText(rows: 2)),
                FormField(name: "dataQuality.compensation", label: "How the limitations are compensated", kind: .longText(rows: 2)),
            ]),
        ]
    }

    private static let qualityFields: [(name: String, path: WritableKeyPath<DataQuality, String?>)] = [
        ("verification", \.verification), ("validation", \.validation), ("source", \.source),
        ("accuracy", \.accuracy), ("limitations", \.limitations), ("compensation", \.compensation),
    ]

    static func values(of indicator: Indicator) -> FormValues {
        var values = FormValues()
        values["code"] = indicator.code
        values["name"] = indicator.name
        values["definition"] = indicator.definition ?? ""
        values["methodology"] = indicator.methodology ?? ""
        values["source"] = indicator.source ?? ""
        if case .other(let name) = indicator.unit {
            values["unit"] = otherUnit
            values["unitName"] = name
        } else {
            values["unit"] = indicator.unit.text
        }
        values["per"] = indicator.per.map(String.init) ?? ""
        values["decimals"] = String(indicator.decimals)
        values["direction"] = indicator.direction.rawValue
        values["frequency"] = indicator.frequency.rawValue
        values["aggregation"] = indicator.aggregation.rawValue
        values["validRange.min"] = indicator.validRange?.min.map(NumberText.plain) ?? ""
        values["validRange.max"] = indicator.validRange?.max.map(NumberText.plain) ?? ""
        values["formula"] = indicator.formula ?? ""
        values["levels"] = indicator.levels?.joined(separator: "\n") ?? ""
        values["stage"] = indicator.stage.rawValue
        values["orgUnit"] = indicator.orgUnit
        values["steward"] = indicator.steward ?? ""
        values["rank"] = indicator.rank.rawValue
        values.set("goals", indicator.goals)
        values.setFlag("guardrail", indicator.guardrail)
        values.setFlag("public", indicator.public)
        for field in qualityFields { values["dataQuality.\(field.name)"] = indicator.dataQuality?[keyPath: field.path] ?? "" }
        return values
    }

    static func defaults(_ choices: FormChoices, query: FormValues) -> FormValues {
        var values = FormValues()
        values["unit"] = "count"
        values["decimals"] = "0"
        values["direction"] = ImprovementDirection.increase.rawValue
        values["frequency"] = Frequency.monthly.rawValue
        values["aggregation"] = Aggregation.sum.rawValue
        values["stage"] = ValueChainStage.output.rawValue
        values["rank"] = IndicatorRank.supporting.rawValue
        values["orgUnit"] = query["orgUnit"]
        if let goal = query.text("goal") { values.set("goals", [goal]) }
        return values
    }

    static func record(from values: FormValues) -> Result<Indicator, FormErrors> {
        var form = FormReader(values)
        let code = form.required("code", "code"), name = form.required("name", "name")
        var unit = IndicatorUnit(form["unit"])
        if form["unit"] == otherUnit {
            unit = .other(form.required("unitName", "name of the unit"))
        } else if form["unit"].isEmpty {
            form.errors.add("unit", "choose the unit")
        }
        let per = form.integer("per", in: 1...1_000_000_000)
        let decimals = form.integer("decimals", in: 0...6) ?? 0
        let direction = form.choice("direction", "direction", as: ImprovementDirection.self)
        let frequency = form.choice("frequency", "frequency", as: Frequency.self)
        let aggregation = form.choice("aggregation", "aggregation", as: Aggregation.self)
        let stage = form.choice("stage", "stage", as: ValueChainStage.self)
        let rank = form.choice("rank", "rank", as: IndicatorRank.self)
        let orgUnit = form.required("orgUnit", "owning org unit")
        let low = form.number("validRange.min"), high = form.number("validRange.max")
        if let low, let high, low > high { form.errors.add("validRange.max", "the highest plausible value is below the lowest") }
        var quality = DataQuality()
        for field in qualityFields { quality[keyPath: field.path] = form.optional("dataQuality.\(field.name)") }
        let levels = form.lines("levels")
        guard form.errors.isEmpty, let direction, let frequency, let aggregation, let stage, let rank else { return .failure(form.errors) }
        return .success(Indicator(
            code: code, name: name, definition: form.optional("definition"), methodology: form.optional("methodology"),
            source: form.optional("source"), unit: unit, per: per, decimals: decimals, direction: direction, frequency: frequency,
            aggregation: aggregation, stage: stage, orgUnit: orgUnit, steward: form.optional("steward"), rank: rank,
            guardrail: form.isOn("guardrail"), public: form.isOn("public"), formula: form.optional("formula"),
            levels: levels.isEmpty ? nil : levels, goals: form.list("goals"), dataQuality: quality.isEmpty ? nil : quality,
            validRange: low == nil && high == nil ? nil : ValidRange(min: low, max: high)
        ))
    }

    static func page(of indicator: Indicator) -> SiteURL { .indicator(indicator.code) }
    static func title(of indicator: Indicator) -> String { indicator.name }
}
