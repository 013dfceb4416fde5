import Foundation

/// Checks a framework document before anything is stored: every key well formed and unique, every reference known.
public struct FrameworkValidator {
    private let document: FrameworkDocument
    private let stored: FrameworkKeys
    private var issues: [FrameworkIssue] = []

    private let orgUnits: Set<String>
    private let people: Set<String>
    private let goals: Set<String>
    private let indicators: Set<String>
    private let calendar: FiscalCalendar
    private let perspectives: [String]

    /// All issues in the document, in file order; empty when it can be imported.
    public static func validate(_ document: FrameworkDocument, stored: FrameworkKeys = FrameworkKeys()) -> [FrameworkIssue] {
        var validator = FrameworkValidator(document: document, stored: stored)
        validator.run()
        return validator.issues
    }

    private init(document: FrameworkDocument, stored: FrameworkKeys) {
        self.document = document
        self.stored = stored
        orgUnits = stored.orgUnits.union(document.orgUnits.map(\.code))
        people = stored.people.union(document.people.map(\.email))
        goals = stored.goals.union(document.goals.map(\.code))
        indicators = stored.indicators.union(document.indicators.map(\.code))
        calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? stored.fiscalYearStartMonth)
        perspectives = document.plan?.perspectives ?? stored.perspectives
    }

    private mutating func run() {
        checkOrgUnits()
        checkPeople()
        checkPlan()
        checkGoals()
        checkIndicators()
        checkLinks()
        checkTargets()
        checkMilestones()
        checkNarratives()
        checkRebases()
    }

    private mutating func report(_ field: String, _ reason: String) {
        issues.append(FrameworkIssue(field: field, reason: reason))
    }

    /// Every free-text field of a record against the limits table; a bad text is named, not echoed.
    private mutating func checkTexts(_ record: some FrameworkTextFields, at field: String) {
        for (name, text, kind) in record.textFields {
            if let problem = TextRules.problem(in: text, as: kind) { report("\(field).\(name)", problem.message) }
        }
    }

    private mutating func checkCode(_ code: String, at field: String, seen: inout [String: Int], index: Int, list: String) {
        if let problem = TextRules.problem(in: code, as: .code) {
            report(field, "the code \(problem.message)")
            return
        }
        if !Codes.isValid(code) { report(field, "'\(code)' is not a valid code (\(Codes.rule))") }
        if let first = seen[code] {
            report(field, "'\(code)' is already used by \(list)[\(first)]")
        } else {
            seen[code] = index
        }
    }

    private mutating func checkReference(_ value: String?, in known: Set<String>, at field: String, kind: String) {
        guard let value else { return }
        guard !known.contains(value) else { return }
        if let problem = TextRules.problem(in: value, as: kind == "person" ? .email : .code) {
            report(field, "the \(kind) \(problem.message)")
        } else {
            report(field, "unknown \(kind) '\(value)'")
        }
    }

    private mutating func checkPeriod(_ text: String?, at field: String) {
        guard let text else { return }
        do {
            _ = try Period.parse(text, calendar: calendar)
        } catch {
            report(field, error.message)
        }
    }

    private mutating func checkDate(_ text: String?, at field: String) {
        guard let text else { return }
        if (try? CalendarDate.parse(text)) == nil { report(field, "'\(text)' is not a date in the form YYYY-MM-DD") }
    }

    private mutating func checkSpan(_ span: PeriodSpan?, at field: String) {
        guard let span else { return }
        checkPeriod(span.from, at: "\(field).from")
        checkPeriod(span.to, at: "\(field).to")
        if let from = try? Period.parse(span.from, calendar: calendar), let to = try? Period.parse(span.to, calendar: calendar),
           to.end < from.start {
            report(field, "ends (\(span.to)) before it starts (\(span.from))")
        }
    }

    private mutating func checkOrgUnits() {
        var seen: [String: Int] = [:]
        for (index, unit) in document.orgUnits.enumerated() {
            let field = "orgUnits[\(index)]"
            checkCode(unit.code, at: "\(field).code", seen: &seen, index: index, list: "orgUnits")
            checkReference(unit.parent, in: orgUnits, at: "\(field).parent", kind: "org unit")
            if unit.parent == unit.code { report("\(field).parent", "an org unit cannot be its own parent") }
            checkTexts(unit, at: field)
        }
    }

    private mutating func checkPeople() {
        var seen: [String: Int] = [:]
        for (index, person) in document.people.enumerated() {
            let field = "people[\(index)]"
            checkTexts(person, at: field)
            if TextRules.problem(in: person.email, as: .email) == nil, !person.email.contains("@") { report("\(field).email", "'\(person.email)' is not an email address") }
            if let first = seen[person.email] {
                report("\(field).email", "'\(person.email)' is already used by people[\(first)]")
            } else {
                seen[person.email] = index
            }
            checkReference(person.orgUnit, in: orgUnits, at: "\(field).orgUnit", kind: "org unit")
        }
    }

    private mutating func checkPlan() {
        guard let plan = document.plan else { return }
        if let problem = TextRules.problem(in: plan.code, as: .code) {
            report("plan.code", "the code \(problem.message)")
        } else if !Codes.isValid(plan.code) {
            report("plan.code", "'\(plan.code)' is not a valid code (\(Codes.rule))")
        }
        checkTexts(plan, at: "plan")
        if !(1...12).contains(plan.fiscalYearStartMonth) {
            report("plan.fiscalYearStartMonth", "must be a month number from 1 to 12")
        }
        checkReference(plan.orgUnit, in: orgUnits, at: "plan.orgUnit", kind: "org unit")
        checkSpan(plan.period, at: "plan.period")
    }

    private mutating func checkGoals() {
        var seen: [String: Int] = [:]
        var focusByUnit: [String: String] = [:]
        for (index, goal) in document.goals.enumerated() {
            let field = "goals[\(index)]"
            checkCode(goal.code, at: "\(field).code", seen: &seen, index: index, list: "goals")
            checkReference(goal.parent, in: goals, at: "\(field).parent", kind: "goal")
            if goal.parent == goal.code { report("\(field).parent", "a goal cannot be its own parent") }
            checkTexts(goal, at: field)
            checkReference(goal.orgUnit, in: orgUnits, at: "\(field).orgUnit", kind: "org unit")
            checkReference(goal.leader, in: people, at: "\(field).leader", kind: "person")
            for (deputyIndex, deputy) in goal.deputies.enumerated() {
                checkReference(deputy, in: people, at: "\(field).deputies[\(deputyIndex)]", kind: "person")
            }
            checkSpan(goal.period, at: "\(field).period")
            if let perspective = goal.perspective, !perspectives.isEmpty, !perspectives.contains(perspective) {
                report("\(field).perspective", "'\(perspective)' is not one of the plan's perspectives (\(perspectives.joined(separator: ", ")))")
            }
            if goal.focus {
                let unit = goal.orgUnit ?? ""
                if let other = focusByUnit[unit] {
                    report("\(field).focus", "goal \(other) is already the focus for this org unit; only one goal can be the focus")
                } else {
                    focusByUnit[unit] = goal.code
                }
            }
        }
    }

    private mutating func checkIndicators() {
        var seen: [String: Int] = [:]
        for (index, indicator) in document.indicators.enumerated() {
            let field = "indicators[\(index)]"
            checkCode(indicator.code, at: "\(field).code", seen: &seen, index: index, list: "indicators")
            checkTexts(indicator, at: field)
            checkReference(indicator.orgUnit, in: orgUnits, at: "\(field).orgUnit", kind: "org unit")
            checkReference(indicator.steward, in: people, at: "\(field).steward", kind: "person")
            for (goalIndex, goal) in indicator.goals.enumerated() {
                checkReference(goal, in: goals, at: "\(field).goals[\(goalIndex)]", kind: "goal")
            }
            if !(0...10).contains(indicator.decimals) { report("\(field).decimals", "must be from 0 to 10") }
            if let per = indicator.per, per <= 0 { report("\(field).per", "must be a positive number") }
            if indicator.unit == .rate, indicator.per == nil { report("\(field).per", "a rate needs 'per' (per how many)") }
            if let range = indicator.validRange {
                if let problem = range.problem { report("\(field).validRange", problem) }
                if indicator.isQualitative { report("\(field).validRange", "a qualitative indicator takes levels, not a range of numbers") }
            }
            if let levels = indicator.levels {
                if levels.isEmpty { report("\(field).levels", "a qualitative indicator needs at least one level") }
                if Set(levels).count != levels.count { report("\(field).levels", "levels must be distinct") }
            }
            if let formula = indicator.formula {
                switch Formula.parse(formula) {
                case .success(let parsed):
                    for code in parsed.references where !indicators.contains(code) {
                        report("\(field).formula", "unknown indicator '\(code)' in the formula")
                    }
                    if parsed.references.contains(indicator.code) {
                        report("\(field).formula", "an indicator's formula cannot refer to itself")
                    }
                case .failure(let error):
                    report("\(field).formula", error.message)
                }
            }
        }
    }

    private mutating func checkLinks() {
        var seen: Set<String> = []
        for (index, link) in document.links.enumerated() {
            let field = "links[\(index)]"
            checkReference(link.driver, in: indicators, at: "\(field).driver", kind: "indicator")
            checkReference(link.result, in: indicators, at: "\(field).result", kind: "indicator")
            if link.driver == link.result { report(field, "a link needs two different indicators") }
            if link.lagPeriods < 0 { report("\(field).lagPeriods", "cannot be negative") }
            if !seen.insert("\(link.driver)→\(link.result)").inserted {
                report(field, "the link \(link.driver) → \(link.result) is listed twice")
            }
        }
    }

    private mutating func checkTargets() {
        var seen: [String: Int] = [:]
        // A target's numbers are held to its indicator's valid range when the document defines the indicator (a
        // target added alone is checked by the form or API against the stored one: `TargetRules`).
        var ranges: [String: (range: ValidRange, kind: String)] = [:]
        for indicator in document.indicators {
            if let range = indicator.validValues {
                ranges[indicator.code] = (range, indicator.validRange == nil ? indicator.unit.kindName : "of \(indicator.code)")
            }
        }
        for (index, target) in document.targets.enumerated() {
            let field = "targets[\(index)]"
            checkReference(target.indicator, in: indicators, at: "\(field).indicator", kind: "indicator")
            checkReference(target.orgUnit, in: orgUnits, at: "\(field).orgUnit", kind: "org unit")
            checkPeriod(target.period, at: "\(field).period")
            checkDate(target.setOn, at: "\(field).setOn")
            checkDate(target.decidedOn, at: "\(field).decidedOn")
            if let decided = target.decidedOn, let setOn = try? CalendarDate.parse(target.setOn),
               let day = try? CalendarDate.parse(decided), day > setOn {
                report("\(field).decidedOn", "the decision (\(decided)) cannot come after the version was recorded (\(target.setOn))")
            }
            if let known = ranges[target.indicator] {
                for (name, number) in [("value", target.value), ("range.min", target.range?.min), ("range.max", target.range?.max)] {
                    if let number, number.isFinite, let problem = TargetRules.rangeProblem(number, in: known.range, whose: known.kind) {
                        report("\(field).\(name)", problem)
                    }
                }
            }
            // Who set a version: a person of the framework, or the signed-in user who recorded it through a form or the
            // API (an account need not be a person of the plan).
            if let setBy = target.setBy {
                if let problem = TextRules.problem(in: setBy, as: .email) {
                    report("\(field).setBy", "the email \(problem.message)")
                } else if !people.contains(setBy), !setBy.contains("@") {
                    report("\(field).setBy", "unknown person '\(setBy)': give a person's email")
                }
            }
            checkTexts(target, at: field)
            switch (target.value, target.range) {
            case (nil, nil): report(field, "a target needs a value or a range")
            case (.some, .some): report(field, "a target has a value or a range, not both")
            case (_, .some(let range)) where range.min > range.max: report("\(field).range", "min is above max")
            default: break
            }
            if let value = target.value, !value.isFinite { report("\(field).value", "must be a finite number") }
            let key = "\(target.indicator)|\(target.orgUnit ?? "")|\(target.period)|\(target.setOn)"
            if let first = seen[key] {
                report(field, "the same target version (indicator, org unit, period, setOn) is already targets[\(first)]")
            } else {
                seen[key] = index
            }
        }
    }

    private mutating func checkMilestones() {
        var seen: [String: Int] = [:]
        for (index, milestone) in document.milestones.enumerated() {
            let field = "milestones[\(index)]"
            checkCode(milestone.code, at: "\(field).code", seen: &seen, index: index, list: "milestones")
            checkReference(milestone.goal, in: goals, at: "\(field).goal", kind: "goal")
            checkTexts(milestone, at: field)
            checkDate(milestone.due, at: "\(field).due")
            checkDate(milestone.completedOn, at: "\(field).completedOn")
        }
    }

    private mutating func checkNarratives() {
        for (index, narrative) in document.narratives.enumerated() {
            let field = "narratives[\(index)]"
            checkReference(narrative.goal, in: goals, at: "\(field).goal", kind: "goal")
            checkPeriod(narrative.period, at: "\(field).period")
            checkTexts(narrative, at: field)
        }
    }

    private mutating func checkRebases() {
        var seen: [String: Int] = [:]
        for (index, rebase) in document.rebases.enumerated() {
            let field = "rebases[\(index)]"
            checkReference(rebase.indicator, in: indicators, at: "\(field).indicator", kind: "indicator")
            checkReference(rebase.orgUnit, in: orgUnits, at: "\(field).orgUnit", kind: "org unit")
            checkReference(rebase.setBy, in: people, at: "\(field).setBy", kind: "person")
            checkPeriod(rebase.period, at: "\(field).period")
            checkTexts(rebase, at: field)
            if rebase.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report("\(field).reason", "say why the process limits are recalculated")
            }
            let key = "\(rebase.indicator)|\(rebase.orgUnit ?? "")|\(rebase.period)"
            if let first = seen[key] {
                report(field, "the same rebase is already rebases[\(first)]")
            } else {
                seen[key] = index
            }
        }
    }
}
