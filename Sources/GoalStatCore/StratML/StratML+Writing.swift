import Foundation

extension StratML {
    /// The plan as StratML Part 1: organisation and its units as stakeholders, vision, mission, values, and the goal
    /// tree (each top goal a Goal, the goals below it its Objectives, with their leaders and units as stakeholders).
    /// Part 1 has no element for indicators: each goal's indicators are named in its `OtherInformation`, and Part 2
    /// carries them with their targets and results. The caller chooses which records go in (only the published ones
    /// for a public file).
    public static func part1(_ document: FrameworkDocument, publishedOn: CalendarDate) -> String {
        var writer = XMLWriter()
        writer.start("StrategicPlan", [("xmlns", part1Namespace)])
        writePlanHeader(document, into: &writer)
        writeCore(document, part: 1, results: [:], into: &writer)
        writeAdministration(document, publishedOn: publishedOn, part: 1, into: &writer)
        writer.end()
        return writer.text
    }

    /// The plan with its performance indicators as StratML Part 2: Part 1's content plus, under each objective, its
    /// indicators with a target result and an actual result per year (`results`, by indicator code; years with a
    /// target and no result yet carry the target alone).
    public static func part2(
        _ document: FrameworkDocument, results: [String: [YearlyResult]], type: DocumentType, publishedOn: CalendarDate
    ) -> String {
        var writer = XMLWriter()
        writer.start("PerformancePlanOrReport", [("xmlns", part2Namespace), ("Type", type.rawValue)])
        writePlanHeader(document, into: &writer)
        writeCore(document, part: 2, results: results, into: &writer)
        writeAdministration(document, publishedOn: publishedOn, part: 2, into: &writer)
        writer.end()
        return writer.text
    }

    private static func writePlanHeader(_ document: FrameworkDocument, into writer: inout XMLWriter) {
        let plan = document.plan
        writer.element("Name", plan?.name ?? document.orgUnits.first { $0.parent == nil }?.name ?? "Strategic plan")
        writer.element("Description", plan?.period.map { "The plan for \($0.from) to \($0.to)." })
        writer.element("OtherInformation", plan.map { plan in
            marker([("plan", plan.code), ("orgUnit", plan.orgUnit), ("fiscalYearStartMonth", String(plan.fiscalYearStartMonth)),
                    ("reportsInFiscalYears", plan.reportsInFiscalYears ? "yes" : "no"), ("from", plan.period?.from), ("to", plan.period?.to),
                    ("perspectives", plan.perspectives.joined(separator: "|"))])
        })
    }

    private static func writeCore(_ document: FrameworkDocument, part: Int, results: [String: [YearlyResult]], into writer: inout XMLWriter) {
        writer.start("StrategicPlanCore")
        let units = document.orgUnits
        let top = document.plan?.orgUnit.flatMap { code in units.first { $0.code == code } } ?? units.first { $0.parent == nil }
        if let top {
            writer.start("Organization")
            writer.element("Name", top.name)
            writer.element("Acronym", top.code)
            writer.element("Identifier", identifier("org", top.code))
            for unit in units where unit.code != top.code {
                stakeholder(unit.name, description: "Org unit \(unit.code)" + (unit.parent.map { ", part of \($0)" } ?? ""), type: "Organization", part: part, into: &writer)
            }
            writer.end()
        }
        if let vision = document.plan?.vision {
            writer.start("Vision")
            writer.element("Description", vision)
            writer.element("Identifier", "vision")
            writer.end()
        }
        if let mission = document.plan?.mission {
            writer.start("Mission")
            writer.element("Description", mission)
            writer.element("Identifier", "mission")
            writer.end()
        }
        for value in document.plan?.values ?? [] {
            writer.start("Value")
            writer.element("Name", value.name)
            writer.element("Description", [value.description, "(\(value.kind == .process ? "A process value" : "An outcome value"))"].compactMap { $0 }.joined(separator: " "))
            writer.end()
        }
        let tree = GoalForest(document)
        if tree.roots.isEmpty {
            // A plan needs one goal at least; an empty framework says so rather than writing an invalid file.
            writer.start("Goal")
            writer.element("Name", "No goals published yet")
            writer.element("Description", "This plan has no published goals yet.")
            writer.element("OtherInformation", marker([("placeholder", "yes")]))
            writer.end()
        }
        for (index, root) in tree.roots.enumerated() {
            writer.start("Goal")
            writeGoalBody(root, sequence: String(index + 1), document: document, tree: tree, part: part, into: &writer)
            if part == 2, !tree.indicators(of: root.code).isEmpty {
                // Part 2 holds indicators under objectives only: a top goal's own indicators go in an objective of theirs.
                writer.start("Objective")
                writer.element("Name", "Indicators of \(root.name)")
                writer.element("Identifier", identifier("ind", root.code))
                writer.element("OtherInformation", marker([("indicatorsOf", root.code)]))
                for indicator in tree.indicators(of: root.code) { writeIndicator(indicator, results: results[indicator.code] ?? [], document: document, into: &writer) }
                writer.end()
            }
            for (offset, goal) in tree.descendants(of: root.code).enumerated() {
                writer.start("Objective")
                writeGoalBody(goal, sequence: "\(index + 1).\(offset + 1)", document: document, tree: tree, part: part, into: &writer)
                if part == 2 {
                    for indicator in tree.indicators(of: goal.code) { writeIndicator(indicator, results: results[indicator.code] ?? [], document: document, into: &writer) }
                }
                writer.end()
            }
            writer.end()
        }
        writer.end()
    }

