import Foundation

/// A StratML plan read as a framework document, with what the reader could not understand or had to guess.
public struct StratMLPlan: Sendable, Equatable {
    public var document: FrameworkDocument
    /// Plain sentences, each naming the line it is about: elements not understood, identifiers made up or renamed,
    /// defaults chosen. An import shows them; none of them stops it.
    public var notes: [String]
}

/// A file that is not a StratML plan at all (its root is another element).
public struct StratMLError: Error, Sendable, Equatable {
    public var line: Int
    public var reason: String
}

extension StratML {
    /// Reads a StratML Part 1 (`StrategicPlan`) or Part 2 (`PerformancePlanOrReport`) plan, forgiving what real
    /// files get wrong: elements in any order, missing or repeated identifiers, missing names, elements of other
    /// versions or namespaces. `today` dates the targets of a file that does not say when they were set.
    public static func read(_ root: XMLTree, today: CalendarDate) throws(StratMLError) -> StratMLPlan {
        guard root.name == "StrategicPlan" || root.name == "PerformancePlanOrReport" else {
            throw StratMLError(line: root.line, reason: "this is not a StratML plan: its root element is <\(root.name)>, not <StrategicPlan> or <PerformancePlanOrReport>")
        }
        var reader = PlanReader(today: today)
        reader.read(root)
        return StratMLPlan(document: reader.document, notes: reader.notes)
    }
}

/// The mapping of StratML elements to GoalStat records, one pass over the tree.
private struct PlanReader {
    let today: CalendarDate
    var document = FrameworkDocument()
    var notes: [String] = []
    private var usedCodes: Set<String> = []
    private var goalCount = 0
    private var unreadResults = 0
    private var unreadStakeholders = 0
    private var pendingParents: [(goal: Int, parent: String)] = []
    private var pendingIndicatorGoals: [(indicator: Int, goals: [String], fallback: String)] = []
    private var targetsSetOn: String?

    init(today: CalendarDate) { self.today = today }

    mutating func read(_ root: XMLTree) {
        if let namespace = root.namespace, namespace != StratML.part1Namespace, namespace != StratML.part2Namespace {
            note(root, "the namespace \(namespace) is not StratML's; the file was read as StratML anyway")
        }
        let header = StratML.readMarker(root.value("OtherInformation"))
        let administration = root.first("AdministrativeInformation")
        targetsSetOn = administration?.value("PublicationDate").flatMap { (try? CalendarDate.parse($0))?.description }
        ignoreUnknown(root, known: ["Name", "Description", "OtherInformation", "StrategicPlanCore", "AdministrativeInformation", "Submitter"])

        var core = root.first("StrategicPlanCore")
        if core == nil {
            // Some files put the plan's content straight under the root.
            if root.first("Goal") != nil || root.first("Mission") != nil {
                note(root, "<StrategicPlanCore> is missing; its elements were read from <\(root.name)>")
            }
            core = root
        }
        guard let core else { return }
        if core.name == "StrategicPlanCore" {
            ignoreUnknown(core, known: ["Organization", "Vision", "Mission", "Value", "Goal"])
        }
        readOrganization(core.all("Organization"), pairs: header.pairs)
        readPlan(root, core: core, pairs: header.pairs, administration: administration)
        let goals = core.all("Goal")
        if goals.isEmpty { note(core, "the plan has no <Goal>") }
        for goal in goals { readGoal(goal) }
        resolveReferences()
        if unreadResults > 0 {
            notes.append("\(unreadResults) actual result\(unreadResults == 1 ? " was" : "s were") not imported: GoalStat keeps values by period and org unit; import them as a measurements CSV.")
        }
        if unreadStakeholders > 0 {
            notes.append("\(unreadStakeholders) stakeholder\(unreadStakeholders == 1 ? " was" : "s were") not imported: GoalStat records goal leaders and org units, and a leader needs an e-mail address, which StratML does not give. Set the leaders on the goals' pages.")
        }
    }

    // MARK: Plan and organisation

