import Foundation
@testable import GoalStatCore
import Testing

@Suite("Public portal rules: status in words, what the public reads, wins, feedback, the narrative workflow, open data")
struct PortalRulesTests {
    private func verdict(_ status: IndicatorStatus, sparkline: [Double]) throws -> IndicatorVerdict {
        let json = #"{"indicator":"W","status":"\#(status.rawValue)","reasons":["Latest value 12.5 belowLowerLimit, slope 0.3/yr (95% 0.1 to 0.5)"],"sparkline":\#(sparkline)}"#
        return try JSONDecoder().decode(IndicatorVerdict.self, from: Data(json.utf8))
    }

    private let waitTime = Indicator(code: "W", name: "Wait", unit: .days, direction: .decrease, frequency: .quarterly, stage: .output, orgUnit: "DMV")

    @Test("a headline compares with the same period last year and the target, in words, without statistics")
    func headline() throws {
        // Quarterly, lower is better: 20 a year ago, 15 now.
        let better = try verdict(.onTrack, sparkline: [20, 19, 18, 16, 15])
        #expect(PublicStatusWords.headline(better, indicator: waitTime) == "Better than last year and on track for its target.")
        let worse = try verdict(.offTrack, sparkline: [10, 11, 12, 13, 15])
        #expect(PublicStatusWords.headline(worse, indicator: waitTime) == "Worse than last year and not on track for its target.")
        let short = try verdict(.atRisk, sparkline: [10, 11])
        #expect(PublicStatusWords.headline(short, indicator: waitTime) == "At risk of missing its target.")
        #expect(PublicStatusWords.headline(nil, indicator: waitTime) == "No results reported yet.")
        for status in IndicatorStatus.allCases {
            let text = PublicStatusWords.headline(try verdict(status, sparkline: [1, 2, 3, 4, 5]), indicator: waitTime)
                + PublicStatusWords.goalHeadline(status) + PublicStatusWords.label(status)
            #expect(IndicatorStatus.allCases.allSatisfy { !text.contains($0.rawValue) }, "an enum name in \(text)")
            #expect(!text.contains("95%") && !text.contains("slope") && !text.contains("belowLowerLimit"))
        }
    }

