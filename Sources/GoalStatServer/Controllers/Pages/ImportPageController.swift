import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// Importing a file in the browser: choose it, see the preview (worked out in a transaction that is rolled back),
/// then commit it. Between the preview and the commit the file is kept in the database (`PendingUploads`), for the
/// person who sent it and for an hour, so that any server process can commit it and the file is not sent twice.
struct ImportPageController {
    struct Upload: Content {
        var file: File?
    }

    struct Commit: Content {
        var token: String?
        var reason: String?
    }

    func form(_ request: Request) async throws -> Response {
        model(.upload, request).render(request.pageContext).htmlResponse()
    }

    func preview(_ request: Request) async throws -> Response {
        let upload = try? request.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return refuse(file: "Choose a file to import: a .csv of measurements, a .yaml or .json framework file, or a StratML plan (.xml).", request)
        }
        let name = Self.fileName(file.filename)
        let imported = ImportFile(name: name, data: Data(buffer: file.data))
        guard let kind = imported.kind else {
            return refuse(file: "\(name) is neither a .csv measurements file, a .yaml, .yml or .json framework file, nor a StratML plan (.xml).", request)
        }
        try await request.authorizeImport(Data(buffer: file.data), measurements: kind == .measurements)
        let preview = try await ImportPreviewService.preview(imported, audit: request.auditContext(.import), on: request.db)
        var token: UUID?
        if preview.canCommit {
            token = try await PendingUploads.keep(Data(buffer: file.data), fileName: name, for: try user(request), now: request.clock.now(), on: request.db)
        }
        let status: HTTPResponseStatus = preview.problemCount > 0 ? .unprocessableEntity : .ok
        return model(.preview(preview, token: token), request).render(request.pageContext).htmlResponse(status: status)
    }

    /// The commit and discard forms, read by the record forms' reader: it ignores fields it does not know, where
    /// Vapor's decoder refuses a name it cannot parse (`a[`).
    private static func commitForm(_ request: Request) throws -> Commit {
        let values = try request.formValues()
        return Commit(token: values.text("token"), reason: values.text("reason"))
    }

    /// The kept file's token, as the preview's form sends it: anything else is a malformed form (400), not an
    /// expired file.
    private static func token(_ form: Commit) throws -> UUID {
        guard let text = form.token, let token = UUID(uuidString: text) else {
            throw APIError(status: .badRequest, code: "malformedBody", message: "token must be the id of a kept file, as the preview's form sends it", field: "token")
        }
        return token
    }

    func commit(_ request: Request) async throws -> Response {
        let form = try Self.commitForm(request)
        let user = try user(request)
        let token = try Self.token(form)
        guard let upload = try await PendingUploads.find(token, for: user, now: request.clock.now(), on: request.db)
        else {
            return refuse(file: "That file is no longer waiting for its commit (a file waits one hour, and is removed once committed or discarded): choose it again.", request, status: .gone)
        }
        let file = ImportFile(name: upload.fileName, data: upload.content)
        try await request.authorizeImport(upload.content, measurements: file.kind == .measurements)
        let batch = UUID()
        do {
            let report = try await ImportService.importFiles(
                [file], dryRun: false, reason: form.reason, audit: request.auditContext(.import, batch: batch), on: request.db
            )
            try await PendingUploads.discard(token, for: user, on: request.db)
            let indicators = file.kind == .measurements
                ? Array(Set(MeasurementsCSV.indicatorUnits(in: upload.content).map(\.indicator)).sorted().prefix(ImportPreview.listLimit))
                : []
            let outcome = ImportPageModel.Outcome(fileName: upload.fileName, report: report, batch: batch, indicators: indicators)
            return model(.done(outcome), request).render(request.pageContext).htmlResponse()
        } catch let failure as ImportFailure {
            // Refused as a whole, nothing stored: the preview again, with the reason asked for beside its field, or
            // (when the stored data changed since the preview) the problems the commit met.
            var preview = try await ImportPreviewService.preview(file, audit: request.auditContext(.import), on: request.db)
            var page = model(.preview(preview, token: token), request)
            page.reason = form.reason ?? ""
            if let problem = failure.problems.first(where: { $0.column == "reason" || $0.file == "--reason" }) {
                page.errors["reason"] = problem.file == "--reason"
                    ? problem.reason
                    : "These corrections change final values: say why (the reason is kept with each corrected value)."
            } else {
                preview.problems = failure.problems
                preview.problemCount = failure.count
                page.step = .preview(preview, token: nil)
            }
            return page.render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
    }

    func discard(_ request: Request) async throws -> Response {
        let form = try Self.commitForm(request)
        try await PendingUploads.discard(try Self.token(form), for: try user(request), on: request.db)
        return request.redirect(to: SiteURL.imports.path, redirectType: .normal)
    }

    private func model(_ step: ImportPageModel.Step, _ request: Request) -> ImportPageModel {
        ImportPageModel(step: step, mayImportFramework: request.principal.mayEverywhere(.editFramework))
    }

    private func refuse(file message: String, _ request: Request, status: HTTPResponseStatus = .unprocessableEntity) -> Response {
        var page = model(.upload, request)
        page.errors["file"] = message
        return page.render(request.pageContext).htmlResponse(status: status)
    }

    /// The person the kept file belongs to: the route lets only signed-in people with the import right through.
    private func user(_ request: Request) throws -> UserID {
        guard let id = request.caller.user?.id else { throw AccessDenied.notSignedIn }
        return id
    }

    /// The last part of the name the browser sent, at most 200 characters, keeping its extension.
    static func fileName(_ sent: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        guard clean.count > 200 else { return clean.isEmpty ? "upload" : clean }
        let ext = (clean as NSString).pathExtension
        return String(clean.prefix(190)) + (ext.isEmpty ? "" : "." + ext)
    }
}