    private mutating func readOrganization(_ organizations: [XMLTree], pairs: [String: String]) {
        guard let organization = organizations.first else { return }
        for extra in organizations.dropFirst() { note(extra, "only the first <Organization> was read; this one was left out") }
        ignoreUnknown(organization, known: ["Name", "Acronym", "Identifier", "Description", "Stakeholder"])
        let name = organization.value("Name") ?? organization.value("Acronym") ?? "Organization"
        let code = claimCode(
            candidates: [organization.value("Acronym"), pairs["orgUnit"], organization.value("Identifier")], fallback: "ORG",
            element: organization, what: "the organization"
        )
        document.orgUnits.append(OrgUnit(code: code, name: clean(name, organization), kind: .agency))
        for stakeholder in organization.all("Stakeholder") {
            // GoalStat writes its org units as "Org unit CODE, part of PARENT".
            let description = stakeholder.value("Description") ?? ""
            guard description.hasPrefix("Org unit "), let name = stakeholder.value("Name") else { unreadStakeholders += 1; continue }
            let words = description.dropFirst("Org unit ".count).components(separatedBy: ", part of ")
            let unitCode = words[0].trimmed
            guard Codes.isValid(unitCode), !usedCodes.contains(unitCode) else { unreadStakeholders += 1; continue }
            usedCodes.insert(unitCode)
            let parent = words.count > 1 ? words[1].trimmed : code
            document.orgUnits.append(OrgUnit(code: unitCode, name: clean(name, stakeholder), kind: .office, parent: parent))
        }
        // A parent named but not in the file falls back to the organization.
        let known = Set(document.orgUnits.map(\.code))
        for index in document.orgUnits.indices where document.orgUnits[index].parent.map({ !known.contains($0) }) ?? false {
            document.orgUnits[index].parent = code
        }
    }

    private mutating func readPlan(_ root: XMLTree, core: XMLTree, pairs: [String: String], administration: XMLTree?) {
        let startMonth = pairs["fiscalYearStartMonth"].flatMap(Int.init).flatMap(FiscalCalendar.init(validatingStartMonth:))?.startMonth ?? 10
        let calendar = FiscalCalendar(startMonth: startMonth)
        var fiscal = pairs["reportsInFiscalYears"].map { $0 == "yes" }
        var period: PeriodSpan?
        if let from = pairs["from"], let to = pairs["to"] {
            period = PeriodSpan(from: from, to: to)
        } else if let start = administration?.value("StartDate").flatMap({ try? CalendarDate.parse($0) }),
                  let end = administration?.value("EndDate").flatMap({ try? CalendarDate.parse($0) }), start <= end {
            let isFiscal = start.month == startMonth && start.day == 1 && startMonth != 1
            fiscal = fiscal ?? isFiscal
            let first = Period.containing(start, frequency: .annual, calendar: calendar, fiscal: isFiscal)
            let last = Period.containing(end, frequency: .annual, calendar: calendar, fiscal: isFiscal)
            period = PeriodSpan(from: first.label(calendar: calendar, fiscal: isFiscal), to: last.label(calendar: calendar, fiscal: isFiscal))
        }
        var name = root.value("Name")
        if name == nil { note(root, "the plan has no <Name>; it was called \"Imported plan\""); name = "Imported plan" }
        let code = claimCode(candidates: [pairs["plan"], administration?.value("Identifier")], fallback: "PLAN", element: root, what: "the plan")
        var values: [PlanValue] = []
        for value in core.all("Value") {
            ignoreUnknown(value, known: ["Name", "Description"])
            guard let valueName = value.value("Name") ?? value.value("Description") else { note(value, "a <Value> with neither name nor description was left out"); continue }
            var description = value.value("Name") == nil ? nil : value.value("Description")
            var kind = ValueKind.process
            for (suffix, valueKind) in [("(A process value)", ValueKind.process), ("(An outcome value)", .outcome)] where description?.hasSuffix(suffix) == true {
                kind = valueKind
                description = String(description!.dropLast(suffix.count)).trimmed
                if description?.isEmpty == true { description = nil }
            }
            values.append(PlanValue(name: clean(valueName, value), kind: kind, description: description))
        }
        let plan = Plan(
            code: code, name: clean(name!, root), orgUnit: document.orgUnits.first?.code, period: period,
            fiscalYearStartMonth: startMonth, reportsInFiscalYears: fiscal ?? false,
            mission: core.first("Mission")?.value("Description") ?? core.first("Mission")?.text.trimmed.nilIfEmpty,
            vision: core.first("Vision")?.value("Description") ?? core.first("Vision")?.text.trimmed.nilIfEmpty,
            values: values,
            perspectives: pairs["perspectives"].map { $0.split(separator: "|").map { String($0).trimmed } } ?? Plan.defaultPerspectives
        )
        for element in core.all("Mission") + core.all("Vision") { ignoreUnknown(element, known: ["Description", "Identifier"]) }
        document.plan = plan
    }