    @Test("the public framework holds published records only and no e-mail address")
    func publishedFramework() {
        let document = FrameworkDocument(
            orgUnits: [OrgUnit(code: "DMV", name: "Department of Motor Vehicles", kind: .agency)],
            people: [Person(email: "k.osei@example.gov", name: "Kwame Osei"), Person(email: "x@example.gov", name: "Hidden Person")],
            goals: [
                Goal(code: "G1", kind: .strategicGoal, name: "Public goal", leader: "k.osei@example.gov", public: true),
                Goal(code: "G2", kind: .strategicGoal, name: "Private goal", leader: "x@example.gov"),
            ],
            indicators: [
                Indicator(code: "I1", name: "Public indicator", unit: .count, direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", steward: "x@example.gov", public: true, goals: ["G1", "G2"]),
                Indicator(code: "I2", name: "Private indicator", unit: .count, direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", goals: ["G1"]),
            ],
            targets: [Target(indicator: "I1", period: "2026", value: 5, setOn: "2026-01-01", setBy: "x@example.gov"), Target(indicator: "I2", period: "2026", value: 5, setOn: "2026-01-01")],
            narratives: [
                Narrative(goal: "G1", period: "2026-Q1", accomplishments: "Published words", author: "x@example.gov", state: .published),
                Narrative(goal: "G1", period: "2026-Q2", accomplishments: "Draft words", state: .draft),
                Narrative(goal: "G2", period: "2026-Q1", accomplishments: "Private goal words", state: .published),
            ]
        )
        let published = document.published()
        #expect(published.goals.map(\.code) == ["G1"])
        #expect(published.goals.first?.leader == "Kwame Osei")
        #expect(published.indicators.map(\.code) == ["I1"])
        #expect(published.indicators.first?.goals == ["G1"])
        #expect(published.indicators.first?.steward == nil)
        #expect(published.targets.map(\.indicator) == ["I1"])
        #expect(published.narratives.map(\.accomplishments) == ["Published words"])
        #expect(published.people.isEmpty)
        let encoded = String(decoding: try! JSONEncoder().encode(published), as: UTF8.self)
        #expect(!encoded.contains("@"), "an e-mail address in the public framework")
        #expect(document.agencyName == "Department of Motor Vehicles")
    }

    @Test("the narrative workflow: authors submit, the leader or a PIO approve and publish, sending back needs a note")
    func workflow() throws {
        let author = NarrativeActor(mayWrite: true, leadsGoal: false, mayPublish: false)
        let leader = NarrativeActor(mayWrite: true, leadsGoal: true, mayPublish: false)
        let pio = NarrativeActor(mayWrite: true, leadsGoal: false, mayPublish: true)
        #expect(try NarrativeWorkflow.apply(.submit, to: .draft, by: author, note: nil) == .submitted)
        #expect(throws: NarrativeWorkflow.Refusal.notAllowed(step: .approve)) { try NarrativeWorkflow.apply(.approve, to: .submitted, by: author, note: nil) }
        #expect(try NarrativeWorkflow.apply(.approve, to: .submitted, by: leader, note: nil) == .approved)
        #expect(try NarrativeWorkflow.apply(.publish, to: .approved, by: pio, note: nil) == .published)
        #expect(throws: NarrativeWorkflow.Refusal.wrongState(step: .publish, state: .draft)) { try NarrativeWorkflow.apply(.publish, to: .draft, by: pio, note: nil) }
        #expect(throws: NarrativeWorkflow.Refusal.noteRequired) { try NarrativeWorkflow.apply(.sendBack, to: .submitted, by: leader, note: "  ") }
        #expect(try NarrativeWorkflow.apply(.sendBack, to: .published, by: leader, note: "Add the Q2 numbers") == .draft)
        #expect(NarrativeWorkflow.steps(from: .draft, by: author) == [.submit])
        #expect(NarrativeWorkflow.steps(from: .submitted, by: author).isEmpty)
        #expect(NarrativeWorkflow.steps(from: .submitted, by: pio) == [.approve, .sendBack])
    }

    @Test("a narrative read from a file without a state is published; new words make a stored one a draft")
    func narrativeStateDefaults() throws {
        let decoded = try JSONDecoder().decode(Narrative.self, from: Data(#"{"goal":"G1","period":"2026-Q1"}"#.utf8))
        #expect(decoded.state == .published)
        let stored = Narrative(goal: "G1", period: "2026-Q1", accomplishments: "A", state: .published)
        #expect(stored.sameWords(as: Narrative(goal: "G1", period: "2026-Q1", accomplishments: "A")))
        #expect(!stored.sameWords(as: Narrative(goal: "G1", period: "2026-Q1", accomplishments: "B")))
    }

    @Test("feedback: the honeypot, the limit per address and the size limits refuse; a good comment is trimmed")
    func feedbackRules() {
        let rules = FeedbackRules.standard
        func check(_ message: String, name: String? = nil, website: String? = nil, recent: Int = 0) -> Result<(message: String, displayName: String?), FeedbackRules.Refusal> {
            Result { () throws(FeedbackRules.Refusal) in try rules.check(FeedbackRules.Submission(message: message, displayName: name, website: website), recentFromAddress: recent) }
        }
        #expect((try? check("  Great work  ", name: " ").get())?.message == "Great work")
        #expect((try? check("Great work", name: " ").get())?.displayName == nil)
        if case .failure(let refusal) = check("Buy now", website: "http://spam") { #expect(refusal.field == "message") } else { Issue.record("the honeypot let a robot through") }
        if case .failure(let refusal) = check("Fine", recent: 3) { #expect(refusal.tooMany) } else { Issue.record("no limit per address") }
        if case .failure(let refusal) = check(String(repeating: "x", count: 2001)) { #expect(refusal.field == "message") } else { Issue.record("no size limit") }
        if case .failure(let refusal) = check("Fine", name: String(repeating: "n", count: 81)) { #expect(refusal.field == "displayName") } else { Issue.record("no name limit") }
        if case .failure(let refusal) = check("   ") { #expect(refusal.field == "message") } else { Issue.record("an empty comment accepted") }
        #expect(FeedbackRules.addressKey("10.0.0.1") != FeedbackRules.addressKey("10.0.0.2"))
        #expect(!FeedbackRules.addressKey("10.0.0.1").contains("10.0.0.1"))
    }

    @Test("a win is linked to a goal, milestone or indicator that exists, and is public only when what it links to is")
    func wins() {
        let document = FrameworkDocument(
            orgUnits: [OrgUnit(code: "DMV", name: "DMV", kind: .agency)],
            goals: [Goal(code: "G1", kind: .strategicGoal, name: "Public", orgUnit: "DMV", public: true), Goal(code: "G2", kind: .strategicGoal, name: "Private", orgUnit: "DMV")]
        )
        #expect(throws: WinRules.Refusal.self) { try WinRules.validate(WinDraft(title: "T", story: "S", achievedOn: "2026-01-01"), in: document) }
        #expect(throws: WinRules.Refusal.self) { try WinRules.validate(WinDraft(title: "T", story: "S", goal: "NOPE", achievedOn: "2026-01-01"), in: document) }
        #expect(throws: WinRules.Refusal.self) { try WinRules.validate(WinDraft(title: "T", story: "S", goal: "G1", achievedOn: "soon"), in: document) }
        #expect((try? WinRules.validate(WinDraft(title: " T ", story: "S", goal: "G1", achievedOn: "2026-01-01"), in: document))?.title == "T")
        #expect(WinRules.owningUnit(of: WinDraft(title: "T", story: "S", goal: "G1", achievedOn: "2026-01-01"), in: document) == "DMV")
        let published = document.published()
        let onPublic = Win(id: UUID(), title: "T", story: "S", goal: "G1", achievedOn: "2026-01-01", published: true)
        #expect(WinRules.isPublic(onPublic, in: published))
        var unpublished = onPublic
        unpublished.published = false
        #expect(!WinRules.isPublic(unpublished, in: published))
        var onPrivate = onPublic
        onPrivate.goal = "G2"
        #expect(!WinRules.isPublic(onPrivate, in: published))
    }

    @Test("open data: the CSV quotes what needs quoting and defuses spreadsheet formulas; JSON names the columns")
    func openData() throws {
        let table = OpenData.Table(name: "t", title: "T", description: "", columns: [.init(name: "a", meaning: ""), .init(name: "b", meaning: ""), .init(name: "c", meaning: "")])
        let csv = OpenData.csv(table, rows: [[.text("x, \"y\""), .number(2.5), .list(["G1", "G2"])], [.text("=HYPERLINK(1)"), .number(nil), .text("-3")]])
        #expect(csv == "a,b,c\n\"x, \"\"y\"\"\",2.5,G1;G2\n'=HYPERLINK(1),,-3\n")
        let json = try JSONSerialization.jsonObject(with: OpenData.json(table, rows: [[.text("x"), .number(2), .list(["G1"])]])) as? [String: Any]
        let item = (json?["items"] as? [[String: Any]])?.first
        #expect(item?["a"] as? String == "x")
        #expect(item?["b"] as? Double == 2)
        #expect(item?["c"] as? [String] == ["G1"])
        // The dictionary describes exactly the columns the rows fill.
        let document = FrameworkDocument(goals: [Goal(code: "G1", kind: .strategicGoal, name: "G", public: true)])
        #expect(OpenData.goalRows(document, statuses: [:]).first?.count == OpenData.goals.columns.count)
    }

    @Test("search finds every word, ignoring case and accents, in published records only")
    func search() {
        let document = FrameworkDocument(goals: [
            Goal(code: "G1", kind: .strategicGoal, name: "Faster service", statement: "Cut the wait at every office", public: true),
        ], narratives: [Narrative(goal: "G1", period: "2026-Q1", accomplishments: "Opened a café line", state: .published)])
        #expect(PortalSearch.search("WAIT office", in: document, wins: []).map(\.kind) == [.goal])
        #expect(PortalSearch.search("cafe", in: document, wins: []).map(\.kind) == [.narrative])
        #expect(PortalSearch.search("wait nowhere", in: document, wins: []).isEmpty)
        #expect(PortalSearch.search("   ", in: document, wins: []).isEmpty)
        let hidden = Win(id: UUID(), title: "Secret win", story: "S", goal: "G1", achievedOn: "2026-01-01", published: false)
        #expect(PortalSearch.search("secret", in: document, wins: [hidden]).isEmpty)
    }
}
