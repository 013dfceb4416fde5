import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// Open data (issue 12 item 2): CSV and JSON of everything published, at stable URLs (`/public/data/{table}.{csv|json}`),
/// open to anyone, and the data dictionary that describes every column. Built from the published framework only
/// (`Request.publicFramework`); the values stream a page at a time, so memory does not grow with their number.
struct OpenDataController {
    static let files: [String] = OpenData.tables.flatMap { ["\($0.name).csv", "\($0.name).json"] } + ["plan.json"]

    func dictionary(_ request: Request) async throws -> Response {
        try await request.cachedPage {
            let document = try await request.publicFramework()
            return OpenDataPage(agency: document.agencyName ?? "Our agency").render(request.pageContext)
        }
    }

    func file(_ request: Request) async throws -> Response {
        let name = try request.parameters.require("file")
        let indicator = try request.queryText("indicator")
        guard Self.files.contains(name) else { throw APIError.notFound("Download \(name)") }
        let document = try await request.publicFramework()
        let isCSV = name.hasSuffix(".csv")
        let type = isCSV ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : HTTPMediaType.json
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        switch stem {
        case "values":
            var codes = Set(document.indicators.map(\.code))
            if let indicator {
                guard codes.contains(indicator) else { throw APIError.notFound("Indicator \(indicator)") }
                codes = [indicator]
            }
            let db = request.db
            let format: ExportService.MeasurementFormat = isCSV ? .csv : .json
            let response = Response(status: .ok, body: .init(asyncStream: { [codes] writer in
                do {
                    try await ExportService.streamMeasurements(format: format, indicators: codes, on: db) { chunk in
                        try await writer.write(.buffer(ByteBuffer(data: chunk)))
                    }
                    try await writer.write(.end)
                } catch {
                    try await writer.write(.error(error))
                }
            }))
            return Self.download(response, type: type, name: indicator.map { "\($0)-values.\(isCSV ? "csv" : "json")" } ?? name)
        case "plan":
            let plan = document.plan
            let body = try JSONEncoder().encode(PublicPlan(agency: document.agencyName, name: plan?.name, period: plan?.period, mission: plan?.mission, vision: plan?.vision, values: plan?.values ?? []))
            return Self.download(Response(status: .ok, body: .init(data: body)), type: type, name: name)
        default:
            let table: OpenData.Table
            let rows: [[OpenData.Cell]]
            switch stem {
            case "goals":
                let statuses = try await ReadModel.goalStatuses(document.goals.map(\.code), on: request.db).mapValues(\.status)
                (table, rows) = (OpenData.goals, OpenData.goalRows(document, statuses: statuses))
            case "indicators":
                let verdicts = try await ReadModel.verdicts(of: document.indicators.map(\.code), on: request.db)
                (table, rows) = (OpenData.indicators, OpenData.indicatorRows(document, verdicts: verdicts))
            default:
                (table, rows) = (OpenData.targets, OpenData.targetRows(document))
            }
            let body = isCSV ? Data(OpenData.csv(table, rows: rows).utf8) : try OpenData.json(table, rows: rows)
            return Self.download(Response(status: .ok, body: .init(data: body)), type: type, name: name)
        }
    }

    private static func download(_ response: Response, type: HTTPMediaType, name: String) -> Response {
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    /// The plan as the public reads it.
    struct PublicPlan: Encodable {
        var agency: String?
        var name: String?
        var period: PeriodSpan?
        var mission: String?
        var vision: String?
        var values: [PlanValue]
    }
}