    // MARK: Goals and objectives

    private mutating func readGoal(_ element: XMLTree) {
        ignoreUnknown(element, known: ["Name", "Description", "Identifier", "SequenceIndicator", "Stakeholder", "OtherInformation", "Objective"])
        let marker = StratML.readMarker(element.value("OtherInformation"))
        if marker.pairs["placeholder"] == "yes" { return }
        goalCount += 1
        let number = goalCount
        guard let code = addGoal(element, marker: marker, defaultKind: .strategicGoal, fallbackCode: "G\(number)", parent: nil) else { return }
        var objectiveCount = 0
        for objective in element.all("Objective") {
            ignoreUnknown(objective, known: ["Name", "Description", "Identifier", "SequenceIndicator", "Stakeholder", "OtherInformation", "PerformanceIndicator"])
            let objectiveMarker = StratML.readMarker(objective.value("OtherInformation"))
            if objectiveMarker.pairs["indicatorsOf"] != nil {
                // GoalStat's holder of a top goal's own indicators: not a goal of its own.
                for indicator in objective.all("PerformanceIndicator") { readIndicator(indicator, goal: code) }
                continue
            }
            objectiveCount += 1
            guard let objectiveCode = addGoal(objective, marker: objectiveMarker, defaultKind: .strategicObjective, fallbackCode: "\(code).\(objectiveCount)", parent: code) else { continue }
            for indicator in objective.all("PerformanceIndicator") { readIndicator(indicator, goal: objectiveCode) }
        }
    }

    private mutating func addGoal(_ element: XMLTree, marker: (pairs: [String: String], rest: String?), defaultKind: GoalKind, fallbackCode: String, parent: String?) -> String? {
        let pairs = marker.pairs
        let description = element.value("Description")
        guard let name = element.value("Name") ?? description else {
            note(element, "a <\(element.name)> with neither name nor description was left out")
            return nil
        }
        if element.value("Name") == nil { note(element, "<\(element.name)> has no <Name>; its description names it") }
        let code = claimCode(
            candidates: [element.value("SequenceIndicator"), element.value("Identifier")], fallback: fallbackCode, element: element,
            what: "this <\(element.name)>"
        )
        var kind = defaultKind
        if let raw = pairs["kind"] {
            if let known = GoalKind(rawValue: raw) { kind = known } else { note(element, "the goal kind \"\(raw)\" is not one GoalStat knows; it was read as \(defaultKind.rawValue)") }
        }
        let statement = [description == name ? nil : description, marker.rest].compactMap { $0 }.joined(separator: "\n\n")
        let goal = Goal(
            code: code, kind: kind, parent: parent, name: clean(name, element), statement: statement.isEmpty ? nil : statement,
            orgUnit: pairs["orgUnit"] ?? document.plan?.orgUnit ?? document.orgUnits.first?.code,
            period: pairs["from"].flatMap { from in pairs["to"].map { PeriodSpan(from: from, to: $0) } },
            perspective: pairs["perspective"], focus: pairs["focus"] == "yes", public: pairs["public"] == "yes"
        )
        document.goals.append(goal)
        if let parent = pairs["parent"], parent != goal.parent { pendingParents.append((document.goals.count - 1, parent)) }
        for stakeholder in element.all("Stakeholder") where !(stakeholder.value("Description") ?? "").hasPrefix("Responsible org unit") {
            unreadStakeholders += 1
        }
        return code
    }

    // MARK: Indicators and targets

