import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatServer
import GoalStatStore

/// `goalstat report quarterly|annual|briefing`: a report as HTML or PDF, from the data as of a date.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make a report: the quarterly priority-goal update, the annual performance report, or a review's briefing book (HTML or PDF)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, pdf
    }

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "quarterly, annual or briefing.")
    var kind: String

    @ArgumentParser.Option(name: .long, help: "quarterly: one priority goal's code (default: every priority goal).")
    var goal: String?

    @ArgumentParser.Option(name: .long, help: "quarterly: the quarter, such as FY2026-Q3 (default: the latest ended by --as-of).")
    var quarter: String?

    @ArgumentParser.Option(name: .customLong("fiscal-year"), help: "annual: the year reported on, such as FY2026 (default: the latest ended by --as-of).")
    var fiscalYear: String?

    @ArgumentParser.Option(name: .long, help: "briefing: the review's id.")
    var review: String?

    @ArgumentParser.Option(name: .long, help: "html (default) or pdf (needs Chromium).")
    var format: String = "html"

    @ArgumentParser.Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @ArgumentParser.Option(name: .customLong("as-of"), help: "The date of the data, YYYY-MM-DD (default: today).")
    var asOf: String?

    @ArgumentParser.Flag(name: .long, help: "For the public: published goals and indicators only, nothing from reviews.")
    var `public` = false

    func run() async throws {
        // Bad values are bad input (exit 1, naming the option), checked before the database is opened.
        guard let kind = ReportService.Kind(rawValue: kind) else { fail("kind", "must be quarterly, annual or briefing, not \"\(self.kind)\"") }
        guard let format = Format(rawValue: format) else { fail("--format", "must be html or pdf, not \"\(self.format)\"") }
        var date = CalendarDate(utc: Date())
        if let asOf {
            guard let parsed = try? CalendarDate.parse(asOf) else { fail("--as-of", "\"\(asOf)\" is not a date (YYYY-MM-DD)") }
            date = parsed
        }
        let misplaced: [(String, Bool)] = [
            ("--goal", goal != nil && kind != .quarterly), ("--quarter", quarter != nil && kind != .quarterly),
            ("--fiscal-year", fiscalYear != nil && kind != .annual), ("--review", review != nil && kind != .briefing),
        ]
        if let entry = misplaced.first(where: { $0.1 }) { fail(entry.0, "does not apply to the \(kind.rawValue) report") }
        var reviewID: UUID?
        if kind == .briefing {
            guard let review else { fail("--review", "name the review whose briefing book to make") }
            guard let id = UUID(uuidString: review) else { fail("--review", "\"\(review)\" is not a review id") }
            reviewID = id
        }
        if format == .pdf, PDFPrinter.chromium() == nil { fail("--format", PDFPrinter.notInstalled) }
        let settings = ReportService.Options(
            kind: kind, goal: goal, quarter: quarter, year: fiscalYear, review: reviewID, asOf: date, isPublic: `public`
        )
        let html: String
        do {
            html = try await options.withDatabase { store in
                _ = try await ReadModel.ensureCurrent(asOf: CalendarDate(utc: Date()), on: store.database)
                return try await ReportService.html(settings, visibleTo: nil, on: store.database)
            }
        } catch let error as ReportOptionError {
            let names = ["goal": "--goal", "quarter": "--quarter", "year": "--fiscal-year", "review": "--review", "public": "--public"]
            fail(names[error.field] ?? error.field, error.message)
        }
        var data = Data(html.utf8)
        if format == .pdf {
            do {
                data = try await PDFPrinter.pdf(html: html)
            } catch let unavailable as PDFPrinter.Unavailable {
                fail("--format", unavailable.message)
            }
        }
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output)) } catch { fail("--output", "cannot write \(output): \(error.localizedDescription)") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    private func fail(_ option: String, _ message: String) -> Never {
        StandardError.write("goalstat report: \(option): \(message)")
        Foundation.exit(1)
    }
}