    private static func writeGoalBody(_ goal: Goal, sequence: String, document: FrameworkDocument, tree: GoalForest, part: Int, into writer: inout XMLWriter) {
        writer.element("Name", goal.name)
        writer.element("Description", goal.statement ?? goal.name)
        writer.element("Identifier", identifier("goal", goal.code))
        writer.element("SequenceIndicator", goal.code)
        if let leader = goal.leader {
            stakeholder(document.people.first { $0.email == leader }?.name ?? leader, description: "Goal leader", type: "Person", part: part, into: &writer)
        }
        for deputy in goal.deputies {
            stakeholder(document.people.first { $0.email == deputy }?.name ?? deputy, description: "Deputy goal leader", type: "Person", part: part, into: &writer)
        }
        if let unit = goal.orgUnit {
            stakeholder(document.orgUnits.first { $0.code == unit }?.name ?? unit, description: "Responsible org unit \(unit)", type: "Organization", part: part, into: &writer)
        }
        var lines: [String] = []
        if let parent = goal.parent, parent != tree.root(of: goal.code) {
            lines.append("Part of \(document.goals.first { $0.code == parent }?.name ?? parent) (\(parent)).")
        }
        let indicators = tree.indicators(of: goal.code)
        if part == 1, !indicators.isEmpty {
            lines.append("Indicators: " + indicators.map { "\($0.name) (\($0.code))" }.joined(separator: "; ").replacingOccurrences(of: "\n", with: " ") + ".")
        }
        lines.append(marker([
            ("kind", goal.kind.rawValue), ("parent", goal.parent), ("orgUnit", goal.orgUnit), ("perspective", goal.perspective),
            ("from", goal.period?.from), ("to", goal.period?.to), ("focus", goal.focus ? "yes" : nil), ("public", goal.public ? "yes" : "no"),
        ]))
        writer.element("OtherInformation", lines.joined(separator: "\n"))
    }

    private static func stakeholder(_ name: String, description: String, type: String, part: Int, into writer: inout XMLWriter) {
        // Part 1 types a stakeholder with an attribute; Part 2 (2016) dropped it for roles.
        writer.start("Stakeholder", part == 1 ? [("StakeholderTypeType", type)] : [])
        writer.element("Name", name)
        writer.element("Description", description)
        writer.end()
    }