    private mutating func readIndicator(_ element: XMLTree, goal: String) {
        ignoreUnknown(element, known: ["SequenceIndicator", "MeasurementDimension", "UnitOfMeasurement", "Identifier", "Relationship", "MeasurementInstance", "OtherInformation"])
        let marker = StratML.readMarker(element.value("OtherInformation"))
        let pairs = marker.pairs
        let code = claimCode(
            candidates: [element.value("SequenceIndicator"), element.value("Identifier")], fallback: "\(goal)-I1", element: element,
            what: "this <PerformanceIndicator>"
        )
        var name = element.value("MeasurementDimension")
        if name == nil { note(element, "<PerformanceIndicator> has no <MeasurementDimension>; it was named by its code"); name = code }
        func choice<T: RawRepresentable>(_ key: String, _ fallback: T, _ words: String) -> T where T.RawValue == String {
            guard let raw = pairs[key] else { return fallback }
            if let value = T(rawValue: raw) { return value }
            note(element, "the \(words) \"\(raw)\" is not one GoalStat knows; \(fallback.rawValue) was used")
            return fallback
        }
        if pairs["direction"] == nil { note(element, "the indicator \(code) does not say whether more is better; it was imported as neutral (set its direction on its page)") }
        let stratMLStage: ValueChainStage = switch element.attributes["ValueChainStage"] {
        case "Input": .input
        case "Input_Processing", "Output_Processing": .activity
        case "Outcome": .intermediateOutcome
        default: .output
        }
        let stage: ValueChainStage = choice("stage", stratMLStage, "value-chain stage")
        let levels = pairs["levels"].map { $0.split(separator: "|").map { String($0) } }
        let unitText = pairs["unit"] ?? element.value("UnitOfMeasurement") ?? "count"
        let indicator = Indicator(
            code: code, name: clean(name!, element), definition: marker.rest,
            unit: IndicatorUnit(levels == nil ? clean(unitText, element) : "level"),
            per: pairs["per"].flatMap(Int.init), decimals: pairs["decimals"].flatMap(Int.init) ?? 0,
            direction: choice("direction", .neutral, "direction"), frequency: choice("frequency", .annual, "frequency"),
            aggregation: choice("aggregation", .sum, "aggregation"), stage: stage,
            orgUnit: pairs["orgUnit"] ?? document.goals.first { $0.code == goal }?.orgUnit ?? document.orgUnits.first?.code ?? "ORG",
            rank: choice("rank", .supporting, "rank"), guardrail: pairs["guardrail"] == "yes", public: pairs["public"] == "yes",
            levels: levels, goals: [goal]
        )
        document.indicators.append(indicator)
        if let goals = pairs["goals"] {
            pendingIndicatorGoals.append((document.indicators.count - 1, goals.split(separator: ",").map { String($0).trimmed }, goal))
        }
        for instance in element.all("MeasurementInstance") {
            ignoreUnknown(instance, known: ["TargetResult", "ActualResult"])
            unreadResults += instance.all("ActualResult").count
            for target in instance.all("TargetResult") { readTarget(target, indicator: code) }
        }
        for relationship in element.all("Relationship") { note(relationship, "<Relationship> of \(code) was left out: GoalStat links indicators as driver and result, which StratML does not say") }
    }

