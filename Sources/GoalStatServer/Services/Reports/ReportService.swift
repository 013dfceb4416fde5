import FluentKit
import Foundation
import GoalStatCore
import GoalStatStore

/// The reports of issue 12 (quarterly priority-goal update, annual performance report, review briefing book), as
/// the pages and `goalstat report` ask for them: the content from the store by key (`ReportData`), arranged by
/// GoalStatCore's report rules, rendered as one HTML document (printed to PDF by `PDFPrinter`).
public enum ReportService {
    public enum Kind: String, Sendable, CaseIterable {
        case quarterly, annual, briefing
    }

    /// What to report on; each option is checked and a bad one named (`ReportOptionError`).
    public struct Options: Sendable {
        public var kind: Kind
        /// Quarterly: one priority goal (nil: every priority goal).
        public var goal: String?
        /// Quarterly: the quarter (`FY2026-Q3`); nil: the latest ended by `asOf`.
        public var quarter: String?
        /// Annual: the year reported on (`FY2026`); nil: the latest ended by `asOf`.
        public var year: String?
        /// Briefing: the review.
        public var review: UUID?
        public var asOf: CalendarDate
        /// Published records only, and nothing from reviews.
        public var isPublic: Bool

        public init(kind: Kind, goal: String? = nil, quarter: String? = nil, year: String? = nil, review: UUID? = nil, asOf: CalendarDate, isPublic: Bool = false) {
            self.kind = kind
            self.goal = goal
            self.quarter = quarter
            self.year = year
            self.review = review
            self.asOf = asOf
            self.isPublic = isPublic
        }
    }

    /// A report as a standalone HTML document. `principal` nil: everything (the command line).
    public static func html(_ options: Options, visibleTo principal: Principal?, document: FrameworkDocument? = nil, on db: any Database) async throws -> String {
        try await build(options, visibleTo: principal, document: document, on: db).render(.inline)
    }

    static func build(_ options: Options, visibleTo principal: Principal?, document stored: FrameworkDocument?, on db: any Database) async throws -> ReportDocument {
        let full: FrameworkDocument
        if let stored { full = stored } else { full = try await FrameworkStore.exportDocument(on: db) }
        let agency = full.plan?.orgUnit.flatMap { code in full.orgUnits.first { $0.code == code }?.name }
            ?? full.orgUnits.first { $0.parent == nil }?.name ?? "GoalStat"
        let reporting = Reporting(plan: full.plan)
        switch options.kind {
        case .quarterly:
            let quarter = try period(options.quarter, field: "quarter", granularity: .quarter, reporting: reporting)
                ?? QuarterlyUpdate.defaultQuarter(asOf: options.asOf, calendar: reporting.calendar, fiscal: reporting.fiscal)
            let reader: Principal? = options.isPublic ? .anonymous : principal
            let visible = reader.map(full.visible(to:)) ?? full
            let goals = QuarterlyUpdate.goals(options.goal, in: visible)
            if let code = options.goal, goals.isEmpty {
                throw ReportOptionError(field: "goal", message: "there is no goal \(code)" + (options.isPublic ? " among the published goals" : ""), notFound: true)
            }
            var scope = Set<String>()
            for goal in goals { scope.insert(goal.code) }
            let inputs = try await ReportData.inputs(visibleTo: principal, isPublic: options.isPublic, document: full, goals: scope, asOf: options.asOf, on: db)
            let updates = goals.map { QuarterlyUpdate.build(goal: $0, quarter: quarter, inputs: inputs) }
            return QuarterlyReportView.document(updates, inputs: inputs, agency: agency)
        case .annual:
            let year = try period(options.year, field: "year", granularity: .year, reporting: reporting)
                ?? AnnualReport.defaultYear(asOf: options.asOf, calendar: reporting.calendar, fiscal: reporting.fiscal)
            let inputs = try await ReportData.inputs(visibleTo: principal, isPublic: options.isPublic, document: full, asOf: options.asOf, on: db)
            let results = try await YearlyResultsReader.results(of: inputs.document, years: AnnualReport.years(ending: year), asOf: options.asOf, on: db)
            return AnnualReportView.document(AnnualReport.build(year: year, results: results, inputs: inputs), inputs: inputs, agency: agency)
        case .briefing:
            if options.isPublic {
                throw ReportOptionError(field: "public", message: "a review's briefing book is internal: it has no public version")
            }
            guard let id = options.review else { throw ReportOptionError(field: "review", message: "name the review whose briefing book to make") }
            guard let review = try await ReviewStore.review(id, on: db) else {
                throw ReportOptionError(field: "review", message: "there is no review \(id.uuidString)", notFound: true)
            }
            let briefing = try await ReviewBriefing.load(review, asOf: options.asOf, visibleTo: principal, document: full, on: db)
            return BriefingBookView.document(briefing, agency: agency)
        }
    }

    private static func period(_ text: String?, field: String, granularity: Period.Granularity, reporting: Reporting) throws -> Period? {
        guard let text else { return nil }
        guard let period = try? Period.parse(text, calendar: reporting.calendar), period.granularity == granularity else {
            let example = granularity == .quarter ? (reporting.fiscal ? "FY2026-Q3" : "2026-Q3") : (reporting.fiscal ? "FY2026" : "2026")
            throw ReportOptionError(field: field, message: "\"\(text)\" is not a \(granularity == .quarter ? "quarter" : "year"), such as \(example)")
        }
        return period
    }
}

/// A report option that names nothing there is, or is malformed: the command line exits 1 naming the option, the
/// pages answer 400 (404 for a goal or review that does not exist).
public struct ReportOptionError: Error, Sendable, Equatable {
    public var field: String
    public var message: String
    public var notFound = false
}