    private static func writeIndicator(_ indicator: Indicator, results: [YearlyResult], document: FrameworkDocument, into writer: inout XMLWriter) {
        let stage: String = switch indicator.stage {
        case .input: "Input"
        case .activity: "Input_Processing"
        case .output: "Output"
        case .immediateOutcome, .intermediateOutcome, .ultimateOutcome: "Outcome"
        }
        writer.start("PerformanceIndicator", [("ValueChainStage", stage), ("PerformanceIndicatorType", indicator.isQualitative ? "Qualitative" : "Quantitative")])
        writer.element("SequenceIndicator", indicator.code)
        writer.element("MeasurementDimension", indicator.name)
        writer.element("UnitOfMeasurement", indicator.isQualitative ? "level" : indicator.unit.text)
        writer.element("Identifier", identifier("ind", indicator.code))
        let calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? 10)
        let fiscal = document.plan?.reportsInFiscalYears ?? false
        var years = Dictionary(results.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
        // Years with a target and no result yet (the plan's later years) carry the target alone.
        let history = TargetHistory(document.targets.filter { $0.indicator == indicator.code && $0.orgUnit == nil }.compactMap { TargetVersion($0, calendar: calendar) })
        for version in history.asOf(nil) where version.period.granularity == .year && years[version.period] == nil {
            years[version.period] = YearlyResult(year: version.period, value: nil, level: nil, periodsWithValues: 0, periodsInYear: 0, target: version, outcome: nil)
        }
        for result in years.values.sorted(by: { $0.year < $1.year }) {
            let label = result.year.label(calendar: calendar, fiscal: fiscal)
            writer.start("MeasurementInstance")
            if let target = result.target, let band = target.band {
                writer.start("TargetResult")
                writer.element("StartDate", result.year.start.description)
                writer.element("EndDate", result.year.end.description)
                writer.element("NumberOfUnits", decimal(band.lowerBound == band.upperBound ? band.lowerBound : band.lowerBound))
                descriptor("Period", label, into: &writer)
                writer.element("Description", [
                    band.lowerBound == band.upperBound ? nil : "A range from \(decimal(band.lowerBound)) to \(decimal(band.upperBound)).",
                    target.target.rationale,
                    marker([("period", label), ("min", band.lowerBound == band.upperBound ? nil : decimal(band.lowerBound)),
                            ("max", band.lowerBound == band.upperBound ? nil : decimal(band.upperBound)), ("setOn", target.target.setOn)]),
                ].compactMap { $0 }.joined(separator: "\n"))
                writer.end()
            }
            if result.value != nil || result.level != nil {
                writer.start("ActualResult")
                writer.element("StartDate", result.year.start.description)
                writer.element("EndDate", result.year.end.description)
                writer.element("NumberOfUnits", result.value.map(decimal))
                descriptor(result.level == nil ? "Period" : "Level", result.level ?? label, into: &writer)
                var words = result.outcome.map { $0 == .met ? "Target met." : "Target not met." } ?? (result.target == nil ? "No target for the year." : "")
                if result.isPartial { words += " From \(result.periodsWithValues) of \(result.periodsInYear) periods." }
                writer.element("Description", words.trimmed.isEmpty ? nil : words.trimmed)
                writer.end()
            }
            writer.end()
        }
        var lines: [String] = []
        if let definition = indicator.definition { lines.append(definition) }
        lines.append(marker([
            ("direction", indicator.direction.rawValue), ("frequency", indicator.frequency.rawValue), ("aggregation", indicator.aggregation.rawValue),
            ("stage", indicator.stage.rawValue), ("orgUnit", indicator.orgUnit), ("goals", indicator.goals.joined(separator: ",")),
            ("rank", indicator.rank.rawValue), ("decimals", String(indicator.decimals)), ("unit", indicator.unit.text), ("per", indicator.per.map(String.init)),
            ("levels", indicator.levels?.joined(separator: "|")), ("guardrail", indicator.guardrail ? "yes" : nil), ("public", indicator.public ? "yes" : "no"),
        ]))
        writer.element("OtherInformation", lines.joined(separator: "\n"))
        writer.end()
    }

    private static func descriptor(_ name: String, _ value: String, into writer: inout XMLWriter) {
        writer.start("Descriptor")
        writer.element("DescriptorName", name)
        writer.element("DescriptorValue", value)
        writer.end()
    }

    private static func writeAdministration(_ document: FrameworkDocument, publishedOn: CalendarDate, part: Int, into writer: inout XMLWriter) {
        writer.start("AdministrativeInformation")
        if part == 2 { writer.element("Identifier", identifier("plan", document.plan?.code ?? "plan")) }
        let calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? 10)
        if let span = document.plan?.period {
            writer.element("StartDate", (try? Period.parse(span.from, calendar: calendar))?.start.description)
            writer.element("EndDate", (try? Period.parse(span.to, calendar: calendar))?.end.description)
        }
        writer.element("PublicationDate", publishedOn.description)
        writer.end()
    }

    /// A number as `xsd:decimal` wants it: no exponent, no grouping.
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.10f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}

/// The goal tree as StratML reads it: top goals (no parent, or a parent not in the document), each with the goals
/// below it in depth-first order, and each goal's indicators (an indicator sits under the first of its goals
/// that is in the document).
struct GoalForest {
    let roots: [Goal]
    private let children: [String: [Goal]]
    private let rootOf: [String: String]
    private let indicatorsOf: [String: [Indicator]]

    init(_ document: FrameworkDocument) {
        let codes = Set(document.goals.map(\.code))
        roots = document.goals.filter { $0.parent.map { !codes.contains($0) } ?? true }
        var children: [String: [Goal]] = [:]
        for goal in document.goals { if let parent = goal.parent, codes.contains(parent) { children[parent, default: []].append(goal) } }
        self.children = children
        var rootOf: [String: String] = [:]
        func walk(_ code: String, root: String) {
            rootOf[code] = root
            for child in children[code] ?? [] where rootOf[child.code] == nil { walk(child.code, root: root) }
        }
        for root in roots { walk(root.code, root: root.code) }
        self.rootOf = rootOf
        var indicatorsOf: [String: [Indicator]] = [:]
        for indicator in document.indicators {
            guard let home = indicator.goals.first(where: { rootOf[$0] != nil }) ?? roots.first?.code else { continue }
            indicatorsOf[home, default: []].append(indicator)
        }
        self.indicatorsOf = indicatorsOf
    }

    func root(of code: String) -> String? { rootOf[code] }

    func descendants(of code: String) -> [Goal] {
        (children[code] ?? []).flatMap { [$0] + descendants(of: $0.code) }
    }

    func indicators(of code: String) -> [Indicator] { indicatorsOf[code] ?? [] }
}