    private mutating func readTarget(_ element: XMLTree, indicator: String) {
        ignoreUnknown(element, known: ["StartDate", "EndDate", "NumberOfUnits", "Descriptor", "Description"])
        let marker = StratML.readMarker(element.value("Description"))
        let pairs = marker.pairs
        let calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? 10)
        var period = pairs["period"] ?? element.first("Descriptor")?.value("DescriptorValue")
        if period.map({ (try? Period.parse($0, calendar: calendar)) == nil }) ?? true {
            // Else the dates say which year (or quarter, or month) it is.
            period = nil
            if let start = element.value("StartDate").flatMap({ try? CalendarDate.parse($0) }),
               let end = element.value("EndDate").flatMap({ try? CalendarDate.parse($0) }) {
                let fiscal = document.plan?.reportsInFiscalYears ?? false
                for frequency in [Frequency.annual, .quarterly, .monthly] {
                    let candidate = Period.containing(start, frequency: frequency, calendar: calendar, fiscal: fiscal)
                    if candidate.start == start, candidate.end == end { period = candidate.label(calendar: calendar, fiscal: fiscal); break }
                }
            }
        }
        guard let period else { note(element, "a <TargetResult> of \(indicator) names no period GoalStat can read; it was left out"); return }
        let number = element.value("NumberOfUnits").flatMap(Double.init)
        let range = pairs["min"].flatMap(Double.init).flatMap { min in pairs["max"].flatMap(Double.init).map { TargetRange(min: min, max: $0) } }
        guard number != nil || range != nil else { note(element, "a <TargetResult> of \(indicator) for \(period) has no number; it was left out"); return }
        var rationale = marker.rest
        if let text = rationale, text.hasPrefix("A range from ") {
            rationale = text.split(separator: "\n", maxSplits: 1).dropFirst().first.map(String.init)
        }
        let setOn = pairs["setOn"].flatMap { (try? CalendarDate.parse($0))?.description } ?? targetsSetOn ?? today.description
        document.targets.append(Target(indicator: indicator, period: period, value: range == nil ? number : nil, range: range, rationale: rationale, setOn: setOn))
    }

    /// Parents and indicator goals may name records later in the file; they are kept when the record is there.
    private mutating func resolveReferences() {
        let codes = Set(document.goals.map(\.code))
        for (index, parent) in pendingParents where codes.contains(parent) && parent != document.goals[index].code {
            document.goals[index].parent = parent
        }
        for (index, goals, fallback) in pendingIndicatorGoals {
            let known = goals.filter(codes.contains)
            document.indicators[index].goals = known.isEmpty ? [fallback] : known
        }
        let units = Set(document.orgUnits.map(\.code))
        let home = document.plan?.orgUnit ?? document.orgUnits.first?.code
        if document.orgUnits.isEmpty, !(document.goals.isEmpty && document.indicators.isEmpty) {
            document.orgUnits.append(OrgUnit(code: "ORG", name: document.plan?.name ?? "Organization", kind: .agency))
            document.plan?.orgUnit = "ORG"
            notes.append("The file names no organization: its goals and indicators belong to a new org unit ORG.")
        }
        let fallbackUnit = home ?? "ORG"
        for index in document.goals.indices where document.goals[index].orgUnit.map({ !units.contains($0) }) ?? true {
            document.goals[index].orgUnit = fallbackUnit
        }
        for index in document.indicators.indices where !units.contains(document.indicators[index].orgUnit) {
            document.indicators[index].orgUnit = fallbackUnit
        }
    }

    // MARK: Helpers

    /// The first candidate that is a valid, unused code; else the fallback (made unique). Says when it had to choose.
    private mutating func claimCode(candidates: [String?], fallback: String, element: XMLTree, what: String) -> String {
        let given = candidates.compactMap { $0?.trimmed }.filter { !$0.isEmpty }
        if let code = given.first(where: { Codes.isValid($0) && !usedCodes.contains($0) }) {
            usedCodes.insert(code)
            return code
        }
        var code = Codes.isValid(fallback) ? fallback : "X"
        var suffix = 2
        let base = code
        while usedCodes.contains(code) { code = "\(base)-\(suffix)"; suffix += 1 }
        usedCodes.insert(code)
        if let taken = given.first(where: { Codes.isValid($0) }) {
            note(element, "the identifier \(taken) of \(what) is used earlier in the file; it was imported as \(code)")
        } else if let bad = given.first {
            note(element, "the identifier \"\(bad)\" of \(what) is not a GoalStat code (\(Codes.rule)); it was imported as \(code)")
        } else {
            note(element, "\(what) has no identifier; it was imported as \(code)")
        }
        return code
    }

    /// A name on one line and within the name limit; a longer one is cut, and said so.
    private mutating func clean(_ text: String, _ element: XMLTree) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let limit = TextKind.name.maximumLength
        guard line.count > limit else { return line }
        note(element, "a name longer than \(limit) characters was cut to \(limit)")
        return String(line.prefix(limit - 1)) + "…"
    }

    private mutating func ignoreUnknown(_ element: XMLTree, known: Set<String>) {
        for child in element.children where !known.contains(child.name) {
            note(child, "<\(child.name)> in <\(element.name)> was not understood and was left out")
        }
    }

    private mutating func note(_ element: XMLTree, _ text: String) {
        notes.append("line \(element.line): \(text)")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
