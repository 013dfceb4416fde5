import GoalStatCore
import GoalStatStore
import Vapor

/// File imports and exports over the API, in the formats of SPEC §3.
struct ImportExportAPIController {
    /// The body is the file: `text/csv` (measurements), `application/yaml` or `application/json` (framework),
    /// or say `?format=csv|yaml|json`. `?dryRun=true` reports without storing.
    func importFile(_ request: Request) async throws -> ImportReport {
        let format = try request.queryChoice("format", ["csv", "yaml", "json"]) ?? {
            switch request.headers.contentType?.subType {
            case "csv": "csv"
            case "yaml", "x-yaml": "yaml"
            case "json": "json"
            default: nil
            }
        }()
        guard let format, ["csv", "yaml", "json"].contains(format) else {
            throw APIError.invalid("format", "send text/csv, application/yaml or application/json, or say ?format=csv|yaml|json")
        }
        let dryRun = try request.queryBool("dryRun") ?? false
        guard let body = request.body.data else { throw APIError.malformed("the request has no body") }
        try await request.authorizeImport(Data(buffer: body), measurements: format == "csv")
        return try await ImportService.importFiles(
            [ImportFile(name: "upload.\(format)", data: Data(buffer: body))], dryRun: dryRun, reason: try request.queryText("reason"),
            audit: request.auditContext(.import), on: request.db
        )
    }

    func exportMeasurements(_ request: Request) async throws -> Response {
        let format = try request.queryChoice("format", ["csv", "json"]) ?? "csv"
        let document = try await request.framework()
        let scope = request.principal.scope(.exportData, tree: OrgTree(document.orgUnits))
        var allowed = Set(document.indicators.filter { scope.contains($0.orgUnit) }.map(\.code))
        // One indicator's values (the download on its page); one the reader may not export is refused, not emptied.
        if let code = try request.queryText("indicator") {
            guard document.indicators.contains(where: { $0.code == code }) else {
                throw APIError.notFound("Indicator \(code)")
            }
            guard allowed.contains(code) else {
                throw AccessDenied.forbidden("Your roles do not allow exporting unpublished data of \(code).")
            }
            allowed = [code]
        }
        let data = try await ExportService.measurements(format: format == "csv" ? .csv : .json, indicators: allowed, on: request.db)
        return file(data, type: format == "csv" ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : .json,
                    name: "\(try request.queryText("indicator").map { "\($0)-" } ?? "")measurements.\(format)")
    }

    func exportFramework(_ request: Request) async throws -> Response {
        let format = try request.queryChoice("format", ["yaml", "json"]) ?? "yaml"
        guard let parsed = FrameworkFile.Format(rawValue: format) else { throw APIError.invalidQuery("format", "the framework exports as yaml or json") }
        let data = try await ExportService.framework(format: parsed, on: request.db)
        return file(data, type: parsed == .json ? .json : HTTPMediaType(type: "application", subType: "yaml"), name: "framework.\(format)")
    }

    private func file(_ data: Data, type: HTTPMediaType, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
