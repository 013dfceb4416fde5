import GoalStatCore
import Vapor

/// The downloads page; the files themselves come from the export routes of the API and the audit log.
struct ExportsPageController {
    func show(_ request: Request) async throws -> Response {
        let principal = request.principal
        return ExportsPage(
            mayExportFramework: principal.mayEverywhere(.exportData), mayReadAudit: principal.mayEverywhere(.readAudit),
            mayImport: principal.maySomewhere(.importFiles)
        ).render(request.pageContext).htmlResponse()
    }
}
