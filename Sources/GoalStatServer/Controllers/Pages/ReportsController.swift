import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// Reports for the authorizing environment (issue 12) as HTML or PDF, and the plan as StratML.
struct ReportsController {
    /// The page that offers every report.
    func index(_ request: Request) async throws -> Response {
        let document = try await request.visibleFramework()
        return ReportsPage(
            priorityGoals: document.goals.filter { $0.kind == .priorityGoal }, reviews: try await ReviewStore.reviews(on: request.db),
            today: request.clock.today, pdfAvailable: PDFPrinter.chromium() != nil
        ).render(request.pageContext).htmlResponse()
    }

    func quarterly(_ request: Request) async throws -> Response {
        try await report(.quarterly, request)
    }

    func annual(_ request: Request) async throws -> Response {
        try await report(.annual, request)
    }

    func briefingBook(_ request: Request) async throws -> Response {
        try await report(.briefing, request)
    }

    private func report(_ kind: ReportService.Kind, _ request: Request) async throws -> Response {
        // Queries are parsed before anything is looked up (SPEC §5a).
        let format = try request.queryChoice("format", ["html", "pdf"]) ?? "html"
        // The forms the OpenAPI document gives: a year of 1900–2099, with or without FY, and its quarters.
        // An empty value is the default (the reports page's forms send the field empty to mean "the latest ended").
        let quarter = try request.queryText("quarter"), year = try request.queryText("year")
        if let quarter, quarter.range(of: #"^(FY)?(19|20)[0-9]{2}-Q[1-4]$"#, options: .regularExpression) == nil {
            throw APIError.invalidQuery("quarter", "'\(quarter)' is not a quarter such as FY2026-Q3 or 2026-Q3")
        }
        if let year, year.range(of: #"^(FY)?(19|20)[0-9]{2}$"#, options: .regularExpression) == nil {
            throw APIError.invalidQuery("year", "'\(year)' is not a year such as FY2026 or 2026")
        }
        var options = ReportService.Options(
            kind: kind, goal: try request.queryText("goal"), quarter: quarter, year: year,
            asOf: try request.queryDate("asOf") ?? request.clock.today, isPublic: try request.queryBool("public") ?? false
        )
        if kind == .briefing {
            guard let id = UUID(uuidString: try request.parameters.require("id")) else { throw Abort(.notFound) }
            options.review = id
        }
        let report: ReportDocument
        do {
            report = try await ReportService.build(options, visibleTo: request.principal, document: try await request.framework(), on: request.db)
        } catch let error as ReportOptionError {
            throw APIError(status: error.notFound ? .notFound : .badRequest, code: error.notFound ? "notFound" : "invalidQuery", message: error.message, field: error.field)
        }
        guard format == "pdf" else { return report.render(.linked).htmlResponse() }
        do {
            let pdf = try await PDFPrinter.pdf(html: report.render(.inline))
            let response = Response(status: .ok, body: .init(data: pdf))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(kind.rawValue)-report.pdf\"")
            return response
        } catch let unavailable as PDFPrinter.Unavailable {
            throw APIError(status: .serviceUnavailable, code: "pdfUnavailable", message: unavailable.message, field: "format")
        }
    }

    /// `/stratml/part1.xml` and `/stratml/part2.xml`: the published plan, for anyone.
    func publishedStratML(_ part: StratMLExport.Part, _ request: Request) async throws -> Response {
        try await stratml(part, visibleTo: .anonymous, request)
    }

    /// `/api/v1/stratml?part=1|2`: what the caller may read (the published plan for a visitor).
    func apiStratML(_ request: Request) async throws -> Response {
        let part = try request.queryChoice("part", ["1", "2"]).flatMap { Int($0) }.flatMap(StratMLExport.Part.init(rawValue:)) ?? .one
        return try await stratml(part, visibleTo: request.principal, request)
    }

    private func stratml(_ part: StratMLExport.Part, visibleTo principal: Principal, _ request: Request) async throws -> Response {
        let xml = try await StratMLExport.xml(part: part, visibleTo: principal, document: try await request.framework(), today: request.clock.today, on: request.db)
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"plan-part\(part.rawValue).stratml.xml\"")
        return response
    }
}
